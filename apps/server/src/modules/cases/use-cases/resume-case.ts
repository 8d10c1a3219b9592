import { type Actor } from '../../../platform/access';
import { type Deps } from '../../../platform/app-types';
import { fail } from '../case-access';
import { transition } from '../case-transition';
import { checkResume } from '../cases.policy';

export async function resume(deps: Deps, actor: Actor, caseId: string, input: { version: number }) {
  return transition(deps, actor, caseId, input.version, 'case.review', async (ctx) => {
    fail(checkResume(ctx.state));
    return { events: [{ type: 'resumed' }], audit: 'case.resume' };
  });
}
