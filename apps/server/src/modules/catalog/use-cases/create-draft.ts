import { type CatalogContent, type CatalogDraftCreate, type CatalogVersion } from '@tongban/contracts';
import { assertAccess, type Actor } from '../../../platform/access';
import { type Deps } from '../../../platform/app-types';
import { runCommand } from '../../../platform/command';
import {
  assertScope,
  contentOf,
  getDepartmentFor,
  getItemIn,
  stripUndefined,
  throwViolations,
  toVersion,
  versionColumns,
  writeMaterials,
} from '../catalog-content';
import { CatalogError } from '../catalog.errors';
import * as repo from '../catalog.repository';
import { FixedIds } from './create-item';

/** Editing a published item: a new draft version copied from the live one; the live one stays. */
export async function createDraft(
  deps: Deps,
  actor: Actor,
  itemId: string,
  input: CatalogDraftCreate,
  fixedIds: FixedIds = {},
): Promise<CatalogVersion> {
  assertAccess(actor, 'catalog.write');
  const item = await getItemIn(deps.db, itemId);
  return runCommand(deps, actor, async ({ tx }) => {
    if (item.retiredAt) throw new CatalogError('CATALOG_ITEM_RETIRED');
    const published = await repo.findVersionRowByStatus(tx, item.regionCode, itemId, 'published');
    const latest = (await repo.findLatestVersionRow(tx, item.regionCode, itemId))!;
    assertScope(actor, 'catalog.write', item.regionCode, latest.departmentId);
    if (input.changes?.departmentId)
      assertScope(actor, 'catalog.write', item.regionCode, input.changes.departmentId);
    if (latest.status === 'draft')
      throw new CatalogError('CATALOG_DRAFT_EXISTS', undefined, { draftVersionId: latest.id });
    if (!published) throw new CatalogError('CATALOG_NOT_PUBLISHED');
    if (published.id !== input.fromVersionId)
      throw new CatalogError('CATALOG_STALE_VERSION', undefined, { publishedVersionId: published.id });
    const base = contentOf(published, await repo.listMaterials(tx, [item.regionCode], [published.id]));
    const content: CatalogContent = { ...base, ...stripUndefined(input.changes ?? {}) };
    throwViolations(content);
    if (input.changes?.departmentId) await getDepartmentFor(tx, input.changes.departmentId, item.regionCode);
    const row = await repo.insertVersion(tx, {
      ...versionColumns(content),
      ...(fixedIds.versionId ? { id: fixedIds.versionId } : {}),
      regionCode: item.regionCode,
      itemId,
      versionNo: latest.versionNo + 1,
      status: 'draft',
      createdBy: actor.userId,
      createdAt: deps.clock.now(),
    });
    await writeMaterials(tx, row.id, item.regionCode, content.materials);
    return {
      result: await toVersion(tx, row),
      audit: {
        action: 'catalog.version.draft',
        entityType: 'catalog_item',
        entityId: itemId,
        regionCode: item.regionCode,
        summary: { versionNo: row.versionNo, fromVersionNo: published.versionNo },
      },
    };
  });
}
