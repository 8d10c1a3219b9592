import type { BadReview, BadReviewDetail, BadReviewList, BadReviewQuery, Rating } from '@tongban/contracts';
import { assertAccess, checkAccess, regionScopeLike, type Actor } from '../../../platform/access';
import type { Deps } from '../../../platform/app-types';
import type { Executor } from '../../../platform/db';
import { shanghaiToday } from '../../../platform/time';
import { EvaluationsError } from '../evaluations.errors';
import { allowedActions, type BadReviewFacts } from '../evaluations.policy';
import * as rm from '../evaluations.read-model';
import * as repo from '../evaluations.repository';

export function toRating(r: rm.RatingRow): Rating {
  return {
    id: r.id,
    channel: r.channel,
    level: r.level,
    indicators: (typeof r.indicators === 'string' ? JSON.parse(r.indicators) : r.indicators) as Record<
      string,
      number
    >,
    reasonCategory: r.reasonCategory as Rating['reasonCategory'],
    reasonText: r.reasonText,
    realName: r.realName,
    staffName: r.staffName,
    windowId: r.windowId,
    departmentId: r.departmentId,
    caseId: r.caseId,
    createdAt: r.createdAt.toISOString(),
    excluded: r.excluded,
    excludedReason: r.excludedReason,
    flags: (r.flags ?? []) as Rating['flags'],
  };
}

function toBadReview(r: rm.BadReviewRow, today: string): BadReview {
  const dueDate = String(r.dueDate);
  return {
    id: r.badReviewId,
    status: r.status,
    dueDate,
    overdue: r.status !== 'closed' && dueDate < today,
    openedAt: r.openedAt.toISOString(),
    closedAt: r.closedAt?.toISOString() ?? null,
    departmentId: r.badDepartmentId,
    version: r.version,
    rating: toRating(r),
  };
}

/** Department roles see their own department's 差评; supervision sees the region's. */
const deptFilter = (actor: Actor) =>
  ['clerk', 'approver', 'dept_head'].includes(actor.role) ? actor.departmentId : null;

export async function listBadReviews(deps: Deps, actor: Actor, q: BadReviewQuery): Promise<BadReviewList> {
  assertAccess(actor, 'evaluations.read');
  const today = shanghaiToday(deps.clock.now());
  const [rows, count] = await rm.listBadReviews(deps.db, regionScopeLike(actor), {
    status: q.status,
    overdueOn: q.overdue === 'true' ? today : undefined,
    departmentId: deptFilter(actor),
    limit: q.limit,
    offset: q.offset,
  });
  return { items: rows.map((r) => toBadReview(r, today)), total: Number(count.n) };
}

export async function loadFacts(db: Executor, row: rm.BadReviewRow): Promise<BadReviewFacts> {
  const appeal = await repo.findAppealOfRating(db, row.regionCode, row.id);
  return {
    status: row.status,
    departmentId: row.badDepartmentId,
    realName: row.realName,
    excluded: row.excluded,
    handlerId: row.handlerId,
    ratedUserId: row.ratedUserId,
    appeal: appeal ? { decided: appeal.decision !== null, filedBy: appeal.filedBy } : null,
  };
}

/** A 差评 the actor may read (404 otherwise: another department's is "not found"). */
export async function getReadableBadReview(db: Executor, actor: Actor, id: string) {
  const row = await rm.findBadReview(db, regionScopeLike(actor), id);
  if (
    !row ||
    !checkAccess(actor, 'evaluations.read', { regionCode: row.regionCode, departmentId: row.badDepartmentId })
  )
    throw new EvaluationsError('EVAL_BAD_REVIEW_NOT_FOUND');
  return row;
}

export async function getBadReview(deps: Deps, actor: Actor, id: string): Promise<BadReviewDetail> {
  assertAccess(actor, 'evaluations.read');
  const row = await getReadableBadReview(deps.db, actor, id);
  const [steps, appeal, facts] = await Promise.all([
    repo.listSteps(deps.db, row.regionCode, row.badReviewId),
    repo.findAppealOfRating(deps.db, row.regionCode, row.id),
    loadFacts(deps.db, row),
  ]);
  return {
    ...toBadReview(row, shanghaiToday(deps.clock.now())),
    steps: steps.map((s) => ({
      step: s.step,
      actorName: s.actorName,
      note: s.note,
      evidence: (typeof s.evidence === 'string' ? JSON.parse(s.evidence) : s.evidence) as string[],
      reached: s.reached,
      satisfied: s.satisfied,
      at: s.at.toISOString(),
    })),
    appeal: appeal
      ? {
          id: appeal.id,
          kind: appeal.kind,
          reason: appeal.reason,
          filedByName: appeal.filedByName,
          filedAt: appeal.filedAt.toISOString(),
          decision: appeal.decision,
          decisionNote: appeal.decisionNote,
          decidedByName: appeal.decidedByName,
          decidedAt: appeal.decidedAt?.toISOString() ?? null,
        }
      : null,
    actions: allowedActions(actor, facts),
  };
}

/** For the file route: whoever may read the 差评 may read its evidence. */
export async function mayReadBadReview(deps: Deps, actor: Actor, id: string): Promise<boolean> {
  if (!checkAccess(actor, 'evaluations.read')) return false;
  try {
    await getReadableBadReview(deps.db, actor, id);
    return true;
  } catch {
    return false;
  }
}

/** Overdue 差评 (EVAL-2) for supervision: open items past their working-day deadline. */
export async function listOverdueBadReviews(db: Executor, regionCode: string, now: Date) {
  const rows = await rm.listOverdueBadReviewRows(db, `${regionCode}%`, shanghaiToday(now));
  return rows.map((r) => ({ ...r, dueDate: String(r.dueDate) }));
}
