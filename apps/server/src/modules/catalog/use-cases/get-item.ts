import { assertAccess, checkAccess, type Actor } from '../../../platform/access';
import { type Deps } from '../../../platform/app-types';
import { notFound } from '../../../platform/errors';
import { getItemIn, iso, versionSummary } from '../catalog-content';
import * as repo from '../catalog.repository';
import { getVersion } from './get-version';

export async function getReadableItem(deps: Deps, actor: Actor, itemId: string) {
  assertAccess(actor, 'catalog.read');
  const item = await getItemIn(deps.db, itemId);
  if (!checkAccess(actor, 'catalog.read', { regionCode: item.regionCode })) throw notFound('事项', itemId);
  return item;
}

export async function getItem(deps: Deps, actor: Actor, itemId: string) {
  const item = await getReadableItem(deps, actor, itemId);
  const versions = await repo.listVersionRows(deps.db, item.regionCode, itemId);
  const published = versions.find((v) => v.status === 'published');
  const draft = versions.find((v) => v.status === 'draft');
  return {
    id: item.id,
    regionCode: item.regionCode,
    itemCode: item.itemCode,
    retiredAt: iso(item.retiredAt),
    retiredReason: item.retiredReason,
    published: published ? await getVersion(deps, published.id, item.regionCode) : null,
    draft: draft ? await getVersion(deps, draft.id, item.regionCode) : null,
    versions: versions.map(versionSummary),
  };
}
