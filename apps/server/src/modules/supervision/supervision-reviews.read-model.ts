// Issue 21 (reviews): what assessments and the overdue-share rule read from the stored RATE-1 facts
// (supervision_case_fact, kept by the supervision job), so no case's clock is computed again.
import { sql } from 'kysely';
import type { Executor } from '../../platform/db';

/** Concluded-basis counts per department and region for months [fromMonth, toMonth]. */
export const readConcludedCountsForReviews = (
  db: Executor,
  q: { regionPrefix: string; fromMonth: string; toMonth: string },
) =>
  db
    .selectFrom('supervisionCaseFact')
    .select(['departmentId', 'regionCode'])
    .select((eb) => [
      eb.fn.countAll<string>().as('cases'),
      sql<string>`count(*) filter (where on_time)`.as('onTime'),
      sql<string>`count(*) filter (where online)`.as('online'),
    ])
    .where('regionCode', 'like', `${q.regionPrefix}%`)
    .where('concludedMonth', '>=', q.fromMonth)
    .where('concludedMonth', '<=', q.toMonth)
    .groupBy(['departmentId', 'regionCode'])
    .execute();

/**
 * The concluded cases that fail a flag (not on time, not online), at most `limit` per unit
 * (department or region), in case-number order: the records shown behind a figure.
 */
export const readFailingFactsForReviews = (
  db: Executor,
  q: {
    regionPrefix: string;
    fromMonth: string;
    toMonth: string;
    flag: 'onTime' | 'online';
    by: 'departmentId' | 'regionCode';
    limit: number;
  },
) =>
  db
    .selectFrom((eb) =>
      eb
        .selectFrom('supervisionCaseFact')
        .select(['caseId', 'caseNo', 'departmentId', 'regionCode', 'concludedMonth'])
        .select(sql<number>`row_number() over (partition by ${sql.ref(q.by)} order by case_no)`.as('n'))
        .where('regionCode', 'like', `${q.regionPrefix}%`)
        .where('concludedMonth', '>=', q.fromMonth)
        .where('concludedMonth', '<=', q.toMonth)
        .where(sql.ref(q.flag), '=', false)
        .as('f'),
    )
    .selectAll()
    .where('n', '<=', q.limit)
    .execute();
