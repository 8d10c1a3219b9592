import { type CatalogVersion } from '@tongban/contracts';
import { type Deps } from '../../../platform/app-types';
import { notFound } from '../../../platform/errors';
import { toVersion } from '../catalog-content';
import { CatalogError } from '../catalog.errors';
import * as repo from '../catalog.repository';

// ── For other modules (cases pin the version they were filed under) ──────────

/**
 * One version with its materials, whatever its status; throws 404 when unknown. A caller holding the
 * version's region (a case pins its version in its own region) passes it; without it the version is
 * first found by its id alone (ADR 0006, named in CROSS_REGION), and the rest is read in its region.
 */
export async function getVersion(
  deps: Pick<Deps, 'db'>,
  versionId: string,
  regionCode?: string,
): Promise<CatalogVersion> {
  const row =
    regionCode === undefined
      ? await repo.findVersionRowAnyRegion(deps.db, versionId)
      : await repo.findVersionRow(deps.db, regionCode, versionId);
  if (!row) throw notFound('事项版本', versionId);
  return toVersion(deps.db, row);
}

/**
 * Which version of an item is live (one small query; a version's content never changes once
 * published, so callers may cache it by id); throws when the item is unpublished or retired.
 */
export async function getPublishedVersionId(
  deps: Pick<Deps, 'db'>,
  itemId: string,
  regionCode?: string,
): Promise<string> {
  const row =
    regionCode === undefined
      ? await repo.findPublishedVersionIdAnyRegion(deps.db, itemId)
      : await repo.findPublishedVersionId(deps.db, regionCode, itemId);
  if (!row) throw new CatalogError('CATALOG_NOT_PUBLISHED', undefined, { itemId });
  return row.id;
}

/**
 * The live version of an item; throws when the item is unpublished or retired. Without the item's
 * region (a public guide link, an application) the item id alone finds it (named in CROSS_REGION).
 */
export async function getPublishedVersion(
  deps: Pick<Deps, 'db'>,
  itemId: string,
  regionCode?: string,
): Promise<CatalogVersion> {
  const row =
    regionCode === undefined
      ? await repo.findPublishedRowAnyRegion(deps.db, itemId)
      : await repo.findVersionRowByStatus(deps.db, regionCode, itemId, 'published');
  if (!row) throw new CatalogError('CATALOG_NOT_PUBLISHED', undefined, { itemId });
  return toVersion(deps.db, row);
}
