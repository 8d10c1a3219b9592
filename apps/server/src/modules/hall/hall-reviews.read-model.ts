// Issue 21 (reviews): the patrol problems and the window sign-ins an assessment and the repeated-
// patrol-problem rule read. Read only; reviews calls these through the hall index.
import { sql } from 'kysely';
import type { Executor } from '../../platform/db';

/** Problems found by patrols in [from, to), with the department: as recorded, else the window's. */
export const readPatrolProblemsForReviews = (
  db: Executor,
  q: { regionPrefix: string; from: Date; to: Date },
) =>
  db
    .selectFrom('hallPatrolProblem as p')
    .leftJoin('hallWindow as w', (j) =>
      j.onRef('w.regionCode', '=', 'p.regionCode').onRef('w.id', '=', 'p.windowId'),
    )
    .select([
      'p.id',
      'p.regionCode',
      'p.windowId',
      'p.staffId',
      'p.kind',
      'p.foundAt',
      'w.name as windowName',
      'w.number as windowNumber',
      sql<string | null>`coalesce(p.department_id, w.department_id)::text`.as('departmentId'),
    ])
    .where('p.regionCode', 'like', `${q.regionPrefix}%`)
    .where('p.foundAt', '>=', q.from)
    .where('p.foundAt', '<', q.to)
    .orderBy('p.foundAt')
    .execute();

/** The staff who signed in at a window at least once in [from, to) (人员实际在厅). */
export const readSignedInStaffForReviews = async (
  db: Executor,
  q: { regionPrefix: string; from: Date; to: Date },
) =>
  (
    await db
      .selectFrom('hallPresence')
      .select('staffId')
      .distinct()
      .where('regionCode', 'like', `${q.regionPrefix}%`)
      .where('signedInAt', '>=', q.from)
      .where('signedInAt', '<', q.to)
      .execute()
  ).map((r) => r.staffId);
