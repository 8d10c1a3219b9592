import { regionPrefix, type CatalogFigures } from '@tongban/contracts';
import { assertAccess, checkAccess, type Actor } from '../../../platform/access';
import { type Deps } from '../../../platform/app-types';
import { CatalogError } from '../catalog.errors';
import { computeFigures } from '../catalog.policy';
import * as repo from '../catalog.repository';

export async function getFigures(deps: Deps, actor: Actor, regionCode?: string): Promise<CatalogFigures> {
  assertAccess(actor, 'catalog.read');
  const region = regionCode ?? actor.regionCode;
  if (!checkAccess(actor, 'catalog.read', { regionCode: region }))
    throw new CatalogError('CATALOG_OUT_OF_REGION');
  const rows = await repo.listPublishedForFigures(deps.db, `${regionPrefix(region)}%`);
  return computeFigures(region, rows);
}
