import { type CatalogVersion } from '@tongban/contracts';
import { assertAccess, type Actor } from '../../../platform/access';
import { type Deps } from '../../../platform/app-types';
import { type Tx } from '../../../platform/db';
import { notFound } from '../../../platform/errors';
import { runCommand } from '../../../platform/command';
import { assertScope, contentOf, getItemIn, throwViolations, toVersion } from '../catalog-content';
import { CatalogError } from '../catalog.errors';
import { findMissingElements } from '../catalog.policy';
import * as repo from '../catalog.repository';

/** Publishes a draft after the completeness check; the previous live version is superseded. */
export async function publish(
  deps: Deps,
  actor: Actor,
  itemId: string,
  versionId: string,
): Promise<CatalogVersion> {
  assertAccess(actor, 'catalog.publish');
  const item = await getItemIn(deps.db, itemId);
  return runCommand(deps, actor, async ({ tx }) => {
    const v = await publishIn(tx, deps, actor, item, versionId);
    return {
      result: await toVersion(tx, v.row),
      audit: {
        action: 'catalog.item.publish',
        entityType: 'catalog_item',
        entityId: itemId,
        regionCode: item.regionCode,
        summary: { itemCode: item.itemCode, versionNo: v.row.versionNo, supersededVersionNo: v.superseded },
      },
    };
  });
}

export async function publishIn(
  tx: Tx,
  deps: Deps,
  actor: Actor,
  item: { id: string; regionCode: string; retiredAt: Date | null },
  versionId: string,
) {
  if (item.retiredAt) throw new CatalogError('CATALOG_ITEM_RETIRED');
  const row = await repo.findVersionRow(tx, item.regionCode, versionId);
  if (!row || row.itemId !== item.id) throw notFound('事项版本', versionId);
  assertScope(actor, 'catalog.publish', item.regionCode, row.departmentId);
  if (row.status !== 'draft') throw new CatalogError('CATALOG_NOT_DRAFT', undefined, { status: row.status });
  const content = contentOf(row, await repo.listMaterials(tx, [item.regionCode], [row.id]));
  const missing = findMissingElements(content);
  if (missing.length > 0)
    throw new CatalogError(
      'CATALOG_INCOMPLETE',
      `事项要素不完整，不能发布。缺少：${missing.map((m) => m.label).join('、')}`,
      { missing },
    );
  throwViolations(content);
  const now = deps.clock.now();
  const old = await repo.findVersionRowByStatus(tx, item.regionCode, item.id, 'published');
  // Superseded first: at most one published version per item (a unique index holds it).
  if (old) await repo.updateVersion(tx, item.regionCode, old.id, { status: 'superseded', supersededAt: now });
  const published = await repo.updateVersion(tx, item.regionCode, row.id, {
    status: 'published',
    publishedAt: now,
    publishedBy: actor.userId,
  });
  return { row: published, superseded: old?.versionNo ?? null };
}
