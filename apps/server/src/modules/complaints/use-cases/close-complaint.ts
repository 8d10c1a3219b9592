import type { Actor } from '../../../platform/access';
import type { Deps } from '../../../platform/app-types';
import { checkClose } from '../complaints.policy';
import * as repo from '../complaints.repository';
import { actOnComplaint, actorFacts, factsOf, fail, touchOther } from './complaint-command';

/**
 * 办结 (SOD-2): only with a reply and a callback, by someone other than the handler; CPL-3: every
 * merged duplicate has been called back too. The merged ones close with it.
 */
export async function closeComplaint(deps: Deps, actor: Actor, id: string, input: { version: number }) {
  return actOnComplaint(
    deps,
    actor,
    id,
    input.version,
    'complaint.callback',
    'complaint.close',
    async (ctx) => {
      const [merged] = ctx.pre as [repo.ComplaintRow[]];
      const pending = merged.filter((m) => !m.callbackBy).length;
      fail(checkClose(factsOf(ctx.row, pending), actorFacts(actor)));
      return {
        patch: { status: 'closed', closedAt: ctx.now, closedBy: actor.userId, heldByDepartmentId: null },
        event: { type: 'closed', payload: { result: ctx.row.callbackResult } },
        closeTodos: true,
        also: (c) => [
          repo.endHoldingQuery(c.tx, ctx.row.regionCode, id, c.now, 'closed'),
          ...merged.flatMap((m) =>
            touchOther(c, m, { closedAt: c.now, closedBy: actor.userId }, 'closed', {
              via: ctx.row.orderNo,
            }),
          ),
        ],
      };
    },
    (tx, region) => [repo.lockMergedIntoQuery(tx, region, id)],
  );
}
