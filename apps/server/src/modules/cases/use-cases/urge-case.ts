import { type Actor } from '../../../platform/access';
import { type Deps } from '../../../platform/app-types';
import { fail } from '../case-access';
import { transition } from '../case-transition';
import { isOpenCase } from '../cases.policy';

export async function urge(
  deps: Deps,
  actor: Actor,
  caseId: string,
  input: { version: number; note: string },
) {
  return transition(deps, actor, caseId, input.version, 'case.urge', async (ctx) => {
    if (!isOpenCase(ctx.state)) fail('CASE_WRONG_STATUS');
    return { events: [{ type: 'urged', note: input.note }], audit: 'case.urge' };
  });
}
