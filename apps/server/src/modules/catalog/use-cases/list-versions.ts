import { assertAccess, checkAccess, type Actor } from '../../../platform/access';
import { type Deps } from '../../../platform/app-types';
import { notFound } from '../../../platform/errors';
import { versionSummary } from '../catalog-content';
import * as repo from '../catalog.repository';
import { getReadableItem } from './get-item';
import { getVersion } from './get-version';

export async function listVersions(deps: Deps, actor: Actor, itemId: string) {
  const item = await getReadableItem(deps, actor, itemId);
  return (await repo.listVersionRows(deps.db, item.regionCode, itemId)).map(versionSummary);
}

export async function getVersionFor(deps: Deps, actor: Actor, versionId: string) {
  assertAccess(actor, 'catalog.read');
  const v = await getVersion(deps, versionId);
  if (!checkAccess(actor, 'catalog.read', { regionCode: v.regionCode }))
    throw notFound('事项版本', versionId);
  return v;
}
