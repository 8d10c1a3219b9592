import { type Actor } from '../../../platform/access';
import { type Deps } from '../../../platform/app-types';
import { findUserCard } from '../../auth';
import { fail } from '../case-access';
import { assertAssignee, transition } from '../case-transition';
import { CasesError } from '../cases.errors';
import { checkSeparationOfDuties } from '../cases.policy';

export async function transfer(
  deps: Deps,
  actor: Actor,
  caseId: string,
  input: { version: number; toUserId: string; reason: string },
) {
  return transition(deps, actor, caseId, input.version, 'case.review', async (ctx) => {
    if (ctx.state.status !== 'accepted') fail('CASE_WRONG_STATUS');
    assertAssignee(ctx, actor);
    const to = await findUserCard(ctx.tx, input.toUserId, ctx.row.regionCode);
    if (
      !to ||
      to.disabled ||
      to.departmentId !== ctx.row.departmentId ||
      !['approver', 'dept_head'].includes(to.role) ||
      to.id === actor.userId
    )
      throw new CasesError('CASE_BAD_TRANSFER');
    // SOD-1: whoever signed another step of this case could not sign this one.
    if (checkSeparationOfDuties(ctx.state, ctx.state.stepIndex, to.id))
      throw new CasesError(
        'CASE_SOD_SAME_SIGNER',
        `${to.displayName}已签署本办件的其他环节，不能接办（审查与决定须由不同的人签署）`,
      );
    return {
      events: [{ type: 'transferred', toUserId: to.id, reason: input.reason, toName: to.displayName }],
      audit: 'case.transfer',
      summary: { to: to.displayName },
    };
  });
}
