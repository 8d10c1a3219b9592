import { type DecideInput } from '@tongban/contracts';
import { type Actor } from '../../../platform/access';
import { type Deps } from '../../../platform/app-types';
import { fail } from '../case-access';
import { decisionEvents, decisionNumbers } from '../case-decision';
import { assertAssignee, transition } from '../case-transition';
import { checkDecide } from '../cases.policy';

export async function decide(deps: Deps, actor: Actor, caseId: string, input: DecideInput) {
  return transition(
    deps,
    actor,
    caseId,
    input.version,
    'case.review',
    async (ctx) => {
      fail(checkDecide(ctx.state, ctx.steps.length, actor.userId ?? ''));
      assertAssignee(ctx, actor);
      return decisionEvents(ctx, input, false);
    },
    { numbers: decisionNumbers(caseId, input) },
  );
}
