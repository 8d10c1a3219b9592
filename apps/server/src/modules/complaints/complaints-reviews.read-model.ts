// Issue 21 (reviews): the 投诉/举报 an assessment and the repeat-complaint rule read. Read only;
// reviews calls this through the complaints index and never queries these tables.
import { sql } from 'kysely';
import type { Executor } from '../../platform/db';

/**
 * 投诉 and 举报 (merged ones left out: they count once, in the record they joined) received in
 * [from, to), with the department they are about: the department named, the staff member's or the
 * window's department, else the department that leads the handling.
 */
export const readComplaintsForReviews = (db: Executor, q: { regionPrefix: string; from: Date; to: Date }) =>
  db
    .selectFrom('complaint as c')
    .leftJoin('staff as s', (j) =>
      j.on((eb) =>
        eb.and([eb('c.subjectKind', '=', 'staff'), eb(sql`s.id::text`, '=', eb.ref('c.subjectId'))]),
      ),
    )
    .leftJoin('hallWindow as w', (j) =>
      j.on((eb) =>
        eb.and([eb('c.subjectKind', '=', 'window'), eb(sql`w.id::text`, '=', eb.ref('c.subjectId'))]),
      ),
    )
    .select([
      'c.id',
      'c.orderNo',
      'c.regionCode',
      'c.subjectKind',
      'c.subjectId',
      'c.receivedAt',
      'w.name as windowName',
      'w.number as windowNumber',
      sql<string | null>`coalesce(
        case when c.subject_kind = 'department' and c.subject_id ~ '^[0-9a-f-]{36}$' then c.subject_id end,
        s.department_id::text, w.department_id::text, c.lead_department_id::text)`.as('departmentId'),
    ])
    .where('c.regionCode', 'like', `${q.regionPrefix}%`)
    .where('c.type', 'in', ['complain', 'report'])
    .where('c.status', '!=', 'merged')
    .where('c.receivedAt', '>=', q.from)
    .where('c.receivedAt', '<', q.to)
    .orderBy('c.receivedAt')
    .execute();
