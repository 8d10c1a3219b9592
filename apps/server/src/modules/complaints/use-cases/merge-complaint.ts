import type { MergeInput } from '@tongban/contracts';
import type { Actor } from '../../../platform/access';
import type { Deps } from '../../../platform/app-types';
import { ComplaintError } from '../complaints.errors';
import { checkMerge } from '../complaints.policy';
import * as repo from '../complaints.repository';
import { actOnComplaint, factsOf, fail, touchOther } from './complaint-command';

/**
 * 并单 (CPL-3): a duplicate joins another open order of the same region; it keeps its own
 * complainant and will get its own reply and callback recorded when the order is answered.
 */
export async function mergeComplaint(deps: Deps, actor: Actor, id: string, input: MergeInput) {
  return actOnComplaint(
    deps,
    actor,
    id,
    input.version,
    'complaint.dispatch',
    'complaint.merge',
    async (ctx) => {
      // The order merged into must be in the same region (CPL-3): locked there; one elsewhere is
      // found by its id alone only to refuse it as before (COMPLAINT_MERGE_CROSS_REGION).
      let into = await repo.findComplaintForUpdate(ctx.tx, ctx.row.regionCode, input.intoId);
      if (!into) {
        const actual = await repo.findComplaintRegion(ctx.tx, input.intoId);
        if (actual) into = await repo.findComplaintForUpdate(ctx.tx, actual, input.intoId);
      }
      if (!into) throw new ComplaintError('COMPLAINT_NOT_FOUND');
      fail(checkMerge(factsOf(ctx.row), factsOf(into), into.id === id));
      return {
        patch: { status: 'merged', mergedIntoId: into.id, heldByDepartmentId: null, returnPending: false },
        event: { type: 'merged', payload: { into: into.orderNo } },
        summary: { into: into.orderNo },
        closeTodos: true,
        also: (c) => [
          repo.endHoldingQuery(c.tx, ctx.row.regionCode, id, c.now, 'merged'),
          ...touchOther(c, into, {}, 'merged_in', { from: ctx.row.orderNo }),
        ],
      };
    },
  );
}
