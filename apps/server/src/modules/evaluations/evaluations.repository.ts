import type { Insertable, Updateable } from 'kysely';
import { sql, type Executor } from '../../platform/db';
import { fixedStatement } from '../../platform/fixed-statement';
import type {
  EvalAppealTable,
  EvalBadReviewStepTable,
  EvalBadReviewTable,
  EvalFlagTable,
  EvalPadTable,
  EvalRatingDayTable,
  EvalRatingTable,
  EvalVisitTable,
} from '../../platform/db-types';

// Kysely over the evaluations module's own tables; plain rows, no rules.

// ── Settings ──
export const settingQuery = (db: Executor, regionCode: string) =>
  db.selectFrom('evalSetting').selectAll().where('regionCode', '=', regionCode);
export const findSetting = (db: Executor, regionCode: string) =>
  settingQuery(db, regionCode).executeTakeFirst();
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
/** A rating with its id chosen by the caller, as a statement of the submit's one write (executeWrites). */
export const insertRatingQuery = (db: Executor, v: Insertable<EvalRatingTable> & { id: string }) =>
  fixedStatement('evaluations.rating', [v], [], ([r]) => db.insertInto('evalRating').values(r as typeof v));
export const ratingOfCaseQuery = (db: Executor, regionCode: string, caseId: string) =>
  db
    .selectFrom('evalRating')
    .select('id')
    .where('regionCode', '=', regionCode)
    .where('caseId', '=', caseId)
    .where('channel', '<>', 'site');
export const findRatingOfCase = (db: Executor, regionCode: string, caseId: string) =>
  ratingOfCaseQuery(db, regionCode, caseId).executeTakeFirst();
export const excludeRating = (db: Executor, regionCode: string, id: string, reason: string) =>
  db
    .updateTable('evalRating')
    .set({ excluded: true, excludedReason: reason })
    .where('regionCode', '=', regionCode)
    .where('id', '=', id)
    .execute();
/** Times of a pad's top ratings since `since` (honesty check: bursts); a query for executeBatch. */
export const padTopRatingTimesQuery = (db: Executor, regionCode: string, padId: string, since: Date) =>
  fixedStatement('evaluations.padTop', [], [regionCode, padId, since], (_, [r, p, t]) =>
    db
      .selectFrom('evalRating')
      .select('createdAt')
      .where('regionCode', '=', r as string)
      .where('padId', '=', p as string)
      .where('level', '=', 5)
      .where('createdAt', '>=', t as Date),
  );
/** How many ratings a clerk received since `since` (honesty check); a query for executeBatch. */
export const staffRatingsSinceQuery = (db: Executor, regionCode: string, staffId: string, since: Date) =>
  db
    .selectFrom('evalRating')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('regionCode', '=', regionCode)
    .where('staffId', '=', staffId)
    .where('createdAt', '>=', since);
export const insertFlagsQuery = (db: Executor, rows: Insertable<EvalFlagTable>[]) =>
  fixedStatement('evaluations.flags', rows, [], (r) => db.insertInto('evalFlag').values(r as typeof rows));
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
/** Of these cases (of any regions: the invite job serves every region), those linked or rated already. */
export const listLinkedOrRatedCaseIds = async (
  db: Executor,
  cases: readonly { id: string; regionCode: string }[],
) => {
  if (cases.length === 0) return new Set<string>();
  const regions = [...new Set(cases.map((c) => c.regionCode))];
  const caseIds = cases.map((c) => c.id);
  const [links, ratings] = await Promise.all([
    db
      .selectFrom('evalSmsLink')
      .select('caseId')
      .where('regionCode', 'in', regions)
      .where('caseId', 'in', caseIds)
      .execute(),
    db
      .selectFrom('evalRating')
      .select('caseId')
      .where('regionCode', 'in', regions)
      .where('caseId', 'in', caseIds)
      .where('channel', '<>', 'site')
      .execute(),
  ]);
  return new Set([...links, ...ratings].map((r) => r.caseId!));
};

// ── 差评 work items ──
export const insertBadReviewQuery = (db: Executor, v: Insertable<EvalBadReviewTable> & { id: string }) =>
  fixedStatement('evaluations.badReview', [v], [], ([r]) =>
    db.insertInto('evalBadReview').values(r as typeof v),
  );
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

// ── The figures' rollup (eval_rating_day, migration 0050) ──
/** Adds one rating's counts to its day and subject (a statement of the submit's one write). */
export const addToRatingDayQuery = (db: Executor, v: Insertable<EvalRatingDayTable>) =>
  fixedStatement('evaluations.ratingDay', [v], [], ([r]) => addToRatingDay(db, r as typeof v));
const addToRatingDay = (db: Executor, v: Insertable<EvalRatingDayTable>) =>
  db
    .insertInto('evalRatingDay')
    .values(v)
    .onConflict((oc) =>
      oc.constraint('eval_rating_day_key').doUpdateSet({
        staffName: sql`greatest(eval_rating_day.staff_name, excluded.staff_name)`,
        windowName: sql`greatest(eval_rating_day.window_name, excluded.window_name)`,
        departmentName: sql`greatest(eval_rating_day.department_name, excluded.department_name)`,
        itemName: sql`greatest(eval_rating_day.item_name, excluded.item_name)`,
        ratings: sql`eval_rating_day.ratings + excluded.ratings`,
        good: sql`eval_rating_day.good + excluded.good`,
        bad: sql`eval_rating_day.bad + excluded.bad`,
        badReviews: sql`eval_rating_day.bad_reviews + excluded.bad_reviews`,
      }),
    );

/** The rollup row of rating r (alias r): same region, Shanghai day, channel and subject. */
const DAY_OF_RATING = sql`d.region_code = r.region_code
  and d.day = (r.created_at at time zone 'Asia/Shanghai')::date and d.channel = r.channel
  and d.staff_id is not distinct from r.staff_id and d.window_id is not distinct from r.window_id
  and d.department_id is not distinct from r.department_id and d.item_id is not distinct from r.item_id`;

/**
 * Counts a 差评 item's 整改 or 回访 in its rating's rollup row, the first time only and only while the
 * rating counts (not excluded on appeal). Run it before the item's own update.
 */
export const countBadReviewStep = (
  db: Executor,
  regionCode: string,
  badReviewId: string,
  step: 'rectified' | 'called_back',
) =>
  sql`update eval_rating_day d set ${sql.raw(step)} = d.${sql.raw(step)} + 1
    from eval_bad_review b
    join eval_rating r on r.region_code = b.region_code and r.id = b.rating_id
    where b.region_code = ${regionCode} and b.id = ${badReviewId} and not r.excluded
      and ${step === 'rectified' ? sql`b.rectified_at is null` : sql`b.called_back_at is null`}
      and ${DAY_OF_RATING}`.execute(db);

/** Takes an excluded rating (an upheld appeal) out of its rollup row; run it before excludeRating. */
export const uncountRating = (db: Executor, regionCode: string, ratingId: string) =>
  sql`update eval_rating_day d set ratings = d.ratings - 1,
      good = d.good - (r.level >= 4)::int, bad = d.bad - (r.level <= 2)::int,
      bad_reviews = d.bad_reviews - (b.id is not null)::int,
      rectified = d.rectified - (b.rectified_at is not null)::int,
      called_back = d.called_back - (b.called_back_at is not null)::int
    from eval_rating r
    left join eval_bad_review b on b.region_code = r.region_code and b.rating_id = r.id
    where r.region_code = ${regionCode} and r.id = ${ratingId} and not r.excluded and ${DAY_OF_RATING}`.execute(
    db,
  );

/** Counts the rollup again from the ratings (after a bulk load that bypassed the submit). */
export async function rebuildRatingDays(db: Executor) {
  await sql`delete from eval_rating_day`.execute(db);
  await sql`insert into eval_rating_day (region_code, day, channel, staff_id, window_id, department_id, item_id,
      staff_name, window_name, department_name, item_name, ratings, good, bad, bad_reviews, rectified, called_back)
    select r.region_code, (r.created_at at time zone 'Asia/Shanghai')::date, r.channel, r.staff_id, r.window_id,
      r.department_id, r.item_id, max(r.staff_name), max(r.window_name), max(r.department_name), max(r.item_name),
      count(*) filter (where not r.excluded),
      count(*) filter (where not r.excluded and r.level >= 4),
      count(*) filter (where not r.excluded and r.level <= 2),
      count(b.id) filter (where not r.excluded),
      count(b.rectified_at) filter (where not r.excluded),
      count(b.called_back_at) filter (where not r.excluded)
    from eval_rating r
    left join eval_bad_review b on b.region_code = r.region_code and b.rating_id = r.id
    group by 1, 2, 3, 4, 5, 6, 7`.execute(db);
}
