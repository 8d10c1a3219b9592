import { type LedgerDashboard } from '@tongban/contracts';
import { type Actor } from '../../../platform/access';
import type { Deps } from '../../../platform/app-types';
import { shanghaiToday } from '../../../platform/time';
import { buildDashboard } from '../ledger-dashboard';
import { measureStatus } from '../ledger.policy';
import * as repo from '../ledger.repository';

import { today, getInspection } from '../ledger-access';

// ── Dashboard (TRUTH-1: computed from the records at request time) ───────

export async function dashboard(deps: Deps, actor: Actor, inspectionId: string): Promise<LedgerDashboard> {
  const i = await getInspection(deps.db, actor, inspectionId, 'ledger.read');
  const db = deps.db;
  const day = today(deps);
  const region = i.regionCode;
  const findings = await repo.listFindings(db, region, inspectionId);
  const measures = await repo.listMeasureRows(db, { regionCode: region, inspectionId });
  const ids = new Set(measures.map((m) => m.id));
  const progress = await repo.listProgress(db, region, [...ids]);
  const revisits =
    measures.length === 0
      ? []
      : await db
          .selectFrom('ledgerRevisit')
          .select(['measureIds', 'reopenedAt'])
          .where('regionCode', '=', region)
          .where('targetId', 'in', [...ids, ...findings.map((f) => f.id)])
          .execute();
  return buildDashboard({
    inspectionId,
    today: day,
    feedbackDate: i.feedbackDate,
    findingIds: findings.map((f) => f.id),
    measures: measures.map((m) => ({
      id: m.id,
      findingId: m.findingId,
      kind: m.kind,
      status: measureStatus(
        m,
        progress.filter((p) => p.measureId === m.id),
        day,
      ),
      departmentId: m.departmentId,
      departmentName: m.departmentName,
      signedOffOn: m.signedOffAt ? shanghaiToday(new Date(m.signedOffAt)) : null,
    })),
    progressDates: progress.map((p) => p.date),
    reopenedOn: revisits.flatMap((r) =>
      r.measureIds.filter((id) => ids.has(id)).map(() => shanghaiToday(new Date(r.reopenedAt))),
    ),
  });
}
