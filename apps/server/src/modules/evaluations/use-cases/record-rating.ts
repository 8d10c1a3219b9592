import { addWorkingDays } from '@tongban/calendar';
import {
  isBadLevel,
  type BadReasonCategory,
  type RatingChannel,
  type RatingFlagKind,
} from '@tongban/contracts';
import type { CommandContext, CommandEffects } from '../../../platform/command';
import type { InboxDelivery } from '../../inbox';
import { executeBatch } from '../../../platform/db';
import { shanghaiToday } from '../../../platform/time';
import { findStaffAccount, listUserIdsByRole } from '../../auth';
import { getRegionCalendar } from '../../calendar';
import { casesService } from '../../cases';
import { EvaluationsError } from '../evaluations.errors';
import { badReviewLink, badReviewTodo, flagNotice } from '../evaluations-notices';
import {
  BURST_WINDOW_MS,
  handledCase,
  isAfterSignInBurst,
  isBurst,
  needsReason,
} from '../evaluations.policy';
import * as repo from '../evaluations.repository';
import { readSetting } from './settings';

export type NewRating = {
  regionCode: string;
  channel: RatingChannel;
  visitId?: string | null;
  caseId?: string | null;
  caseConcludedAt?: Date | null;
  padId?: string | null;
  windowId?: string | null;
  windowName?: string | null;
  staffId?: string | null;
  staffName?: string | null;
  departmentId?: string | null;
  departmentName?: string | null;
  itemId?: string | null;
  itemName?: string | null;
  level: number;
  indicators: Record<string, number | undefined>;
  reasonCategory: BadReasonCategory | null;
  reasonText: string;
  realName: boolean;
  /** The pad rated while nobody was on duty at its window (honesty check). */
  unstaffed?: boolean;
};

/**
 * Stores one applicant's rating inside the caller's transaction (EVAL-3): the unique keys refuse a
 * second rating of the same visit or case; a 差评 opens its work item with a deadline on the
 * working-day calendar (EVAL-2); the honesty checks flag, never drop.
 */
export async function recordRating(
  ctx: CommandContext,
  r: NewRating,
): Promise<{ id: string; badReview: boolean } & Required<Pick<CommandEffects, 'inbox'>>> {
  const { tx, now, deps } = ctx;
  // EVAL-1: a 差评 says why.
  if (needsReason(r.level) && !r.reasonCategory) throw new EvaluationsError('EVAL_REASON_REQUIRED');
  const indicators: Record<string, number> = { overall: r.level };
  for (const [k, v] of Object.entries(r.indicators)) if (v !== undefined) indicators[k] = v;
  const row = await repo.insertRating(tx, {
    regionCode: r.regionCode,
    channel: r.channel,
    visitId: r.visitId ?? null,
    caseId: r.caseId ?? null,
    caseConcludedAt: r.caseConcludedAt ?? null,
    padId: r.padId ?? null,
    windowId: r.windowId ?? null,
    windowName: r.windowName ?? null,
    staffId: r.staffId ?? null,
    staffName: r.staffName ?? null,
    departmentId: r.departmentId ?? null,
    departmentName: r.departmentName ?? null,
    itemId: r.itemId ?? null,
    itemName: r.itemName ?? null,
    level: r.level,
    indicators: JSON.stringify(indicators),
    reasonCategory: needsReason(r.level) ? r.reasonCategory : null,
    reasonText: r.reasonText,
    realName: r.realName,
    createdAt: now,
  });
  // 一次一评 / 一事一评: the database refused a second rating.
  if (!row) throw new EvaluationsError('EVAL_ALREADY_RATED');

  const account =
    r.staffId && r.departmentId && r.staffName
      ? await findStaffAccount(tx, {
          regionCode: r.regionCode,
          departmentId: r.departmentId,
          displayName: r.staffName,
        })
      : null;
  const flags = await honestyFlags(ctx, r, account?.lastSignInAt ?? null);
  await repo.insertFlags(
    tx,
    flags.map((f) => ({
      regionCode: r.regionCode,
      ratingId: row.id,
      kind: f.kind,
      detail: f.detail,
      createdAt: now,
    })),
  );
  const inbox: InboxDelivery[] = [];
  // Supervisors are read only when someone is told (a flag or a 差评): most ratings need nobody.
  const bad = isBadLevel(r.level);
  const supervisors =
    flags.length > 0 || bad
      ? await listUserIdsByRole(tx, { regionCode: r.regionCode, role: 'supervisor' })
      : [];
  if (flags.length > 0)
    inbox.push({
      regionCode: r.regionCode,
      recipientUserIds: supervisors,
      kind: 'evaluations.flag',
      ...flagNotice(flags.map((f) => f.kind)),
      link: '/evaluations/flags',
      entityType: 'eval_rating',
      entityId: row.id,
    });

  if (!bad) return { id: row.id, badReview: false, inbox };
  const { rectifyDays } = await readSetting(tx, r.regionCode);
  const { calendar } = await getRegionCalendar(deps, r.regionCode, tx);
  const dueDate = addWorkingDays(calendar, shanghaiToday(now), rectifyDays);
  const item = await repo.insertBadReview(tx, {
    regionCode: r.regionCode,
    ratingId: row.id,
    departmentId: r.departmentId ?? null,
    status: 'verify',
    dueDate,
    openedAt: now,
    ratedUserId: account?.userId ?? null,
  });
  inbox.push({
    regionCode: r.regionCode,
    recipientUserIds: supervisors,
    kind: 'evaluations.bad_review.verify',
    ...badReviewTodo('verify', r.level, dueDate),
    link: badReviewLink(item.id),
    entityType: 'eval_bad_review',
    entityId: item.id,
    isTodo: true,
  });
  return { id: row.id, badReview: true, inbox };
}

async function honestyFlags(
  { tx, now }: CommandContext,
  r: NewRating,
  signInAt: Date | null,
): Promise<{ kind: RatingFlagKind; detail: string }[]> {
  const out: { kind: RatingFlagKind; detail: string }[] = [];
  // The module's own two reads go in one round trip; each is an index range (pad or staff, time).
  const [times, counted] = await executeBatch(tx, [
    r.padId && r.level === 5
      ? repo.padTopRatingTimesQuery(tx, r.regionCode, r.padId, new Date(now.getTime() - BURST_WINDOW_MS))
      : null,
    r.staffId && signInAt ? repo.staffRatingsSinceQuery(tx, r.regionCode, r.staffId, signInAt) : null,
  ] as const);
  if (times && isBurst(times.map((t) => t.createdAt)))
    out.push({ kind: 'burst', detail: `同一评价器 10 分钟内 ${times.length} 条非常满意` });
  if (r.unstaffed) out.push({ kind: 'unstaffed', detail: '评价时窗口无人在岗' });
  if (r.caseId && r.staffName) {
    const actors = await casesService.listCaseActors(tx, r.caseId);
    if (
      !handledCase(
        r.staffName,
        actors.map((a) => a.actorName),
      )
    )
      out.push({ kind: 'not_handled', detail: '被评价人不在该办件的经办人中' });
  }
  if (counted && signInAt) {
    const n = Number(counted[0]?.n ?? 0);
    if (isAfterSignInBurst(signInAt, now, n))
      out.push({ kind: 'after_sign_in', detail: `被评价人登录后一分钟内收到 ${n} 条评价` });
  }
  return out;
}
