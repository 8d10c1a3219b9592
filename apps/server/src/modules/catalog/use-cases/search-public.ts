import { GuideLang, type CatalogPublicHit, type CatalogPublicQuery, type Guides } from '@tongban/contracts';
import { type Deps } from '../../../platform/app-types';
import { pinyinQuery } from '../catalog-pinyin';
import * as repo from '../catalog.repository';

// ── Public ───────────────────────────────────────────────────────────────

export const langsOf = (guides: unknown) =>
  GuideLang.options.filter((l) => (guides as Guides | null)?.[l] !== undefined);

export async function searchPublic(
  deps: Deps,
  query: CatalogPublicQuery,
): Promise<{ items: CatalogPublicHit[]; total: number; page: number; pageSize: number }> {
  const { total, rows } = await repo.searchPublished(deps.db, {
    q: query.q || undefined,
    pinyin: query.q ? pinyinQuery(query.q) : undefined,
    regionCode: query.regionCode,
    departmentId: query.departmentId,
    itemType: query.itemType,
    onlineLevel: query.onlineLevel,
    maxVisits: query.maxVisits,
    limit: query.pageSize,
    offset: (query.page - 1) * query.pageSize,
  });
  return {
    items: rows.map(({ namePinyin: _p, namePinyinInitials: _i, ...r }) => ({
      ...r,
      itemType: r.itemType as CatalogPublicHit['itemType'],
      handling: r.handling as CatalogPublicHit['handling'],
      onlineLevel: r.onlineLevel as CatalogPublicHit['onlineLevel'],
    })),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}
