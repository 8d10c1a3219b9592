import { type UserUpdateInput } from '@tongban/contracts';
import { type Actor } from '../../../platform/access';
import { type Deps } from '../../../platform/app-types';
import { notFound } from '../../../platform/errors';
import { runCommand } from '../../../platform/command';
import { accounts, forgetUserSessions } from '../../auth';
import { assertWrite, checkUserScope, userOut } from '../org-scope';
import { OrgError } from '../org.errors';

export async function updateUser(deps: Deps, actor: Actor, id: string, input: UserUpdateInput) {
  const existing = await accounts.findAccount(deps.db, id);
  if (!existing) throw notFound('用户', id);
  assertWrite(actor, existing.regionCode);
  const role = input.role ?? existing.role;
  const regionCode = input.regionCode ?? existing.regionCode;
  const departmentId = input.departmentId === undefined ? existing.departmentId : input.departmentId;
  if (id === actor.userId && (input.disabled || (input.role && input.role !== 'admin')))
    throw new OrgError('ORG_SELF_LOCKOUT');
  await checkUserScope(deps.db, actor, regionCode, role, departmentId);
  const out = await runCommand(deps, actor, async ({ tx }) => {
    const row = await accounts.updateAccount(tx, existing, { ...input, departmentId });
    // A disabled user or a changed role starts over with a new session.
    if (input.disabled || input.role || input.regionCode || input.departmentId !== undefined) {
      await accounts.deleteAccountSessions(tx, id);
    }
    return {
      result: userOut(row),
      audit: {
        action: 'org.user.update',
        entityType: 'user',
        entityId: id,
        regionCode: row.regionCode,
        summary: input,
      },
    };
  });
  forgetUserSessions(deps, id);
  return out;
}
