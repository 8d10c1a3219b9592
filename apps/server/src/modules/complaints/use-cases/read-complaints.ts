import type {
  ComplaintDetail,
  ComplaintList,
  ComplaintListQuery,
  ComplaintSummary,
} from '@tongban/contracts';
import { countWorkingDaysBetween } from '@tongban/calendar';
import { DEPARTMENT_ROLES } from '@tongban/contracts';
import { getCalendar } from '../../calendar';
import { assertAccess, regionScopeLike, type Actor } from '../../../platform/access';
import type { Deps } from '../../../platform/app-types';
import { forbidden } from '../../../platform/errors';
import { shanghaiToday } from '../../../platform/time';
import { ComplaintError } from '../complaints.errors';
import { allowedActions } from '../complaints.policy';
import {
  countAboutStaff,
  findDepartments,
  findSummary,
  listComplaints,
  type SummaryRow,
} from '../complaints.read-model';
import * as repo from '../complaints.repository';
import { actorFacts, factsOf, inRegionOf } from './complaint-command';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function toSummary(r: SummaryRow, today: string): ComplaintSummary {
  const open = r.status === 'received' || r.status === 'dispatched' || r.status === 'handling';
  return {
    id: r.id,
    orderNo: r.orderNo,
    externalNo: r.externalNo,
    source: r.source as ComplaintSummary['source'],
    type: r.type as ComplaintSummary['type'],
    title: r.title,
    status: r.status as ComplaintSummary['status'],
    anonymous: r.anonymous,
    complainantNameMasked: r.complainantNameMasked,
    phoneMasked: r.phoneMasked,
    subjectKind: r.subjectKind as ComplaintSummary['subjectKind'],
    subjectId: r.subjectId,
    subjectLabel: r.subjectLabel,
    leadDepartmentId: r.leadDepartmentId,
    leadDepartmentName: r.leadDepartmentName,
    heldByDepartmentId: r.heldByDepartmentId,
    heldByDepartmentName: r.heldByDepartmentName,
    returnPending: r.returnPending,
    receivedAt: r.receivedAt.toISOString(),
    dueDate: r.dueDate,
    overdue: open && r.dueDate < today,
    flagged: r.flagged,
    reopenCount: r.reopenCount,
    mergedIntoId: r.mergedIntoId,
    version: r.version,
  };
}

const deptScope = (actor: Actor) =>
  DEPARTMENT_ROLES.includes(actor.role as never) ? actor.departmentId : null;

export async function listComplaintsFor(
  deps: Deps,
  actor: Actor,
  q: ComplaintListQuery,
): Promise<ComplaintList> {
  assertAccess(actor, 'complaint.read');
  const today = shanghaiToday(deps.clock.now());
  const departmentId = deptScope(actor);
  const { rows, total } = await listComplaints(
    deps.db,
    { regionLike: regionScopeLike(actor), departmentId, today },
    q.scope === 'mine' && !departmentId ? { ...q, scope: 'all' } : q,
  );
  return { items: rows.map((r) => toSummary(r, today)), total };
}

export async function getComplaintDetail(deps: Deps, actor: Actor, id: string): Promise<ComplaintDetail> {
  assertAccess(actor, 'complaint.read');
  const s = await inRegionOf(deps.db, actor, id, (region) => findSummary(deps.db, region, id));
  if (!s) throw new ComplaintError('COMPLAINT_NOT_FOUND');
  assertAccess(actor, 'complaint.read', { regionCode: s.regionCode });
  const d = deptScope(actor);
  if (d && s.heldByDepartmentId !== d && s.leadDepartmentId !== d) throw forbidden();
  const row = (await repo.findComplaint(deps.db, s.regionCode, id))!;
  const today = shanghaiToday(deps.clock.now());
  const [events, holdings, merged, cal] = await Promise.all([
    repo.listEvents(deps.db, row.regionCode, id),
    repo.listHoldings(deps.db, row.regionCode, id),
    repo.listMergedInto(deps.db, row.regionCode, id),
    getCalendar(deps, row.regionCode),
  ]);
  const names = new Map(
    (await findDepartments(deps.db, row.regionCode, [...new Set(holdings.map((h) => h.departmentId))])).map(
      (x) => [x.id, x.name],
    ),
  );
  const summary = toSummary(s, today);
  const pending = merged.filter((m) => !m.callbackBy).length;
  return {
    ...summary,
    content: row.content,
    address: row.address,
    relatedCaseId: row.relatedCaseId,
    assistDepartmentIds: (row.assistDepartmentIds as string[] | null) ?? [],
    catalogVersion: row.catalogVersion,
    dispatchedAt: iso(row.dispatchedAt),
    returnReason: row.returnReason,
    replyText: row.replyText,
    repliedAt: iso(row.repliedAt),
    repliedById: row.repliedBy,
    callbackResult: row.callbackResult as ComplaintDetail['callbackResult'],
    callbackNote: row.callbackNote,
    callbackAt: iso(row.callbackAt),
    callbackById: row.callbackBy,
    closedAt: iso(row.closedAt),
    outcomeKind: row.outcomeKind as ComplaintDetail['outcomeKind'],
    outcomeCaseId: row.outcomeCaseId,
    supervisedAt: iso(row.supervisedAt),
    escalatedAt: iso(row.escalatedAt),
    photoSha256: row.photoSha256,
    leaderDecision: row.leaderDecision,
    leaderNote: row.leaderNote,
    leaderDecidedAt: iso(row.leaderDecidedAt),
    merged: merged.map((m) => ({
      id: m.id,
      orderNo: m.orderNo,
      status: m.status as ComplaintSummary['status'],
      complainantNameMasked: m.complainantNameMasked,
      replied: !!m.replyText,
      calledBack: !!m.callbackBy,
    })),
    events: events.map((e) => ({
      seq: e.seq,
      type: e.type,
      at: e.at.toISOString(),
      actorName: e.actorName,
      payload: (e.payload ?? {}) as Record<string, unknown>,
    })),
    holdings: holdings.map((h) => ({
      departmentId: h.departmentId,
      departmentName: names.get(h.departmentId) ?? '',
      fromAt: h.fromAt.toISOString(),
      untilAt: iso(h.untilAt),
      endedBy: h.endedBy,
      // CPL-2: the working days each holder held the order.
      workingDays: countWorkingDaysBetween(
        cal,
        shanghaiToday(h.fromAt),
        shanghaiToday(h.untilAt ?? deps.clock.now()),
      ),
    })),
    actions: allowedActions(factsOf(row, pending), actorFacts(actor), summary.overdue),
  };
}

/** Stored files (the comment book's photo): whoever may read the complaint may read its file. */
export async function mayReadComplaint(deps: Deps, actor: Actor, id: string): Promise<boolean> {
  try {
    assertAccess(actor, 'complaint.read');
    const s = await inRegionOf(deps.db, actor, id, (region) => findSummary(deps.db, region, id));
    if (!s) return false;
    assertAccess(actor, 'complaint.read', { regionCode: s.regionCode });
    const d = deptScope(actor);
    return !d || s.heldByDepartmentId === d || s.leadDepartmentId === d;
  } catch {
    return false;
  }
}

/** Complaints (投诉/举报) about a named staff member: counts in that person's record. */
export async function countComplaintsAboutStaff(
  deps: Deps,
  f: { regionCode: string; staffId: string; since?: Date },
): Promise<number> {
  return countAboutStaff(deps.db, f.regionCode, f.staffId, f.since);
}
