import { type CatalogItemCreate, type CatalogVersion } from '@tongban/contracts';
import { assertAccess, type Actor } from '../../../platform/access';
import { type Deps } from '../../../platform/app-types';
import { runCommand } from '../../../platform/command';
import {
  assertScope,
  getDepartmentFor,
  throwViolations,
  toVersion,
  versionColumns,
  writeMaterials,
} from '../catalog-content';
import { CatalogError } from '../catalog.errors';
import * as repo from '../catalog.repository';

// ── Staff: write ────────────────────────────────────────────────────────────

/** `fixedIds` lets the demo seed use known ids (tests address them); the API never passes them. */
export type FixedIds = { itemId?: string; versionId?: string };

export async function createItem(
  deps: Deps,
  actor: Actor,
  input: CatalogItemCreate,
  fixedIds: FixedIds = {},
): Promise<CatalogVersion> {
  assertAccess(actor, 'catalog.write');
  const { itemCode, regionCode: givenRegion, ...content } = input;
  const regionCode = givenRegion ?? actor.regionCode;
  assertScope(actor, 'catalog.write', regionCode, content.departmentId);
  throwViolations(content);
  return runCommand(deps, actor, async ({ tx }) => {
    await getDepartmentFor(tx, content.departmentId, regionCode);
    if (await repo.findItemByCode(tx, regionCode, itemCode))
      throw new CatalogError('CATALOG_DUPLICATE_CODE', `事项编码“${itemCode}”在本区划内已存在`);
    const item = await repo.insertItem(tx, {
      regionCode,
      itemCode,
      ...(fixedIds.itemId ? { id: fixedIds.itemId } : {}),
    });
    const row = await repo.insertVersion(tx, {
      ...versionColumns(content),
      ...(fixedIds.versionId ? { id: fixedIds.versionId } : {}),
      regionCode,
      itemId: item.id,
      versionNo: 1,
      status: 'draft',
      createdBy: actor.userId,
      createdAt: deps.clock.now(),
    });
    await writeMaterials(tx, row.id, regionCode, content.materials);
    return {
      result: await toVersion(tx, row),
      audit: {
        action: 'catalog.item.create',
        entityType: 'catalog_item',
        entityId: item.id,
        regionCode,
        summary: { itemCode, name: content.name, versionNo: 1 },
      },
    };
  });
}
