// Issue 21 (reviews): the ratings an assessment and the 差评-cluster rule read, and each 差评's loop
// state. Read only; reviews calls this through the evaluations index and never queries these tables.
import { sql } from 'kysely';
import type { Executor } from '../../platform/db';

/**
 * Ratings of a region counted in [from, to): a rated case in the period its conclusion falls in, a
 * rating without a case (on site) in the period it was given. Each row carries its 差评 record, if any.
 */
export const readRatingsForReviews = (db: Executor, q: { regionPrefix: string; from: Date; to: Date }) =>
  db
    .selectFrom('evalRating as r')
    .leftJoin('evalBadReview as b', (j) =>
      j.onRef('b.regionCode', '=', 'r.regionCode').onRef('b.ratingId', '=', 'r.id'),
    )
    .select([
      'r.id',
      'r.regionCode',
      'r.departmentId',
      'r.itemId',
      'r.itemName',
      'r.windowName',
      'r.level',
      'r.excluded',
      'b.id as badReviewId',
      'b.status as badReviewStatus',
    ])
    .where('r.regionCode', 'like', `${q.regionPrefix}%`)
    .where(sql<Date>`coalesce(r.case_concluded_at, r.created_at)`, '>=', q.from)
    .where(sql<Date>`coalesce(r.case_concluded_at, r.created_at)`, '<', q.to)
    .execute();
