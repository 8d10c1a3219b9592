import type { ComplaintCallbackInput } from '@tongban/contracts';
import { listUserIdsByRole } from '../../auth';
import type { Actor } from '../../../platform/access';
import type { Deps } from '../../../platform/app-types';
import { checkCallback, MAX_REOPENS } from '../complaints.policy';
import * as repo from '../complaints.repository';
import { actOnComplaint, actorFacts, factsOf, fail } from './complaint-command';
import { holderInbox } from './dispatch-complaint';

/**
 * 回访 (SOD-2): by someone other than the handler, the answer recorded. "Not satisfied" reopens
 * the order once to its lead department and flags it to the supervisor; a second time it stays
 * recorded and flagged. A merged duplicate is called back on its own record (CPL-3).
 */
export async function callbackComplaint(deps: Deps, actor: Actor, id: string, input: ComplaintCallbackInput) {
  return actOnComplaint(
    deps,
    actor,
    id,
    input.version,
    'complaint.callback',
    'complaint.callback',
    async (ctx) => {
      const row = ctx.row;
      fail(checkCallback(factsOf(row), actorFacts(actor)));
      const recorded = {
        callbackResult: input.result,
        callbackNote: input.note,
        callbackAt: ctx.now,
        callbackBy: actor.userId,
      };
      const reopen =
        input.result === 'unsatisfied' &&
        row.status === 'replied' &&
        row.reopenCount < MAX_REOPENS &&
        !!row.leadDepartmentId;
      if (!reopen)
        return {
          patch: { ...recorded, flagged: row.flagged || input.result === 'unsatisfied' },
          event: { type: 'called_back', payload: { result: input.result, note: input.note } },
          summary: { result: input.result },
        };
      const lead = row.leadDepartmentId!;
      const sup = await listUserIdsByRole(ctx.tx, { regionCode: row.regionCode, role: 'supervisor' });
      return {
        patch: {
          status: 'handling',
          reopenCount: row.reopenCount + 1,
          flagged: true,
          heldByDepartmentId: lead,
          heldSince: ctx.now,
          replyText: null,
          repliedAt: null,
          repliedBy: null,
        },
        event: {
          type: 'reopened',
          payload: { result: input.result, note: input.note, previousReply: row.replyText },
        },
        summary: { result: input.result, reopened: true },
        inbox: [
          await holderInbox(ctx.tx, row.regionCode, lead, id, `回访不满意，工单重办：${row.orderNo}`, {
            variant: 'redo',
            orderNo: row.orderNo,
          }),
          {
            regionCode: row.regionCode,
            recipientUserIds: sup,
            kind: 'complaints.flag',
            title: `回访不满意：${row.orderNo}`,
            params: { orderNo: row.orderNo },
            link: `/complaints/${id}`,
            entityType: 'complaint',
            entityId: id,
          },
        ],
        also: (c) => [
          repo.openHoldingQuery(c.tx, {
            regionCode: row.regionCode,
            complaintId: id,
            departmentId: lead,
            role: 'lead',
            at: c.now,
          }),
        ],
      };
    },
  );
}
