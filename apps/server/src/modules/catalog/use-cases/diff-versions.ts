import { type CatalogDiff } from '@tongban/contracts';
import { type Actor } from '../../../platform/access';
import { type Deps } from '../../../platform/app-types';
import { CatalogError } from '../catalog.errors';
import { diffContents } from '../catalog.policy';
import { notFound } from '../../../platform/errors';
import { toVersion } from '../catalog-content';
import * as repo from '../catalog.repository';
import { getReadableItem } from './get-item';

export async function diffVersions(
  deps: Deps,
  actor: Actor,
  itemId: string,
  fromId: string,
  toId: string,
): Promise<CatalogDiff> {
  const item = await getReadableItem(deps, actor, itemId);
  // The item's versions lie in its region; an id not there is looked for elsewhere only to answer
  // as before (another item's version is a mismatch, an unknown one a 404).
  const find = async (id: string) =>
    (await repo.findVersionRow(deps.db, item.regionCode, id)) ??
    (await repo.findVersionRowAnyRegion(deps.db, id));
  const rowA = await find(fromId);
  if (!rowA) throw notFound('事项版本', fromId);
  const rowB = await find(toId);
  if (!rowB) throw notFound('事项版本', toId);
  if (rowA.itemId !== itemId || rowB.itemId !== itemId) throw new CatalogError('CATALOG_VERSION_MISMATCH');
  const [a, b] = [await toVersion(deps.db, rowA), await toVersion(deps.db, rowB)];
  return {
    from: { versionId: a.id, versionNo: a.versionNo },
    to: { versionId: b.id, versionNo: b.versionNo },
    ...diffContents(a, b),
  };
}
