// Joined reads of complaints. Foreign tables read here: department (org), hall_window (org),
// staff (org) — names only, for lists and figures.
import { sql } from 'kysely';
import type { ComplaintListQuery } from '@tongban/contracts';
import type { Executor } from '../../platform/db';

/**
 * The departments an order of `regionCode` may name: those of its county (the county's and its
 * townships'), which is what checkDepartments accepts (a department's first six digits lead the
 * order's region), so the read names the region (ADR 0006) without narrowing the answer.
 */
const countyLike = (regionCode: string) => `${regionCode.slice(0, 6)}%`;

/** findDepartments as a statement (executeBatch); never empty-handed: an empty list matches nothing. */
export const departmentsQuery = (db: Executor, regionCode: string, ids: readonly string[]) =>
  db
    .selectFrom('department')
    .select(['id', 'name', 'regionCode'])
    .where('regionCode', 'like', countyLike(regionCode))
    .where('id', 'in', ids.length ? [...ids] : ['00000000-0000-0000-0000-000000000000']);

/** Departments by id, among those an order of `regionCode` may name (its county's). */
export const findDepartments = (db: Executor, regionCode: string, ids: readonly string[]) =>
  ids.length === 0
    ? Promise.resolve([] as { id: string; name: string; regionCode: string }[])
    : db
        .selectFrom('department')
        .select(['id', 'name', 'regionCode'])
        .where('regionCode', 'like', countyLike(regionCode))
        .where('id', 'in', [...ids])
        .execute();

export type ListScope = {
  regionLike: string;
  /** Department roles see what their department holds or leads. */
  departmentId: string | null;
  today: string;
};

function base(db: Executor) {
  return db
    .selectFrom('complaint as c')
    .leftJoin('department as ld', 'ld.id', 'c.leadDepartmentId')
    .leftJoin('department as hd', 'hd.id', 'c.heldByDepartmentId');
}

export const SUMMARY_COLUMNS = [
  'c.id',
  'c.regionCode',
  'c.orderNo',
  'c.externalNo',
  'c.source',
  'c.type',
  'c.title',
  'c.status',
  'c.anonymous',
  'c.complainantNameMasked',
  'c.phoneMasked',
  'c.subjectKind',
  'c.subjectId',
  'c.subjectLabel',
  'c.leadDepartmentId',
  'ld.name as leadDepartmentName',
  'c.heldByDepartmentId',
  'hd.name as heldByDepartmentName',
  'c.returnPending',
  'c.receivedAt',
  'c.dueDate',
  'c.flagged',
  'c.reopenCount',
  'c.mergedIntoId',
  'c.version',
] as const;

export async function listComplaints(db: Executor, s: ListScope, q: ComplaintListQuery) {
  let query = base(db).where('c.regionCode', 'like', s.regionLike);
  if (s.departmentId) {
    const d = s.departmentId;
    query = query.where((eb) =>
      eb.or([eb('c.heldByDepartmentId', '=', d), eb('c.leadDepartmentId', '=', d)]),
    );
  }
  if (q.status) query = query.where('c.status', '=', q.status);
  if (q.source) query = query.where('c.source', '=', q.source);
  if (q.type) query = query.where('c.type', '=', q.type);
  if (q.departmentId) query = query.where('c.leadDepartmentId', '=', q.departmentId);
  if (q.subjectKind) query = query.where('c.subjectKind', '=', q.subjectKind);
  if (q.subjectId) query = query.where('c.subjectId', '=', q.subjectId);
  if (q.month)
    query = query.where(sql`to_char(c.received_at at time zone 'Asia/Shanghai', 'YYYY-MM')`, '=', q.month);
  if (q.q) {
    const like = `%${q.q.replace(/[%_\\]/g, (m) => `\\${m}`)}%`;
    query = query.where((eb) =>
      eb.or([eb('c.orderNo', 'like', like), eb('c.title', 'like', like), eb('c.externalNo', 'like', like)]),
    );
  }
  if (q.scope === 'desk')
    query = query.where((eb) => eb.or([eb('c.status', '=', 'received'), eb('c.returnPending', '=', true)]));
  if (q.scope === 'overdue')
    query = query.where('c.status', 'in', ['dispatched', 'handling']).where('c.dueDate', '<', s.today);
  const [rows, count] = await Promise.all([
    query
      .select(SUMMARY_COLUMNS)
      .orderBy('c.receivedAt', 'desc')
      .orderBy('c.id')
      .limit(q.limit)
      .offset(q.offset)
      .execute(),
    query.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

export type SummaryRow = Awaited<ReturnType<typeof listComplaints>>['rows'][number];

/**
 * The leader's screen: orders the 办不成事 window escalated (still waiting), open orders under 督办,
 * and the leader's latest decisions (oldest waiting first; at most 200 of each).
 */
export async function listForLeader(db: Executor, regionLike: string) {
  const cols = [
    ...SUMMARY_COLUMNS,
    'c.leaderDecision',
    'c.leaderNote',
    'c.leaderDecidedAt',
    'c.escalatedAt',
    'c.supervisedAt',
  ] as const;
  const [escalated, supervised, decided] = await Promise.all([
    base(db)
      .select(cols)
      .where('c.regionCode', 'like', regionLike)
      .where('c.status', '=', 'escalated')
      .orderBy('c.escalatedAt')
      .limit(200)
      .execute(),
    base(db)
      .select(cols)
      .where('c.regionCode', 'like', regionLike)
      .where('c.supervisedAt', 'is not', null)
      .where('c.status', 'in', ['dispatched', 'handling'])
      .orderBy('c.dueDate')
      .limit(200)
      .execute(),
    base(db)
      .select(cols)
      .where('c.regionCode', 'like', regionLike)
      .where('c.leaderDecision', 'is not', null)
      .orderBy('c.leaderDecidedAt', 'desc')
      .limit(50)
      .execute(),
  ]);
  return { escalated, supervised, decided };
}

/** The note the window wrote when it escalated each order (its latest 'escalated' event). */
export const listEscalationNotes = (db: Executor, regionLike: string, ids: readonly string[]) =>
  ids.length === 0
    ? Promise.resolve([] as { complaintId: string; note: string | null }[])
    : db
        .selectFrom('complaintEvent')
        .select(['complaintId', sql<string | null>`payload->>'note'`.as('note')])
        .where('regionCode', 'like', regionLike)
        .where('complaintId', 'in', [...ids])
        .where('type', '=', 'escalated')
        .orderBy('seq')
        .execute();

export const findSummary = (db: Executor, regionCode: string, id: string) =>
  base(db)
    .select(SUMMARY_COLUMNS)
    .where('c.regionCode', '=', regionCode)
    .where('c.id', '=', id)
    .executeTakeFirst();

/** Rows for figures: every record in the period with what the rates need. */
export const listForFigures = (db: Executor, regionLike: string, from: Date, to: Date) =>
  db
    .selectFrom('complaint as c')
    .leftJoin('department as ld', 'ld.id', 'c.leadDepartmentId')
    .select([
      'c.id',
      'c.orderNo',
      'c.type',
      'c.source',
      'c.status',
      'c.subjectKind',
      'c.subjectId',
      'c.subjectLabel',
      'c.leadDepartmentId',
      'ld.name as leadDepartmentName',
      'c.receivedAt',
      'c.dueDate',
      'c.closedAt',
      'c.callbackAt',
      'c.callbackResult',
      'c.mergedIntoId',
    ])
    .where('c.regionCode', 'like', regionLike)
    .where('c.receivedAt', '>=', from)
    .where('c.receivedAt', '<', to)
    .orderBy('c.receivedAt')
    .execute();

/** Earlier records about the same subject (repeat complaints within 12 months). */
export const listSubjectHistory = (db: Executor, regionLike: string, from: Date, to: Date) =>
  db
    .selectFrom('complaint')
    .select(['subjectKind', 'subjectId', 'receivedAt'])
    .where('regionCode', 'like', regionLike)
    .where('subjectId', 'is not', null)
    .where('type', 'in', ['complain', 'report'])
    .where('receivedAt', '>=', from)
    .where('receivedAt', '<', to)
    .execute();

/** Complaints (投诉/举报) about one staff member, for that person's record. */
export async function countAboutStaff(db: Executor, regionCode: string, staffId: string, since?: Date) {
  let q = db
    .selectFrom('complaint')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('regionCode', '=', regionCode)
    .where('subjectKind', '=', 'staff')
    .where('subjectId', '=', staffId)
    .where('type', 'in', ['complain', 'report'])
    .where('status', '!=', 'merged');
  if (since) q = q.where('receivedAt', '>=', since);
  return Number((await q.executeTakeFirstOrThrow()).n);
}

/** Names of staff and windows (figures' subjects), among those of `regionLike`. */
export const findStaffNames = (db: Executor, regionLike: string, ids: readonly string[]) =>
  ids.length === 0
    ? Promise.resolve([] as { id: string; name: string }[])
    : db
        .selectFrom('staff')
        .select(['id', 'name'])
        .where('regionCode', 'like', regionLike)
        .where('id', 'in', [...ids])
        .execute();

export const findWindowNames = (db: Executor, regionLike: string, ids: readonly string[]) =>
  ids.length === 0
    ? Promise.resolve([] as { id: string; name: string; number: string }[])
    : db
        .selectFrom('hallWindow')
        .select(['id', 'name', 'number'])
        .where('regionCode', 'like', regionLike)
        .where('id', 'in', [...ids])
        .execute();
