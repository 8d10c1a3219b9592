import type { FigureDimension, RatingQuery } from '@tongban/contracts';
import { sql, type Executor } from '../../platform/db';

// Joined reads over the module's own tables (eval_rating, eval_flag, eval_bad_review,
// eval_appeal). Names of staff, windows, departments and items are kept on the rating as rated,
// so figures read no other module's tables.

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
    .select(['f.ratingId', 'f.kind', 'f.detail', 'f.createdAt', 'r.level', 'r.staffName', 'r.channel'])
    .where('f.regionCode', 'like', regionLike)
    .orderBy('f.createdAt', 'desc')
    .limit(limit)
    .execute();
}

const KEY: Record<FigureDimension, string> = {
  staff: 'r.staff_id::text',
  window: 'r.window_id::text',
  department: 'r.department_id::text',
  item: 'r.item_id::text',
  channel: 'r.channel',
  month: `to_char(r.created_at at time zone 'Asia/Shanghai', 'YYYY-MM')`,
};
const LABEL: Record<FigureDimension, string> = {
  staff: 'max(r.staff_name)',
  window: 'max(r.window_name)',
  department: 'max(r.department_name)',
  item: 'max(r.item_name)',
  channel: 'r.channel',
  month: `to_char(r.created_at at time zone 'Asia/Shanghai', 'YYYY-MM')`,
};

/**
 * TRUTH-1: every figure counted from the ratings and the 差评 items, never entered. Ratings of an
 * upheld appeal (excluded) are left out of the rates; they stay in the records.
 */
export function aggregateFigures(
  db: Executor,
  regionLike: string,
  by: FigureDimension | null,
  p: Period,
  departmentId?: string,
) {
  const key = by ? sql.raw(KEY[by]) : sql.lit('all');
  const label = by ? sql.raw(LABEL[by]) : sql.lit('合计');
  const dept = departmentId ? sql`and r.department_id = ${departmentId}` : sql``;
  return sql<{
    key: string | null;
    label: string | null;
    ratings: string;
    good: string;
    bad: string;
    ratedCases: string;
    badReviews: string;
    rectified: string;
    calledBack: string;
  }>`
    select ${key} as key, ${label} as label,
      count(*) filter (where not r.excluded) as ratings,
      count(*) filter (where not r.excluded and r.level >= 4) as good,
      count(*) filter (where not r.excluded and r.level <= 2) as bad,
      count(distinct r.case_id) filter (where r.case_concluded_at >= ${p.from} and r.case_concluded_at < ${p.to}) as rated_cases,
      count(b.id) filter (where not r.excluded) as bad_reviews,
      count(b.rectified_at) filter (where not r.excluded) as rectified,
      count(b.called_back_at) filter (where not r.excluded) as called_back
    from eval_rating r
    left join eval_bad_review b on b.region_code = r.region_code and b.rating_id = r.id
    where r.region_code like ${regionLike} and r.created_at >= ${p.from} and r.created_at < ${p.to} ${dept}
    ${by ? sql`group by 1` : sql``}
  `.execute(db);
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
