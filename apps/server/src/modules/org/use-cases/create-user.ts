import { type UserCreateInput } from '@tongban/contracts';
import { type Actor } from '../../../platform/access';
import { type Deps } from '../../../platform/app-types';
import { hashPassword } from '../../../platform/crypto';
import { runCommand } from '../../../platform/command';
import { accounts, findPasswordProblem } from '../../auth';
import { checkUserScope, userOut } from '../org-scope';
import { OrgError } from '../org.errors';

export async function createUser(
  deps: Deps,
  actor: Actor,
  input: UserCreateInput,
  opts: { demoAccount?: boolean } = {},
) {
  await checkUserScope(deps.db, actor, input.regionCode, input.role, input.departmentId);
  // Issue 12 point 9: the server's password policy (strength, username, demo password).
  const weak = await findPasswordProblem(input.password, {
    username: input.username,
    displayName: input.displayName,
    demoAccount: opts.demoAccount,
  });
  if (weak) throw new OrgError('ORG_WEAK_PASSWORD', weak);
  const passwordHash = await hashPassword(input.password, deps.config.passwordCost);
  return runCommand(deps, actor, async ({ tx }) => {
    if (await accounts.findAccountIdByUsername(tx, input.username)) throw new OrgError('ORG_USERNAME_TAKEN');
    const row = await accounts.insertAccount(tx, {
      username: input.username,
      displayName: input.displayName,
      passwordHash,
      role: input.role,
      regionCode: input.regionCode,
      departmentId: input.departmentId ?? null,
    });
    if (!row) throw new OrgError('ORG_USERNAME_TAKEN');
    const { password: _pw, ...summary } = input;
    return {
      result: userOut(row),
      audit: {
        action: 'org.user.create',
        entityType: 'user',
        entityId: row.id,
        regionCode: row.regionCode,
        summary,
      },
    };
  });
}
