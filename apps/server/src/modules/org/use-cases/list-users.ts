import { assertAccess, regionScopeLike, type Actor } from '../../../platform/access';
import { type Deps } from '../../../platform/app-types';
import { accounts } from '../../auth';
import { userOut } from '../org-scope';

export async function listUsers(deps: Deps, actor: Actor) {
  assertAccess(actor, 'user.read');
  return (await accounts.listAccounts(deps.db, regionScopeLike(actor))).map(userOut);
}
