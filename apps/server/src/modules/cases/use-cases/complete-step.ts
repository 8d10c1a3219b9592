import { type Actor } from '../../../platform/access';
import { type Deps } from '../../../platform/app-types';
import { fail } from '../case-access';
import { assertAssignee, transition } from '../case-transition';
import { checkCompleteStep } from '../cases.policy';

export async function completeStep(
  deps: Deps,
  actor: Actor,
  caseId: string,
  input: { version: number; opinion: string },
) {
  return transition(
    deps,
    actor,
    caseId,
    input.version,
    'case.review',
    async (ctx) => {
      fail(checkCompleteStep(ctx.state, ctx.steps.length, actor.userId ?? ''));
      assertAssignee(ctx, actor);
      return {
        events: [{ type: 'step_completed', stepIndex: ctx.state.stepIndex, opinion: input.opinion }],
        audit: 'case.complete_step',
        summary: { step: ctx.steps[ctx.state.stepIndex] },
      };
    },
    // The case's status stays: listeners (a bundle's join) need not hold their rows exclusively.
    { stepOnly: true },
  );
}
