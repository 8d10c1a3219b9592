import type { Actor } from '../../../platform/access';
import type { Deps } from '../../../platform/app-types';
import { closeInboxTodos } from '../../inbox';
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
      const merged = await repo.listMergedInto(ctx.tx, ctx.row.regionCode, id);
      const pending = merged.filter((m) => !m.callbackBy).length;
      fail(checkClose(factsOf(ctx.row, pending), actorFacts(actor)));
      await closeInboxTodos(
        ctx.tx,
        { regionCode: ctx.row.regionCode, entityType: 'complaint', entityId: id },
        ctx.now,
      );
      return {
        patch: { status: 'closed', closedAt: ctx.now, closedBy: actor.userId, heldByDepartmentId: null },
        event: { type: 'closed', payload: { result: ctx.row.callbackResult } },
        also: async (c) => {
          await repo.endHolding(c.tx, ctx.row.regionCode, id, c.now, 'closed');
          for (const m of merged)
            await touchOther(c, m, { closedAt: c.now, closedBy: actor.userId }, 'closed', {
              via: ctx.row.orderNo,
            });
        },
      };
    },
  );
}
