import type { Insertable, Updateable } from 'kysely';
import type { Executor } from '../../platform/db';
import type {
  EvalAppealTable,
  EvalBadReviewStepTable,
  EvalBadReviewTable,
  EvalFlagTable,
  EvalPadTable,
  EvalRatingTable,
  EvalVisitTable,
} from '../../platform/db-types';

// Kysely over the evaluations module's own tables; plain rows, no rules.

// ── Settings ──
export const findSetting = (db: Executor, regionCode: string) =>
  db.selectFrom('evalSetting').selectAll().where('regionCode', '=', regionCode).executeTakeFirst();
export const upsertSetting = (
  db: Executor,
  v: { regionCode: string; rectifyDays: number; smsAfterDays: number; updatedAt: Date },
) =>
  db
    .insertInto('evalSetting')
    .values(v)
    .onConflict((oc) =>
      oc.column('regionCode').doUpdateSet({
        rectifyDays: v.rectifyDays,
        smsAfterDays: v.smsAfterDays,
        updatedAt: v.updatedAt,
      }),
    )
    .execute();

// ── Pads ──
export const insertPad = (db: Executor, v: Insertable<EvalPadTable>) =>
  db.insertInto('evalPad').values(v).returningAll().executeTakeFirstOrThrow();
export const listPads = (db: Executor, regionLike: string) =>
  db
    .selectFrom('evalPad')
    .selectAll()
    .where('regionCode', 'like', regionLike)
    .orderBy('registeredAt')
    .execute();
export const findPadByTokenHash = (db: Executor, tokenHash: string) =>
  db
    .selectFrom('evalPad')
    .selectAll()
    .where('tokenHash', '=', tokenHash)
    .where('revokedAt', 'is', null)
    .executeTakeFirst();
/**
 * The active pad of a token hash with one of its window's visits, in one statement (the pad's
 * submit path reads both on the connection it writes with).
 */
export const findPadAndVisit = (db: Executor, tokenHash: string, visitId: string) =>
  db
    .selectFrom('evalPad as p')
    .leftJoin('evalVisit as v', (j) =>
      j
        .onRef('v.regionCode', '=', 'p.regionCode')
        .onRef('v.windowId', '=', 'p.windowId')
        .on('v.id', '=', visitId),
    )
    .select([
      'p.id',
      'p.regionCode',
      'p.windowId',
      'v.id as visitId',
      'v.staffId as visitStaffId',
      'v.caseId as visitCaseId',
    ])
    .where('p.tokenHash', '=', tokenHash)
    .where('p.revokedAt', 'is', null)
    .executeTakeFirst();
export const findPad = (db: Executor, regionLike: string, id: string) =>
  db
    .selectFrom('evalPad')
    .selectAll()
    .where('regionCode', 'like', regionLike)
    .where('id', '=', id)
    .executeTakeFirst();
export const revokePad = (db: Executor, regionCode: string, id: string, at: Date) =>
  db
    .updateTable('evalPad')
    .set({ revokedAt: at })
    .where('regionCode', '=', regionCode)
    .where('id', '=', id)
    .where('revokedAt', 'is', null)
    .execute();

// ── Visits ──
export const insertVisit = (db: Executor, v: Insertable<EvalVisitTable>) =>
  db.insertInto('evalVisit').values(v).returning('id').executeTakeFirstOrThrow();
export const findVisit = (db: Executor, regionCode: string, id: string) =>
  db
    .selectFrom('evalVisit')
    .selectAll()
    .where('regionCode', '=', regionCode)
    .where('id', '=', id)
    .executeTakeFirst();
/** The latest visit at a window since `since` that has no rating yet. */
export const findOpenVisit = (db: Executor, regionCode: string, windowId: string, since: Date) =>
  db
    .selectFrom('evalVisit as v')
    .leftJoin('evalRating as r', (j) =>
      j.onRef('r.regionCode', '=', 'v.regionCode').onRef('r.visitId', '=', 'v.id'),
    )
    .selectAll('v')
    .where('v.regionCode', '=', regionCode)
    .where('v.windowId', '=', windowId)
    .where('v.openedAt', '>=', since)
    .where('r.id', 'is', null)
    .orderBy('v.openedAt', 'desc')
    .limit(1)
    .executeTakeFirst();

// ── Ratings ──
/** Inserts a rating; undefined when the visit or case already has one (the unique keys). */
export const insertRating = (db: Executor, v: Insertable<EvalRatingTable>) =>
  db
    .insertInto('evalRating')
    .values(v)
    .onConflict((oc) => oc.doNothing())
    .returning(['id', 'regionCode'])
    .executeTakeFirst();
export const findRating = (db: Executor, regionLike: string, id: string) =>
  db
    .selectFrom('evalRating')
    .selectAll()
    .where('regionCode', 'like', regionLike)
    .where('id', '=', id)
    .executeTakeFirst();
export const findRatingOfCase = (db: Executor, regionCode: string, caseId: string) =>
  db
    .selectFrom('evalRating')
    .select('id')
    .where('regionCode', '=', regionCode)
    .where('caseId', '=', caseId)
    .where('channel', '<>', 'site')
    .executeTakeFirst();
export const excludeRating = (db: Executor, regionCode: string, id: string, reason: string) =>
  db
    .updateTable('evalRating')
    .set({ excluded: true, excludedReason: reason })
    .where('regionCode', '=', regionCode)
    .where('id', '=', id)
    .execute();
/** Times of a pad's top ratings since `since` (honesty check: bursts); a query for executeBatch. */
export const padTopRatingTimesQuery = (db: Executor, regionCode: string, padId: string, since: Date) =>
  db
    .selectFrom('evalRating')
    .select('createdAt')
    .where('regionCode', '=', regionCode)
    .where('padId', '=', padId)
    .where('level', '=', 5)
    .where('createdAt', '>=', since);
/** How many ratings a clerk received since `since` (honesty check); a query for executeBatch. */
export const staffRatingsSinceQuery = (db: Executor, regionCode: string, staffId: string, since: Date) =>
  db
    .selectFrom('evalRating')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('regionCode', '=', regionCode)
    .where('staffId', '=', staffId)
    .where('createdAt', '>=', since);
export const insertFlags = async (db: Executor, rows: Insertable<EvalFlagTable>[]) => {
  if (rows.length > 0)
    await db
      .insertInto('evalFlag')
      .values(rows)
      .onConflict((oc) => oc.doNothing())
      .execute();
};

// ── SMS links ──
export const insertSmsLink = (
  db: Executor,
  v: { regionCode: string; caseId: string; tokenHash: string; createdAt: Date; expiresAt: Date },
) =>
  db
    .insertInto('evalSmsLink')
    .values(v)
    .onConflict((oc) => oc.doNothing())
    .returning('id')
    .executeTakeFirst();
export const findSmsLinkByHash = (db: Executor, tokenHash: string) =>
  db.selectFrom('evalSmsLink').selectAll().where('tokenHash', '=', tokenHash).executeTakeFirst();
/** Uses a link once: undefined when it was used already (single-use, also under concurrency). */
export const useSmsLink = (db: Executor, regionCode: string, id: string, at: Date) =>
  db
    .updateTable('evalSmsLink')
    .set({ usedAt: at })
    .where('regionCode', '=', regionCode)
    .where('id', '=', id)
    .where('usedAt', 'is', null)
    .returning('caseId')
    .executeTakeFirst();
export const listLinkedOrRatedCaseIds = async (db: Executor, caseIds: string[]) => {
  if (caseIds.length === 0) return new Set<string>();
  const [links, ratings] = await Promise.all([
    db.selectFrom('evalSmsLink').select('caseId').where('caseId', 'in', caseIds).execute(),
    db
      .selectFrom('evalRating')
      .select('caseId')
      .where('caseId', 'in', caseIds)
      .where('channel', '<>', 'site')
      .execute(),
  ]);
  return new Set([...links, ...ratings].map((r) => r.caseId!));
};

// ── 差评 work items ──
export const insertBadReview = (db: Executor, v: Insertable<EvalBadReviewTable>) =>
  db.insertInto('evalBadReview').values(v).returning('id').executeTakeFirstOrThrow();
export const lockBadReview = (db: Executor, regionLike: string, id: string) =>
  db
    .selectFrom('evalBadReview')
    .selectAll()
    .where('regionCode', 'like', regionLike)
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
export const findBadReviewOfRating = (db: Executor, regionCode: string, ratingId: string) =>
  db
    .selectFrom('evalBadReview')
    .selectAll()
    .where('regionCode', '=', regionCode)
    .where('ratingId', '=', ratingId)
    .executeTakeFirst();
export const updateBadReview = (
  db: Executor,
  regionCode: string,
  id: string,
  v: Updateable<EvalBadReviewTable>,
) =>
  db.updateTable('evalBadReview').set(v).where('regionCode', '=', regionCode).where('id', '=', id).execute();
export const insertStep = (db: Executor, v: Insertable<EvalBadReviewStepTable>) =>
  db.insertInto('evalBadReviewStep').values(v).execute();
export const listSteps = (db: Executor, regionCode: string, badReviewId: string) =>
  db
    .selectFrom('evalBadReviewStep')
    .selectAll()
    .where('regionCode', '=', regionCode)
    .where('badReviewId', '=', badReviewId)
    .orderBy('at')
    .execute();

// ── Appeals ──
export const insertAppeal = (db: Executor, v: Insertable<EvalAppealTable>) =>
  db
    .insertInto('evalAppeal')
    .values(v)
    .onConflict((oc) => oc.doNothing())
    .returning('id')
    .executeTakeFirst();
export const findAppealOfRating = (db: Executor, regionCode: string, ratingId: string) =>
  db
    .selectFrom('evalAppeal')
    .selectAll()
    .where('regionCode', '=', regionCode)
    .where('ratingId', '=', ratingId)
    .executeTakeFirst();
export const decideAppeal = (db: Executor, regionCode: string, id: string, v: Updateable<EvalAppealTable>) =>
  db
    .updateTable('evalAppeal')
    .set(v)
    .where('regionCode', '=', regionCode)
    .where('id', '=', id)
    .where('decision', 'is', null)
    .returning('id')
    .executeTakeFirst();
