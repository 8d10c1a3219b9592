import { type Actor } from '../../../platform/access';
import { type Deps } from '../../../platform/app-types';
import { fail } from '../case-access';
import { assertAssignee, transition } from '../case-transition';
import { checkReturn } from '../cases.policy';

export async function returnStep(
  deps: Deps,
  actor: Actor,
  caseId: string,
  input: { version: number; reason: string },
) {
  return transition(deps, actor, caseId, input.version, 'case.review', async (ctx) => {
    fail(checkReturn(ctx.state));
    assertAssignee(ctx, actor);
    return {
      events: [{ type: 'returned', fromStep: ctx.state.stepIndex, reason: input.reason }],
      audit: 'case.return',
    };
  });
}
