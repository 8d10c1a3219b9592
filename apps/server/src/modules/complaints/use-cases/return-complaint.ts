import type { DecideReturnInput, ReturnInput } from '@tongban/contracts';
import { addWorkingDays, getWorkingDayOnOrAfter } from '@tongban/calendar';
import { activeUserIdsQuery } from '../../auth';
import type { Actor } from '../../../platform/access';
import type { Deps } from '../../../platform/app-types';
import { shanghaiToday } from '../../../platform/time';
import { ComplaintError } from '../complaints.errors';
import { checkDecideReturn, checkReturn, RETURN_WINDOW_DAYS } from '../complaints.policy';
import * as repo from '../complaints.repository';
import { actOnComplaint, actorFacts, factsOf, fail } from './complaint-command';
import { checkDepartments, holderDelivery } from './dispatch-complaint';
import { departmentsQuery } from '../complaints.read-model';

/** CPL-2: the holder returns (退单) within 2 working days of dispatch, with a reason; the desk decides. */
export async function returnComplaint(deps: Deps, actor: Actor, id: string, input: ReturnInput) {
  return actOnComplaint(
    deps,
    actor,
    id,
    input.version,
    'complaint.handle',
    'complaint.return',
    async (ctx) => {
      const since = ctx.row.heldSince ?? ctx.row.dispatchedAt ?? ctx.now;
      const lastDay = addWorkingDays(
        ctx.calendar,
        getWorkingDayOnOrAfter(ctx.calendar, shanghaiToday(since)),
        RETURN_WINDOW_DAYS,
      );
      fail(checkReturn(factsOf(ctx.row), actorFacts(actor), ctx.today, lastDay));
      const desk = (ctx.pre[0] as { id: string }[]).map((u) => u.id);
      return {
        patch: { returnPending: true, returnReason: input.reason },
        event: {
          type: 'returned',
          payload: { reason: input.reason, departmentId: ctx.row.heldByDepartmentId },
        },
        inbox: [
          {
            regionCode: ctx.row.regionCode,
            recipientUserIds: desk,
            kind: 'complaints.return',
            title: `退单待裁定：${ctx.row.orderNo}`,
            params: { orderNo: ctx.row.orderNo },
            link: `/complaints/${id}`,
            entityType: 'complaint',
            entityId: id,
            isTodo: true,
          },
        ],
      };
    },
    (tx, region) => [activeUserIdsQuery(tx, { regionCode: region, role: 'supervisor' })],
  );
}

/**
 * CPL-2: the dispatch desk decides a return: accepted → 改派 to another lead (the old holding
 * ends, a new one starts: the deadline runs against whoever holds it); refused → the holder keeps it.
 */
export async function decideReturn(deps: Deps, actor: Actor, id: string, input: DecideReturnInput) {
  const lead = input.leadDepartmentId;
  const ids = lead ? [lead, ...input.assistDepartmentIds] : [];
  return actOnComplaint(
    deps,
    actor,
    id,
    input.version,
    'complaint.dispatch',
    'complaint.reassign',
    async (ctx) => {
      fail(checkDecideReturn(factsOf(ctx.row)));
      const region = ctx.row.regionCode;
      if (!input.accept)
        return {
          patch: { returnPending: false },
          event: { type: 'return_refused', payload: { note: input.note } },
          closeTodos: { kind: 'complaints.return' },
        };
      if (!lead || lead === ctx.row.heldByDepartmentId)
        throw new ComplaintError('COMPLAINT_DEPARTMENT_UNKNOWN', '改派须选择另一个承办部门');
      const [found, heads] = ctx.pre as [{ id: string; regionCode: string }[], { id: string }[]];
      checkDepartments(region, ids, found);
      return {
        patch: {
          returnPending: false,
          status: 'dispatched',
          leadDepartmentId: lead,
          assistDepartmentIds: JSON.stringify(input.assistDepartmentIds),
          heldByDepartmentId: lead,
          heldSince: ctx.now,
        },
        event: {
          type: 'reassigned',
          payload: { from: ctx.row.heldByDepartmentId, to: lead, note: input.note },
        },
        summary: { from: ctx.row.heldByDepartmentId, to: lead },
        closeTodos: true,
        inbox: [
          holderDelivery(
            region,
            heads.map((h) => h.id),
            id,
            `改派工单：${ctx.row.orderNo}`,
            { variant: 'reassigned', orderNo: ctx.row.orderNo },
          ),
        ],
        also: (c) => [
          repo.endHoldingQuery(c.tx, region, id, c.now, 'returned'),
          repo.openHoldingQuery(c.tx, {
            regionCode: region,
            complaintId: id,
            departmentId: lead,
            role: 'lead',
            at: c.now,
          }),
        ],
      };
    },
    (tx, region) =>
      input.accept && lead
        ? [
            departmentsQuery(tx, region, ids),
            activeUserIdsQuery(tx, { regionCode: region, role: 'dept_head', departmentId: lead }),
          ]
        : [],
  );
}
