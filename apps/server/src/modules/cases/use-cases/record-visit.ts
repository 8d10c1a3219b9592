import { type Actor } from '../../../platform/access';
import { type Deps } from '../../../platform/app-types';
import { fail } from '../case-access';
import { transition } from '../case-transition';
import { isOpenCase } from '../cases.policy';

export async function recordVisit(
  deps: Deps,
  actor: Actor,
  caseId: string,
  input: { version: number; purpose: string },
) {
  return transition(deps, actor, caseId, input.version, 'case.intake', async (ctx) => {
    if (!isOpenCase(ctx.state)) fail('CASE_WRONG_STATUS');
    return { events: [{ type: 'visit', purpose: input.purpose }], audit: 'case.visit' };
  });
}
