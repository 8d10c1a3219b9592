import { type CatalogDiff } from '@tongban/contracts';
import { type Actor } from '../../../platform/access';
import { type Deps } from '../../../platform/app-types';
import { CatalogError } from '../catalog.errors';
import { diffContents } from '../catalog.policy';
import { getReadableItem } from './get-item';
import { getVersion } from './get-version';

export async function diffVersions(
  deps: Deps,
  actor: Actor,
  itemId: string,
  fromId: string,
  toId: string,
): Promise<CatalogDiff> {
  await getReadableItem(deps, actor, itemId);
  const [a, b] = [await getVersion(deps, fromId), await getVersion(deps, toId)];
  if (a.itemId !== itemId || b.itemId !== itemId) throw new CatalogError('CATALOG_VERSION_MISMATCH');
  return {
    from: { versionId: a.id, versionNo: a.versionNo },
    to: { versionId: b.id, versionNo: b.versionNo },
    ...diffContents(a, b),
  };
}
