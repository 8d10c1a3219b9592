import { type CatalogVersion } from '@tongban/contracts';
import { type Deps } from '../../../platform/app-types';
import { notFound } from '../../../platform/errors';
import { toVersion } from '../catalog-content';
import { CatalogError } from '../catalog.errors';
import * as repo from '../catalog.repository';

// ── For other modules (cases pin the version they were filed under) ──────────

/** One version with its materials, whatever its status; throws 404 when unknown. */
export async function getVersion(deps: Pick<Deps, 'db'>, versionId: string): Promise<CatalogVersion> {
  const row = await repo.findVersionRow(deps.db, versionId);
  if (!row) throw notFound('事项版本', versionId);
  return toVersion(deps.db, row);
}

/**
 * Which version of an item is live (one small query; a version's content never changes once
 * published, so callers may cache it by id); throws when the item is unpublished or retired.
 */
export async function getPublishedVersionId(deps: Pick<Deps, 'db'>, itemId: string): Promise<string> {
  const row = await repo.findPublishedVersionId(deps.db, itemId);
  if (!row) throw new CatalogError('CATALOG_NOT_PUBLISHED', undefined, { itemId });
  return row.id;
}

/** The live version of an item; throws when the item is unpublished or retired. */
export async function getPublishedVersion(deps: Pick<Deps, 'db'>, itemId: string): Promise<CatalogVersion> {
  const row = await repo.findVersionRowByStatus(deps.db, itemId, 'published');
  if (!row) throw new CatalogError('CATALOG_NOT_PUBLISHED', undefined, { itemId });
  return toVersion(deps.db, row);
}
