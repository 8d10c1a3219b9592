import type { FigureDimension, RatingQuery } from '@tongban/contracts';
import { sql, type Executor } from '../../platform/db';
import { fixedStatement } from '../../platform/fixed-statement';

// Joined reads over the module's own tables (eval_rating, eval_rating_day, eval_flag,
// eval_bad_review, eval_appeal). Names of staff, windows, departments and items are kept on the
// rating as rated, so figures read no other module's tables. Foreign tables, for names only: org's
// hall_window, staff and department (what a pad's rating is rated under, ratingSubjectQuery).

export type Period = { from: Date; to: Date };

const RATING_COLS = [
  'r.id',
  'r.regionCode',
  'r.channel',
  'r.level',
  'r.indicators',
  'r.reasonCategory',
  'r.reasonText',
  'r.realName',
  'r.staffName',
  'r.staffId',
  'r.windowId',
  'r.departmentId',
  'r.caseId',
  'r.createdAt',
  'r.excluded',
  'r.excludedReason',
] as const;

function flagsOf() {
  return sql<string[]>`coalesce((select array_agg(f.kind order by f.kind) from eval_flag f
    where f.region_code = r.region_code and f.rating_id = r.id), '{}')`.as('flags');
}

export function listRatings(db: Executor, regionLike: string, q: RatingQuery, p: Period) {
  let base = db
    .selectFrom('evalRating as r')
    .where('r.regionCode', 'like', regionLike)
    .where('r.createdAt', '>=', p.from)
    .where('r.createdAt', '<', p.to);
  if (q.channel) base = base.where('r.channel', '=', q.channel);
  if (q.departmentId) base = base.where('r.departmentId', '=', q.departmentId);
  if (q.staffId) base = base.where('r.staffId', '=', q.staffId);
  if (q.windowId) base = base.where('r.windowId', '=', q.windowId);
  if (q.itemId) base = base.where('r.itemId', '=', q.itemId);
  if (q.month)
    base = base.where(sql`to_char(r.created_at at time zone 'Asia/Shanghai', 'YYYY-MM')`, '=', q.month);
  if (q.kind === 'good') base = base.where('r.level', '>=', 4);
  if (q.kind === 'bad') base = base.where('r.level', '<=', 2);
  if (q.kind === 'flagged')
    base = base.where(({ exists, selectFrom }) =>
      exists(
        selectFrom('evalFlag as f')
          .select('f.id')
          .whereRef('f.regionCode', '=', 'r.regionCode')
          .whereRef('f.ratingId', '=', 'r.id'),
      ),
    );
  return Promise.all([
    base
      .select([...RATING_COLS, flagsOf()])
      .orderBy('r.createdAt', 'desc')
      .limit(q.limit)
      .offset(q.offset)
      .execute(),
    base.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
  ]);
}

export type RatingRow = Awaited<ReturnType<typeof listRatings>>[0][number];

function badReviewBase(db: Executor, regionLike: string) {
  return db
    .selectFrom('evalBadReview as b')
    .innerJoin('evalRating as r', (j) =>
      j.onRef('r.regionCode', '=', 'b.regionCode').onRef('r.id', '=', 'b.ratingId'),
    )
    .where('b.regionCode', 'like', regionLike);
}

const BAD_COLS = [
  'b.id as badReviewId',
  'b.status',
  'b.dueDate',
  'b.openedAt',
  'b.closedAt',
  'b.departmentId as badDepartmentId',
  'b.version',
  'b.handlerId',
  'b.ratedUserId',
] as const;

export function listBadReviews(
  db: Executor,
  regionLike: string,
  f: { status?: string; overdueOn?: string; departmentId?: string | null; limit: number; offset: number },
) {
  let base = badReviewBase(db, regionLike);
  if (f.status) base = base.where('b.status', '=', f.status as never);
  if (f.overdueOn) base = base.where('b.status', '<>', 'closed').where('b.dueDate', '<', f.overdueOn);
  if (f.departmentId) base = base.where('b.departmentId', '=', f.departmentId);
  return Promise.all([
    base
      .select([...BAD_COLS, ...RATING_COLS, flagsOf()])
      .orderBy('b.dueDate')
      .orderBy('b.openedAt')
      .limit(f.limit)
      .offset(f.offset)
      .execute(),
    base.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
  ]);
}
export type BadReviewRow = Awaited<ReturnType<typeof listBadReviews>>[0][number];

export function findBadReview(db: Executor, regionLike: string, id: string) {
  return badReviewBase(db, regionLike)
    .select([...BAD_COLS, ...RATING_COLS, flagsOf()])
    .where('b.id', '=', id)
    .executeTakeFirst();
}

export function listFlags(db: Executor, regionLike: string, limit: number) {
  return db
    .selectFrom('evalFlag as f')
    .innerJoin('evalRating as r', (j) =>
      j.onRef('r.regionCode', '=', 'f.regionCode').onRef('r.id', '=', 'f.ratingId'),
    )
    .select([
      'f.ratingId',
      'f.kind',
      'f.detail',
      'f.counted',
      'f.createdAt',
      'r.level',
      'r.staffName',
      'r.channel',
    ])
    .where('f.regionCode', 'like', regionLike)
    .orderBy('f.createdAt', 'desc')
    .limit(limit)
    .execute();
}

/** The group of a figure row, over the rollup (alias d) and over the ratings (alias r). */
const KEY: Record<FigureDimension, { d: string; r: string }> = {
  staff: { d: 'd.staff_id::text', r: 'r.staff_id::text' },
  window: { d: 'd.window_id::text', r: 'r.window_id::text' },
  department: { d: 'd.department_id::text', r: 'r.department_id::text' },
  item: { d: 'd.item_id::text', r: 'r.item_id::text' },
  channel: { d: 'd.channel', r: 'r.channel' },
  month: {
    d: `to_char(d.day, 'YYYY-MM')`,
    r: `to_char(r.created_at at time zone 'Asia/Shanghai', 'YYYY-MM')`,
  },
};
const LABEL: Record<FigureDimension, string> = {
  staff: 'max(d.staff_name)',
  window: 'max(d.window_name)',
  department: 'max(d.department_name)',
  item: 'max(d.item_name)',
  channel: 'd.channel',
  month: `to_char(d.day, 'YYYY-MM')`,
};

/** A period as Asia/Shanghai dates, both inclusive (the rollup's days), and as instants. */
export type DayPeriod = Period & { fromDay: string; toDay: string };

/**
 * TRUTH-1: every figure counted from the ratings and the 差评 items, never entered — here read from
 * their rollup (eval_rating_day, kept in the same transactions; truth:verify recounts it). Ratings of
 * an upheld appeal (excluded) are left out of the rates; they stay in the records. Rated cases
 * (主动评价率) are counted from the ratings that have a case, by when the case concluded.
 */
export async function aggregateFigures(
  db: Executor,
  regionLike: string,
  by: FigureDimension | null,
  p: DayPeriod,
  departmentId?: string,
) {
  const key = (t: 'd' | 'r') => (by ? sql.raw(KEY[by][t]) : sql.lit('all'));
  const label = by ? sql.raw(LABEL[by]) : sql.lit('合计');
  const [counts, cases] = await Promise.all([
    sql<{
      key: string | null;
      label: string | null;
      ratings: string | null;
      good: string | null;
      bad: string | null;
      badReviews: string | null;
      rectified: string | null;
      calledBack: string | null;
    }>`
      select ${key('d')} as key, ${label} as label, sum(d.ratings) as ratings, sum(d.good) as good,
        sum(d.bad) as bad, sum(d.bad_reviews) as bad_reviews, sum(d.rectified) as rectified,
        sum(d.called_back) as called_back
      from eval_rating_day d
      where d.region_code like ${regionLike} and d.day >= ${p.fromDay} and d.day <= ${p.toDay}
        ${departmentId ? sql`and d.department_id = ${departmentId}` : sql``}
      ${by ? sql`group by 1` : sql``}`.execute(db),
    sql<{ key: string | null; ratedCases: string }>`
      select ${key('r')} as key, count(distinct r.case_id) as rated_cases
      from eval_rating r
      where r.region_code like ${regionLike} and r.case_id is not null
        and r.case_concluded_at >= ${p.from} and r.case_concluded_at < ${p.to}
        and r.created_at >= ${p.from} and r.created_at < ${p.to}
        ${departmentId ? sql`and r.department_id = ${departmentId}` : sql``}
      ${by ? sql`group by 1` : sql``}`.execute(db),
  ]);
  const rated = new Map(cases.rows.map((c) => [c.key, c.ratedCases]));
  return {
    rows: counts.rows.map((c) => ({
      key: c.key,
      label: c.label,
      ratings: c.ratings ?? '0',
      good: c.good ?? '0',
      bad: c.bad ?? '0',
      ratedCases: rated.get(c.key) ?? '0',
      badReviews: c.badReviews ?? '0',
      rectified: c.rectified ?? '0',
      calledBack: c.calledBack ?? '0',
    })),
  };
}

/**
 * TRUTH-1 for the rollup: each day and subject of the region's period counted again from the
 * ratings and their 差评 items, next to what eval_rating_day holds; only rows that differ.
 */
export function rollupDisagreements(db: Executor, regionLike: string, fromDay: string, toDay: string) {
  return sql<{
    regionCode: string;
    day: string;
    channel: string;
    staffId: string | null;
    windowId: string | null;
    departmentId: string | null;
    itemId: string | null;
    counted: string | null;
    stored: string | null;
  }>`
    with counted as (
      select r.region_code, (r.created_at at time zone 'Asia/Shanghai')::date as day, r.channel, r.staff_id, r.window_id,
        r.department_id, r.item_id,
        concat_ws('/', count(*) filter (where not r.excluded),
          count(*) filter (where not r.excluded and r.level >= 4),
          count(*) filter (where not r.excluded and r.level <= 2),
          count(b.id) filter (where not r.excluded),
          count(b.rectified_at) filter (where not r.excluded),
          count(b.called_back_at) filter (where not r.excluded)) as v
      from eval_rating r
      left join eval_bad_review b on b.region_code = r.region_code and b.rating_id = r.id
      where r.region_code like ${regionLike}
        and r.created_at >= (${fromDay}::date)::timestamp at time zone 'Asia/Shanghai'
        and r.created_at < (${toDay}::date + 1)::timestamp at time zone 'Asia/Shanghai'
      group by 1, 2, 3, 4, 5, 6, 7
    ), stored as (
      select d.region_code, d.day, d.channel, d.staff_id, d.window_id, d.department_id, d.item_id,
        concat_ws('/', d.ratings, d.good, d.bad, d.bad_reviews, d.rectified, d.called_back) as v
      from eval_rating_day d
      where d.region_code like ${regionLike} and d.day >= ${fromDay} and d.day <= ${toDay}
    )
    select coalesce(c.region_code, s.region_code) as region_code,
      to_char(coalesce(c.day, s.day), 'YYYY-MM-DD') as day, coalesce(c.channel, s.channel) as channel,
      coalesce(c.staff_id, s.staff_id) as staff_id, coalesce(c.window_id, s.window_id) as window_id,
      coalesce(c.department_id, s.department_id) as department_id, coalesce(c.item_id, s.item_id) as item_id,
      c.v as counted, s.v as stored
    from counted c
    full join stored s on s.region_code = c.region_code and s.day = c.day and s.channel = c.channel
      and s.staff_id is not distinct from c.staff_id and s.window_id is not distinct from c.window_id
      and s.department_id is not distinct from c.department_id and s.item_id is not distinct from c.item_id
    where c.v is distinct from s.v and coalesce(c.v, s.v) <> '0/0/0/0/0/0'`.execute(db);
}

export function listOverdueBadReviewRows(db: Executor, regionLike: string, today: string) {
  return db
    .selectFrom('evalBadReview')
    .select(['id', 'regionCode', 'status', 'dueDate', 'departmentId', 'openedAt'])
    .where('regionCode', 'like', regionLike)
    .where('status', '<>', 'closed')
    .where('dueDate', '<', today)
    .orderBy('dueDate')
    .execute();
}

/**
 * What a rating from a pad (by its token hash) or a window's QR code (by the window) needs, in one
 * statement: the source's region and window, one of that window's visits and whether it is rated
 * already, and the names it is rated under — the window, the clerk who served the visit and that
 * clerk's department (else the window's). No row: no active pad of that token (or no such window).
 */
export function ratingSubjectQuery(
  db: Executor,
  source: { tokenHash: string } | { windowId: string },
  visitId: string,
) {
  // Built and compiled once per kind of source (docs/adr/0004): every pad rating sends it.
  return 'tokenHash' in source
    ? fixedStatement('evaluations.subject.pad', [], [source.tokenHash, visitId], (_, [h, v]) =>
        ratingSubjectBuilder(db, { tokenHash: h as string }, v as string),
      )
    : fixedStatement('evaluations.subject.window', [], [source.windowId, visitId], (_, [w, v]) =>
        ratingSubjectBuilder(db, { windowId: w as string }, v as string),
      );
}

function ratingSubjectBuilder(
  db: Executor,
  source: { tokenHash: string } | { windowId: string },
  visitId: string,
) {
  // A pad: its window, and the visit if it is one of that window's. A QR code: the visit, if it is
  // one of that window's (no row: the caller tells an unknown window from an unknown visit).
  const from =
    'tokenHash' in source
      ? db
          .selectFrom('evalPad as p')
          .innerJoin('hallWindow as w', 'w.id', 'p.windowId')
          .leftJoin('evalVisit as v', (j) =>
            j
              .onRef('v.regionCode', '=', 'w.regionCode')
              .onRef('v.windowId', '=', 'w.id')
              .on('v.id', '=', visitId),
          )
          .where('p.tokenHash', '=', source.tokenHash)
          .where('p.revokedAt', 'is', null)
          .select('p.id as padId')
      : db
          .selectFrom('evalVisit as v')
          .innerJoin('hallWindow as w', (j) =>
            j
              .on('w.id', '=', source.windowId)
              .onRef('w.regionCode', '=', 'v.regionCode')
              .onRef('w.id', '=', 'v.windowId'),
          )
          .leftJoin('evalPad as p', (j) => j.on(sql<boolean>`false`))
          .where('v.id', '=', visitId)
          .select('p.id as padId');
  return from
    .leftJoin('staff as s', 's.id', 'v.staffId')
    .leftJoin('department as d', (j) => j.on(sql<boolean>`d.id = coalesce(s.department_id, w.department_id)`))
    .select((eb) => [
      'w.regionCode',
      'w.id as windowId',
      'v.id as visitId',
      'v.caseId as visitCaseId',
      eb
        .exists(
          eb
            .selectFrom('evalRating as r')
            .select('r.id')
            .whereRef('r.regionCode', '=', 'v.regionCode')
            .whereRef('r.visitId', '=', 'v.id'),
        )
        .as('rated'),
      'w.number as windowNumber',
      'w.name as windowName',
      's.id as staffId',
      's.name as staffName',
      sql<string | null>`coalesce(s.department_id, w.department_id)`.as('departmentId'),
      'd.name as departmentName',
    ]);
}
export type RatingSubject = Awaited<ReturnType<ReturnType<typeof ratingSubjectBuilder>['execute']>>[number];

export async function countRollupRows(db: Executor, regionLike: string, fromDay: string, toDay: string) {
  const r = await db
    .selectFrom('evalRatingDay')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('regionCode', 'like', regionLike)
    .where('day', '>=', fromDay)
    .where('day', '<=', toDay)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}
