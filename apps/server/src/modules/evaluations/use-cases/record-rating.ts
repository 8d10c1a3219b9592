import { uuidv7 } from '../../../platform/crypto';
import { addWorkingDays } from '@tongban/calendar';
import {
  isBadLevel,
  type BadReasonCategory,
  type RatingChannel,
  type RatingFlagKind,
} from '@tongban/contracts';
import type { Compilable } from 'kysely';
import type { Actor } from '../../../platform/access';
import type { Deps } from '../../../platform/app-types';
import { executeBatch, executeWrites, type Tx } from '../../../platform/db';
import { shanghaiToday } from '../../../platform/time';
import { auditChainRead, auditEntryWrites } from '../../audit';
import { activeUserIdsQuery, staffAccountQuery } from '../../auth';
import { calendarRead } from '../../calendar';
import { casesService } from '../../cases';
import { inboxWrites, type InboxDelivery } from '../../inbox';
import { EvaluationsError } from '../evaluations.errors';
import { badReviewLink, badReviewTodo, flagNotice } from '../evaluations-notices';
import {
  BURST_WINDOW_MS,
  SIGN_IN_MINUTE_MS,
  handledCase,
  isAfterSignInBurst,
  isBurst,
  needsReason,
} from '../evaluations.policy';
import * as repo from '../evaluations.repository';
import { DEFAULT_SETTING } from './settings';

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

export type RatingTx = { tx: Tx; now: Date; actor: Actor; deps: Deps };

/** What a rating's reads are keyed on: known before its subject is read when the pad was seen. */
export type RatingKeys = Pick<NewRating, 'regionCode' | 'channel' | 'level'> & {
  padId: string | null;
  caseId: string | null;
  /** The rated clerk as the account is looked up: department and name. */
  account: { departmentId: string; displayName: string } | null;
};
export const keysOf = (r: NewRating): RatingKeys => ({
  regionCode: r.regionCode,
  channel: r.channel,
  level: r.level,
  padId: r.padId ?? null,
  caseId: r.caseId ?? null,
  account:
    r.staffId && r.departmentId && r.staffName
      ? { departmentId: r.departmentId, displayName: r.staffName }
      : null,
});
const sameAccount = (a: RatingKeys['account'], b: RatingKeys['account']) =>
  a === b || (!!a && !!b && a.departmentId === b.departmentId && a.displayName === b.displayName);

/**
 * The reads a rating needs besides its subject, as statements for the caller's round trip
 * (executeBatch): the rated clerk's account (SOD-2, sign-in check), the pad's recent top ratings
 * (burst check), the supervisors (told of flags and 差评), the region's setting and calendar (a
 * 差评's deadline, EVAL-2), a case's earlier online rating, and the audit chain's head, locked last
 * (ADR 0002). `finish` turns their rows into what `recordRating` takes.
 */
export function ratingReads({ tx, now, deps }: RatingTx, k: RatingKeys, id: string) {
  const bad = isBadLevel(k.level);
  const chain = auditChainRead(tx, k.regionCode, 'eval_rating', id);
  const calendar = bad ? calendarRead(deps, k.regionCode, tx) : null;
  const queries: (Compilable<unknown> | null)[] = [
    k.account ? staffAccountQuery(tx, { regionCode: k.regionCode, ...k.account }) : null,
    k.padId && k.level === 5
      ? repo.padTopRatingTimesQuery(tx, k.regionCode, k.padId, new Date(now.getTime() - BURST_WINDOW_MS))
      : null,
    activeUserIdsQuery(tx, { regionCode: k.regionCode, role: 'supervisor' }),
    bad ? repo.settingQuery(tx, k.regionCode) : null,
    calendar ? calendar.query : null,
    k.caseId && k.channel !== 'site' ? repo.ratingOfCaseQuery(tx, k.regionCode, k.caseId) : null,
    chain.query,
  ];
  return {
    queries,
    finish: async (rows: readonly (readonly unknown[] | undefined)[]) => {
      const [account, times, supervisors, setting, calendarRows, ofCase, head] = rows as [
        AccountRow[] | undefined,
        { createdAt: Date }[] | undefined,
        { id: string }[],
        { rectifyDays: number }[] | undefined,
        unknown[] | undefined,
        unknown[] | undefined,
        unknown[],
      ];
      const s = setting?.[0];
      return {
        keys: k,
        account: accountOf(account),
        topTimes: times?.map((t) => t.createdAt) ?? null,
        supervisors: supervisors.map((u) => u.id),
        rectifyDays: s ? (s.rectifyDays === 15 ? 15 : 5) : DEFAULT_SETTING.rectifyDays,
        calendar: calendar && calendarRows ? await calendar.finish(calendarRows) : null,
        ratedAlready: (ofCase?.length ?? 0) > 0,
        link: await chain.finish(head),
      };
    },
  };
}
type AccountRow = { id: string; lastSignInAt: Date | string | null };
const accountOf = (rows: AccountRow[] | undefined) => {
  const a = rows?.[0];
  return a ? { userId: a.id, lastSignInAt: a.lastSignInAt ? new Date(a.lastSignInAt) : null } : null;
};
export type RatingFacts = Awaited<ReturnType<ReturnType<typeof ratingReads>['finish']>>;

/**
 * Stores one applicant's rating in the caller's transaction and commits (EVAL-3): the rating, its
 * honesty flags, the 差评 work item with its deadline on the working-day calendar (EVAL-2), the
 * figures' rollup, the to-dos and the audit entry go as one statement with the COMMIT. A second
 * rating of the same visit or case is refused, also when two arrive at once (the unique keys).
 */
export async function recordRating(
  ctx: RatingTx,
  r: NewRating,
  id: string,
  facts: RatingFacts,
  audit: { action: string; summary: Record<string, unknown> },
): Promise<{ id: string; badReview: boolean }> {
  const { tx, now, actor } = ctx;
  // EVAL-1: a 差评 says why.
  if (needsReason(r.level) && !r.reasonCategory) throw new EvaluationsError('EVAL_REASON_REQUIRED');
  // 一次一评 / 一事一评.
  if (facts.ratedAlready) throw new EvaluationsError('EVAL_ALREADY_RATED');
  const keys = keysOf(r);
  if (
    keys.regionCode !== facts.keys.regionCode ||
    keys.padId !== facts.keys.padId ||
    keys.level !== facts.keys.level ||
    keys.channel !== facts.keys.channel
  )
    throw new Error('recordRating: the reads were made for another rating');
  // The clerk was guessed (the pad's last one) and is someone else: their account, read now.
  if (!sameAccount(keys.account, facts.keys.account)) {
    const [rows] = await executeBatch(tx, [
      keys.account ? staffAccountQuery(tx, { regionCode: keys.regionCode, ...keys.account }) : null,
    ] as const);
    facts = { ...facts, account: accountOf(rows as AccountRow[] | undefined) };
  }
  const indicators: Record<string, number> = { overall: r.level };
  for (const [k, v] of Object.entries(r.indicators)) if (v !== undefined) indicators[k] = v;
  const flags = await honestyFlags(ctx, r, facts);
  const bad = isBadLevel(r.level);
  const writes: Compilable[] = [
    repo.insertRatingQuery(tx, {
      id,
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
    }),
    // EVAL-4 / TRUTH-1: the figures' rollup counts the rating in the same commit.
    repo.addToRatingDayQuery(tx, {
      regionCode: r.regionCode,
      day: shanghaiToday(now),
      channel: r.channel,
      staffId: r.staffId ?? null,
      windowId: r.windowId ?? null,
      departmentId: r.departmentId ?? null,
      itemId: r.itemId ?? null,
      staffName: r.staffName ?? null,
      windowName: r.windowName ?? null,
      departmentName: r.departmentName ?? null,
      itemName: r.itemName ?? null,
      ratings: 1,
      good: r.level >= 4 ? 1 : 0,
      bad: bad ? 1 : 0,
      badReviews: bad ? 1 : 0,
    }),
  ];
  if (flags.length > 0)
    writes.push(
      repo.insertFlagsQuery(
        tx,
        flags.map((f) => ({
          regionCode: r.regionCode,
          ratingId: id,
          kind: f.kind,
          detail: f.detail,
          counted: f.counted ?? null,
          createdAt: now,
        })),
      ),
    );
  const inbox: InboxDelivery[] = [];
  if (flags.length > 0)
    inbox.push({
      regionCode: r.regionCode,
      recipientUserIds: facts.supervisors,
      kind: 'evaluations.flag',
      ...flagNotice(flags.map((f) => f.kind)),
      link: '/evaluations/flags',
      entityType: 'eval_rating',
      entityId: id,
    });
  if (bad) {
    const dueDate = addWorkingDays(facts.calendar!, shanghaiToday(now), facts.rectifyDays);
    const itemId = uuidv7();
    writes.push(
      repo.insertBadReviewQuery(tx, {
        id: itemId,
        regionCode: r.regionCode,
        ratingId: id,
        departmentId: r.departmentId ?? null,
        status: 'verify',
        dueDate,
        openedAt: now,
        ratedUserId: facts.account?.userId ?? null,
      }),
    );
    inbox.push({
      regionCode: r.regionCode,
      recipientUserIds: facts.supervisors,
      kind: 'evaluations.bad_review.verify',
      ...badReviewTodo('verify', r.level, dueDate),
      link: badReviewLink(itemId),
      entityType: 'eval_bad_review',
      entityId: itemId,
      isTodo: true,
    });
  }
  writes.push(
    ...inboxWrites(tx, { deliver: inbox, at: now }),
    ...auditEntryWrites(
      tx,
      facts.link,
      actor,
      [{ action: audit.action, entityType: 'eval_rating', entityId: id, summary: audit.summary }],
      now,
    ),
  );
  try {
    await executeWrites(tx, writes, { thenCommit: true });
  } catch (e) {
    // Two ratings of the same visit or case at once: the database refused the second.
    const err = e as { code?: string; constraint?: string };
    if (err.code === '23505' && (!err.constraint || err.constraint.startsWith('eval_rating_')))
      throw new EvaluationsError('EVAL_ALREADY_RATED');
    throw e;
  }
  return { id, badReview: bad };
}

async function honestyFlags(
  { tx, now }: RatingTx,
  r: NewRating,
  facts: RatingFacts,
): Promise<{ kind: RatingFlagKind; detail: string; counted?: number }[]> {
  const out: { kind: RatingFlagKind; detail: string; counted?: number }[] = [];
  // The pad's top ratings in the window, this one included.
  const times = facts.topTimes ? [...facts.topTimes, now] : null;
  if (times && isBurst(times))
    out.push({
      kind: 'burst',
      detail: `同一评价器 10 分钟内 ${times.length} 条非常满意`,
      counted: times.length,
    });
  if (r.unstaffed) out.push({ kind: 'unstaffed', detail: '评价时窗口无人在岗' });
  if (r.caseId && r.staffName) {
    const actors = await casesService.listCaseActors(tx, r.regionCode, r.caseId);
    if (
      !handledCase(
        r.staffName,
        actors.map((a) => a.actorName),
      )
    )
      out.push({ kind: 'not_handled', detail: '被评价人不在该办件的经办人中' });
  }
  // Counted only in the minute after the clerk's own sign-in: later it cannot flag.
  const signInAt = facts.account?.lastSignInAt ?? null;
  if (r.staffId && signInAt && now.getTime() - signInAt.getTime() <= SIGN_IN_MINUTE_MS) {
    const [counted] = await executeBatch(tx, [
      repo.staffRatingsSinceQuery(tx, r.regionCode, r.staffId, signInAt),
    ] as const);
    // This rating included.
    const n = Number(counted[0]?.n ?? 0) + 1;
    if (isAfterSignInBurst(signInAt, now, n))
      out.push({ kind: 'after_sign_in', detail: `被评价人登录后一分钟内收到 ${n} 条评价`, counted: n });
  }
  return out;
}

/** A new rating's id and its reads, sent in one round trip behind the caller's own (`extra`). */
export async function readForRating<const E extends readonly (Compilable<unknown> | null)[]>(
  ctx: RatingTx,
  keys: RatingKeys,
  extra: E,
) {
  const id = uuidv7();
  const reads = ratingReads(ctx, keys, id);
  // The caller's reads first: the audit chain's head is locked last (ADR 0002).
  const rows = (await executeBatch(ctx.tx, [...extra, ...reads.queries])) as unknown[];
  const extraRows = rows.slice(0, extra.length) as unknown as { [K in keyof E]: unknown[] | undefined };
  return { id, facts: await reads.finish(rows.slice(extra.length) as (unknown[] | undefined)[]), extraRows };
}
