import { LEDGER_INSPECTION_KIND_LABELS, type PublicReportList } from '@tongban/contracts';
import type { Deps } from '../../../platform/app-types';

/**
 * 整改通报 on the public portal: the published inspections only, newest first. Nothing here that the
 * public report page itself does not already show (SEC-2: a fixed list, nothing to enumerate).
 */
export async function listPublicReports(deps: Deps, limit = 20): Promise<PublicReportList> {
  const rows = await deps.db
    .selectFrom('ledgerInspection')
    .select(['id', 'kind', 'inspectedUnit', 'issuer', 'publishedAt'])
    .where('publishedAt', 'is not', null)
    .orderBy('publishedAt', 'desc')
    .orderBy('id')
    .limit(limit)
    .execute();
  return {
    items: rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      kindLabel: LEDGER_INSPECTION_KIND_LABELS[r.kind],
      inspectedUnit: r.inspectedUnit,
      issuer: r.issuer || r.inspectedUnit,
      publishedAt: new Date(r.publishedAt!).toISOString(),
    })),
  };
}
