import { assertAccess, type Actor } from '../../../platform/access';
import { type Deps } from '../../../platform/app-types';
import { hashPassword } from '../../../platform/crypto';
import { notFound } from '../../../platform/errors';
import { runCommand } from '../../../platform/command';
import {
  accounts,
  clearSignInLocks,
  findPasswordHash,
  findPasswordProblem,
  forgetUserSessions,
} from '../../auth';
import { assertWrite } from '../org-scope';
import { OrgError } from '../org.errors';

export async function resetUserPassword(deps: Deps, actor: Actor, id: string, password: string) {
  const existing = await accounts.findAccount(deps.db, id);
  if (!existing) throw notFound('用户', id);
  assertAccess(actor, 'user.write');
  assertWrite(actor, existing.regionCode);
  // Issue 12 point 9: nor may a reset set the user's current password again.
  const weak = await findPasswordProblem(password, {
    username: existing.username,
    displayName: existing.displayName,
    currentHash: await findPasswordHash(deps.db, existing),
  });
  if (weak) throw new OrgError('ORG_WEAK_PASSWORD', weak);
  const passwordHash = await hashPassword(password, deps.config.passwordCost);
  const out = await runCommand(deps, actor, async ({ tx, now }) => {
    await accounts.setAccountPassword(tx, existing, passwordHash);
    await accounts.deleteAccountSessions(tx, id);
    // Issue 12 point 8: a reset lifts the account's sign-in locks (audited as auth.unlocked).
    const lifted = await clearSignInLocks(tx, deps, existing, now);
    const reset = {
      action: 'org.user.reset_password',
      entityType: 'user',
      entityId: id,
      regionCode: existing.regionCode,
    };
    return { result: undefined, audit: lifted ? [lifted, reset] : reset };
  });
  forgetUserSessions(deps, id);
  return out;
}
