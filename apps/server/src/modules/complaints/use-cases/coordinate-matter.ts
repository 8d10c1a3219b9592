import type { CoordinateInput, UnresolvedBoard } from '@tongban/contracts';
import { listUserIdsByRole } from '../../auth';
import { casesService } from '../../cases';
import { assertAccess, regionScopeLike, type Actor } from '../../../platform/access';
import type { Deps } from '../../../platform/app-types';
import { shanghaiToday } from '../../../platform/time';
import { ComplaintError } from '../complaints.errors';
import { listComplaints } from '../complaints.read-model';
import * as repo from '../complaints.repository';
import { actOnComplaint, inRegionOf } from './complaint-command';
import { toSummary } from './read-complaints';

const OPEN = ['received', 'dispatched', 'handling'];
const WINDOW_SOURCES = ['unresolved_window', 'grievance_window'];

/** 办不成事 window: the refused and the stuck (red) cases, and the matters visitors brought. */
export async function unresolvedBoard(deps: Deps, actor: Actor): Promise<UnresolvedBoard> {
  assertAccess(actor, 'complaint.coordinate');
  const [refused, overdue] = await Promise.all([
    casesService.listRefused(deps, actor),
    casesService.listOverdue(deps, actor),
  ]);
  const today = shanghaiToday(deps.clock.now());
  const { rows } = await listComplaints(
    deps.db,
    { regionLike: regionScopeLike(actor), departmentId: null, today },
    { scope: 'all', source: 'unresolved_window', limit: 200, offset: 0 },
  );
  return {
    cases: [
      ...refused.items.map((c) => ({
        caseId: c.id,
        caseNo: c.caseNo,
        itemName: c.itemName,
        departmentName: c.departmentName,
        status: c.status,
        reason: c.refusal.reason,
        at: c.refusal.at,
        kind: 'refused' as const,
      })),
      ...overdue.items.map((c) => ({
        caseId: c.id,
        caseNo: c.caseNo,
        itemName: c.itemName,
        departmentName: c.departmentName,
        status: c.status,
        reason: `已超期（期限 ${c.clock?.deadline ?? ''}）`,
        at: c.receivedAt,
        kind: 'overdue' as const,
      })),
    ],
    matters: rows.map((r) => toSummary(r, today)),
  };
}

function assertWindowMatter(row: repo.ComplaintRow) {
  if (!WINDOW_SOURCES.includes(row.source) || !OPEN.includes(row.status))
    throw new ComplaintError('COMPLAINT_WRONG_STATUS');
}

/**
 * Resolved by coordination: the outcome is recorded as the reply (the same loop: a callback by
 * someone else, then close), linked to the case it was resolved with.
 */
export async function coordinateMatter(deps: Deps, actor: Actor, id: string, input: CoordinateInput) {
  if (input.outcome !== 'explained' && !input.outcomeCaseId)
    throw new ComplaintError('COMPLAINT_OUTCOME_CASE_REQUIRED');
  if (input.outcomeCaseId) await casesService.getDetail(deps, actor, input.outcomeCaseId);
  return actOnComplaint(
    deps,
    actor,
    id,
    input.version,
    'complaint.coordinate',
    'complaint.coordinate',
    async (ctx) => {
      assertWindowMatter(ctx.row);
      return {
        patch: {
          status: 'replied',
          outcomeKind: input.outcome,
          outcomeCaseId: input.outcomeCaseId,
          replyText: input.note,
          repliedAt: ctx.now,
          repliedBy: actor.userId,
          handlerId: actor.userId,
        },
        event: {
          type: 'coordinated',
          payload: { outcome: input.outcome, caseId: input.outcomeCaseId, note: input.note },
        },
        closeTodos: true,
        summary: { outcome: input.outcome },
      };
    },
  );
}

/** 办不成事: a refused case is received again (重新受理) as a new case of the same item and applicant. */
export async function reopenRefusedCase(
  deps: Deps,
  actor: Actor,
  id: string,
  input: { version: number; caseId: string },
) {
  assertAccess(actor, 'complaint.coordinate');
  const row = await inRegionOf(deps.db, actor, id, (region) => repo.findComplaint(deps.db, region, id));
  if (!row) throw new ComplaintError('COMPLAINT_NOT_FOUND');
  assertWindowMatter(row);
  const refused = await casesService.getDetail(deps, actor, input.caseId);
  if (refused.status !== 'refused') throw new ComplaintError('COMPLAINT_CASE_NOT_REFUSED');
  const { detail } = await casesService.createCase(deps, actor, {
    itemId: refused.itemId,
    applicantId: refused.applicant.id,
    agentId: null,
    channel: 'window',
    // The materials handed in with the refused application count again; 免提交 ones are fetched anew.
    materials: refused.materials
      .filter((m) => m.status !== 'from_license')
      .map((m) => ({
        name: m.name,
        status:
          m.status === 'provided' || m.status === 'deferred'
            ? ('provided' as const)
            : m.status === 'not_applicable'
              ? ('not_applicable' as const)
              : ('missing' as const),
      })),
  });
  await coordinateMatter(deps, actor, id, {
    version: input.version,
    outcome: 'reopened',
    outcomeCaseId: detail.id,
    note: `原不予受理办件 ${refused.caseNo} 经协调重新受理，新办件 ${detail.caseNo}`,
  });
  return { caseId: detail.id, caseNo: detail.caseNo };
}

/** What the window cannot solve goes to the leader. */
export async function escalateMatter(
  deps: Deps,
  actor: Actor,
  id: string,
  input: { version: number; note: string },
) {
  return actOnComplaint(
    deps,
    actor,
    id,
    input.version,
    'complaint.coordinate',
    'complaint.escalate',
    async (ctx) => {
      assertWindowMatter(ctx.row);
      const leaders = await listUserIdsByRole(ctx.tx, { regionCode: ctx.row.regionCode, role: 'leader' });
      return {
        patch: { status: 'escalated', escalatedAt: ctx.now, flagged: true },
        event: { type: 'escalated', payload: { note: input.note } },
        inbox: [
          {
            regionCode: ctx.row.regionCode,
            recipientUserIds: leaders,
            kind: 'complaints.escalate',
            title: `办不成事报领导：${ctx.row.orderNo}`,
            params: { orderNo: ctx.row.orderNo },
            link: `/complaints/${id}`,
            entityType: 'complaint',
            entityId: id,
            isTodo: true,
          },
        ],
      };
    },
  );
}
