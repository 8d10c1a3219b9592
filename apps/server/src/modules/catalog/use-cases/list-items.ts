import { type CatalogItemSummary, type CatalogStaffQuery } from '@tongban/contracts';
import { assertAccess, regionScopeLike, type Actor } from '../../../platform/access';
import { type Deps } from '../../../platform/app-types';
import { iso } from '../catalog-content';
import { pinyinQuery } from '../catalog-pinyin';
import * as repo from '../catalog.repository';

// ── Staff: read ─────────────────────────────────────────────────────────────

export async function listItems(
  deps: Deps,
  actor: Actor,
  query: CatalogStaffQuery,
): Promise<{ items: CatalogItemSummary[]; total: number; page: number; pageSize: number }> {
  assertAccess(actor, 'catalog.read');
  const rows = await repo.listStaffItems(deps.db, {
    like: regionScopeLike(actor),
    q: query.q || undefined,
    pinyin: query.q ? pinyinQuery(query.q) : undefined,
    status: query.status,
    departmentId: query.departmentId,
    itemType: query.itemType,
    limit: query.pageSize,
    offset: (query.page - 1) * query.pageSize,
  });
  return {
    items: rows.map((r) => ({
      id: r.id,
      regionCode: r.regionCode,
      itemCode: r.itemCode,
      status: r.retiredAt ? 'retired' : r.publishedVersionId ? 'published' : 'draft',
      name: r.name,
      itemType: r.itemType as CatalogItemSummary['itemType'],
      departmentId: r.departmentId,
      departmentName: r.departmentName,
      latestVersionId: r.latestVersionId,
      latestVersionNo: r.latestVersionNo,
      latestStatus: r.latestStatus,
      publishedVersionId: r.publishedVersionId,
      publishedVersionNo: r.publishedVersionNo,
      hasPendingDraft: r.latestStatus === 'draft',
      updatedAt: iso(r.updatedAt)!,
    })),
    total: Number(rows[0]?.total ?? 0),
    page: query.page,
    pageSize: query.pageSize,
  };
}
