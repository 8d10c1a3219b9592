import { type CatalogContent, type CatalogVersion, type CatalogVersionPatch } from '@tongban/contracts';
import { assertAccess, type Actor } from '../../../platform/access';
import { type Deps } from '../../../platform/app-types';
import { notFound } from '../../../platform/errors';
import { runCommand } from '../../../platform/command';
import {
  assertScope,
  contentOf,
  getDepartmentFor,
  stripUndefined,
  throwViolations,
  toVersion,
  versionColumns,
  writeMaterials,
} from '../catalog-content';
import { CatalogError } from '../catalog.errors';
import * as repo from '../catalog.repository';

export async function updateDraft(
  deps: Deps,
  actor: Actor,
  versionId: string,
  patch: CatalogVersionPatch,
): Promise<CatalogVersion> {
  assertAccess(actor, 'catalog.write');
  // The version's id arrives alone (PATCH /api/catalog/versions/:id): found in any region, then its own.
  const row = await repo.findVersionRowAnyRegion(deps.db, versionId);
  if (!row) throw notFound('事项版本', versionId);
  assertScope(actor, 'catalog.write', row.regionCode, row.departmentId);
  if (patch.departmentId) assertScope(actor, 'catalog.write', row.regionCode, patch.departmentId);
  // A published version is what applicants were told and what cases pinned: it never changes.
  if (row.status !== 'draft')
    throw new CatalogError('CATALOG_VERSION_IMMUTABLE', undefined, { versionId, status: row.status });
  return runCommand(deps, actor, async ({ tx }) => {
    const materials = await repo.listMaterials(tx, [row.regionCode], [row.id]);
    const content: CatalogContent = { ...contentOf(row, materials), ...stripUndefined(patch) };
    throwViolations(content);
    if (patch.departmentId) await getDepartmentFor(tx, patch.departmentId, row.regionCode);
    const updated = await repo.updateVersion(tx, row.regionCode, row.id, versionColumns(content));
    if (patch.materials) await writeMaterials(tx, row.id, row.regionCode, content.materials);
    return {
      result: await toVersion(tx, updated),
      audit: {
        action: 'catalog.version.update',
        entityType: 'catalog_item',
        entityId: row.itemId,
        regionCode: row.regionCode,
        summary: { versionId, versionNo: row.versionNo, fields: Object.keys(stripUndefined(patch)) },
      },
    };
  });
}
