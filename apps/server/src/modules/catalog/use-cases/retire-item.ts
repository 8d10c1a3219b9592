import { assertAccess, type Actor } from '../../../platform/access';
import { type Deps } from '../../../platform/app-types';
import { runCommand } from '../../../platform/command';
import { assertScope, getItemAfter, getItemIn } from '../catalog-content';
import { CatalogError } from '../catalog.errors';
import * as repo from '../catalog.repository';

/** Cancels an item (取消): nothing of it stays live; its history stays readable. */
export async function retire(deps: Deps, actor: Actor, itemId: string, reason: string) {
  assertAccess(actor, 'catalog.publish');
  const item = await getItemIn(deps.db, itemId);
  return runCommand(deps, actor, async ({ tx }) => {
    const latest = (await repo.findLatestVersionRow(tx, item.regionCode, itemId))!;
    assertScope(actor, 'catalog.publish', item.regionCode, latest.departmentId);
    if (item.retiredAt) throw new CatalogError('CATALOG_ITEM_RETIRED');
    const now = deps.clock.now();
    await repo.retireVersions(tx, item.regionCode, itemId);
    await repo.updateItem(tx, item.regionCode, itemId, { retiredAt: now, retiredReason: reason });
    return {
      result: await getItemAfter(tx, item.regionCode, itemId),
      audit: {
        action: 'catalog.item.retire',
        entityType: 'catalog_item',
        entityId: itemId,
        regionCode: item.regionCode,
        summary: { itemCode: item.itemCode, reason },
      },
    };
  });
}
