import { type Actor } from '../../../platform/access';
import { type Deps } from '../../../platform/app-types';
import { fail } from '../case-access';
import { transition } from '../case-transition';
import { CasesError } from '../cases.errors';
import * as repo from '../cases.repository';

export async function deferredReceived(
  deps: Deps,
  actor: Actor,
  caseId: string,
  input: { version: number; names: string[] },
) {
  return transition(deps, actor, caseId, input.version, 'case.intake', async (ctx) => {
    if (ctx.state.status !== 'accepted') fail('CASE_WRONG_STATUS');
    const unknown = input.names.filter((n) => !ctx.state.deferredOutstanding.includes(n));
    if (unknown.length)
      throw new CasesError('CASE_UNKNOWN_MATERIAL', `不是待补交的容缺材料：${unknown.join('、')}`);
    ctx.writes.push(
      ...repo.updateMaterial(ctx.tx, ctx.row.regionCode, ctx.row.id, input.names, {
        status: 'provided',
        receivedAt: ctx.now,
      }),
    );
    return { events: [{ type: 'deferred_received', names: input.names }], audit: 'case.deferred_received' };
  });
}
