// Issue 21 (reviews): what assessments and the overdue-share rule read from the stored RATE-1 facts
// (supervision_case_fact, kept by the supervision job), so no case's clock is computed again.
import { sql } from 'kysely';
import type { Executor } from '../../platform/db';

/**
 * Concluded-basis counts per department and region for months [fromMonth, toMonth], in one pass:
 * cases, on time, online, and up to `sample` of the cases that are late and that are not online
 * (each as `case id|case number`): the records shown behind a figure.
 */
export const readConcludedCountsForReviews = (
  db: Executor,
  q: { regionPrefix: string; fromMonth: string; toMonth: string; sample?: number },
) =>
  db
    .selectFrom('supervisionCaseFact')
    .select(['departmentId', 'regionCode'])
    .select((eb) => [
      eb.fn.countAll<string>().as('cases'),
      sql<string>`count(*) filter (where on_time)`.as('onTime'),
      sql<string>`count(*) filter (where online)`.as('online'),
      sql<
        string[] | null
      >`(array_agg(case_id::text || '|' || case_no) filter (where not on_time))[1:${sql.lit(q.sample ?? 50)}]`.as(
        'late',
      ),
      sql<
        string[] | null
      >`(array_agg(case_id::text || '|' || case_no) filter (where not online))[1:${sql.lit(q.sample ?? 50)}]`.as(
        'offline',
      ),
    ])
    .where('regionCode', 'like', `${q.regionPrefix}%`)
    .where('concludedMonth', '>=', q.fromMonth)
    .where('concludedMonth', '<=', q.toMonth)
    .groupBy(['departmentId', 'regionCode'])
    .execute();
