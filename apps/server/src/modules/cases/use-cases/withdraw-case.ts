import { type Actor } from '../../../platform/access';
import { type Deps } from '../../../platform/app-types';
import { fail } from '../case-access';
import { BranchOptions } from '../case-context';
import { transition } from '../case-transition';
import { checkWithdraw } from '../cases.policy';

export async function withdraw(
  deps: Deps,
  actor: Actor,
  caseId: string,
  input: { version: number; reason: string },
  opts: BranchOptions = {},
) {
  return transition(
    deps,
    actor,
    caseId,
    input.version,
    'case.intake',
    async (ctx) => {
      fail(checkWithdraw(ctx.state));
      return { events: [{ type: 'withdrawn', reason: input.reason }], audit: 'case.withdraw' };
    },
    opts,
  );
}
