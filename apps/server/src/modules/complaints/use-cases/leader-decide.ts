import type { LeaderBoard, LeaderDecideInput } from '@tongban/contracts';
import { activeUserIdsQuery, listUserIdsByRole } from '../../auth';
import { assertAccess, regionScopeLike, type Actor } from '../../../platform/access';
import type { Deps } from '../../../platform/app-types';
import { shanghaiToday } from '../../../platform/time';
import { checkLeaderDecision } from '../complaints.policy';
import { departmentsQuery, listEscalationNotes, listForLeader } from '../complaints.read-model';
import * as repo from '../complaints.repository';
import { actOnComplaint, factsOf, fail } from './complaint-command';
import { checkDepartments, holderDelivery } from './dispatch-complaint';
import { toSummary } from './read-complaints';

/** The leader's screen: what the 办不成事 window sent up, the 督办 orders, the decisions taken. */
export async function leaderBoard(deps: Deps, actor: Actor): Promise<LeaderBoard> {
  assertAccess(actor, 'complaint.lead');
  const today = shanghaiToday(deps.clock.now());
  const scope = regionScopeLike(actor);
  const { escalated, supervised, decided } = await listForLeader(deps.db, scope);
  const notes = new Map(
    (
      await listEscalationNotes(
        deps.db,
        scope,
        escalated.map((r) => r.id),
      )
    ).map((n) => [n.complaintId, n.note]),
  );
  return {
    escalated: escalated.map((r) => ({ ...toSummary(r, today), escalationNote: notes.get(r.id) ?? '' })),
    supervised: supervised.map((r) => toSummary(r, today)),
    decided: decided.map((r) => ({
      ...toSummary(r, today),
      leaderDecision: r.leaderDecision!,
      leaderNote: r.leaderNote ?? '',
      leaderDecidedAt: r.leaderDecidedAt!.toISOString(),
    })),
  };
}

/**
 * The leader decides: assigned → the order is dispatched to that department (the deadline now runs
 * against it, CPL-2); decided → the decision is the reply, and the callback by someone else and
 * the close follow as for any order (SOD-2); instructed → 批示 to the department holding a late
 * order. Each outcome is recorded on the order and in its history.
 */
export async function leaderDecide(deps: Deps, actor: Actor, id: string, input: LeaderDecideInput) {
  const dept = input.decision === 'assigned' ? input.departmentId : null;
  return actOnComplaint(
    deps,
    actor,
    id,
    input.version,
    'complaint.lead',
    'complaint.leader_decide',
    async (ctx) => {
      const row = ctx.row;
      fail(checkLeaderDecision(factsOf(row), input.decision, input.departmentId));
      const recorded = {
        leaderDecision: input.decision,
        leaderNote: input.note,
        leaderDecidedBy: actor.userId,
        leaderDecidedAt: ctx.now,
      };
      const event = {
        type: 'leader_decided',
        payload: { decision: input.decision, note: input.note, departmentId: dept },
      };
      if (input.decision === 'assigned') {
        const [found, heads] = ctx.pre as [{ id: string; regionCode: string }[], { id: string }[]];
        checkDepartments(row.regionCode, [dept!], found);
        return {
          patch: {
            ...recorded,
            status: 'dispatched',
            leadDepartmentId: dept,
            heldByDepartmentId: dept,
            heldSince: ctx.now,
            dispatchedAt: ctx.now,
          },
          event,
          summary: { decision: input.decision, departmentId: dept },
          closeTodos: true,
          inbox: [
            holderDelivery(
              row.regionCode,
              heads.map((h) => h.id),
              id,
              `领导交办：${row.orderNo}（${input.note.slice(0, 40)}）`,
              { variant: 'leader', orderNo: row.orderNo, note: input.note.slice(0, 40) },
            ),
          ],
          also: (c) => [
            repo.openHoldingQuery(c.tx, {
              regionCode: row.regionCode,
              complaintId: id,
              departmentId: dept!,
              role: 'lead',
              at: c.now,
            }),
          ],
        };
      }
      if (input.decision === 'decided')
        return {
          patch: {
            ...recorded,
            status: 'replied',
            replyText: input.note,
            repliedAt: ctx.now,
            repliedBy: actor.userId,
            handlerId: actor.userId,
          },
          event,
          summary: { decision: input.decision },
          closeTodos: true,
          inbox: [
            {
              regionCode: row.regionCode,
              recipientUserIds: (ctx.pre[0] as { id: string }[]).map((u) => u.id),
              kind: 'complaints.callback',
              title: `待回访：${row.orderNo}（领导已决定）`,
              params: { variant: 'leader', orderNo: row.orderNo },
              link: `/complaints/${id}`,
              entityType: 'complaint',
              entityId: id,
              isTodo: true,
            },
          ],
        };
      const heads = await listUserIdsByRole(ctx.tx, {
        regionCode: row.regionCode,
        role: 'dept_head',
        departmentId: row.heldByDepartmentId,
      });
      return {
        patch: recorded,
        event,
        summary: { decision: input.decision },
        inbox: [
          {
            ...holderDelivery(
              row.regionCode,
              heads,
              id,
              `领导批示：${row.orderNo}（${input.note.slice(0, 40)}）`,
              { orderNo: row.orderNo, note: input.note.slice(0, 40) },
            ),
            kind: 'complaints.leader_instruction',
          },
        ],
      };
    },
    (tx, region) =>
      input.decision === 'assigned' && dept
        ? [
            departmentsQuery(tx, region, [dept]),
            activeUserIdsQuery(tx, { regionCode: region, role: 'dept_head', departmentId: dept }),
          ]
        : input.decision === 'decided'
          ? [activeUserIdsQuery(tx, { regionCode: region, role: 'supervisor' })]
          : [],
  );
}
