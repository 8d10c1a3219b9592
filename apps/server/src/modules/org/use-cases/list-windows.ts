import { assertAccess, regionScopeLike, type Actor } from '../../../platform/access';
import { type Deps } from '../../../platform/app-types';
import * as repo from '../org.repository';

export async function listWindows(deps: Deps, actor: Actor) {
  assertAccess(actor, 'org.read');
  return repo.listWindows(deps.db, regionScopeLike(actor));
}
