// Kysely over the hall module's own tables (0023_hall.sql): patrols, problems and 督查告知书; plain rows, no rules.
import type { Insertable } from 'kysely';
import { sql, type Executor } from '../../platform/db';
import type { HallPatrolProblemTable } from '../../platform/db-types';

// ── Patrols, problems, notices ──────────────────────────────────────────────
const PATROL_COLS = [
  'id',
  'regionCode',
  'hallId',
  'day',
  'plannedAt',
  'status',
  'startedAt',
  'doneAt',
  'patrollerUserId',
] as const;
export const listPatrols = (db: Executor, hallId: string, day: string) =>
  db
    .selectFrom('hallPatrol')
    .select(PATROL_COLS)
    .where('hallId', '=', hallId)
    .where('day', '=', day)
    .orderBy('plannedAt')
    .execute();
export const insertPatrols = (
  db: Executor,
  rows: { regionCode: string; hallId: string; day: string; plannedAt: Date; status: 'planned' }[],
) => db.insertInto('hallPatrol').values(rows).returning(PATROL_COLS).execute();
export const findPatrol = (db: Executor, id: string) =>
  db.selectFrom('hallPatrol').select(PATROL_COLS).where('id', '=', id).executeTakeFirst();
export const updatePatrol = (
  db: Executor,
  regionCode: string,
  id: string,
  set: { startedAt?: Date; doneAt?: Date; status?: 'done'; patrollerUserId?: string | null },
) =>
  db
    .updateTable('hallPatrol')
    .set(set)
    .where('regionCode', '=', regionCode)
    .where('id', '=', id)
    .where('status', '=', 'planned')
    .returning(PATROL_COLS)
    .executeTakeFirst();

const PROBLEM_COLS = [
  'id',
  'regionCode',
  'patrolId',
  'hallId',
  'kind',
  'windowId',
  'staffId',
  'departmentId',
  'note',
  'photo',
  'foundAt',
  'noticeId',
] as const;
export const insertProblem = (db: Executor, p: Insertable<HallPatrolProblemTable>) =>
  db.insertInto('hallPatrolProblem').values(p).returning(PROBLEM_COLS).executeTakeFirstOrThrow();
export const findProblem = (db: Executor, id: string) =>
  db.selectFrom('hallPatrolProblem').select(PROBLEM_COLS).where('id', '=', id).executeTakeFirst();
export const setProblemPhoto = (db: Executor, regionCode: string, id: string, photo: string) =>
  db
    .updateTable('hallPatrolProblem')
    .set({ photo })
    .where('regionCode', '=', regionCode)
    .where('id', '=', id)
    .execute();
export const setProblemsNotice = (db: Executor, regionCode: string, ids: string[], noticeId: string) =>
  db
    .updateTable('hallPatrolProblem')
    .set({ noticeId })
    .where('regionCode', '=', regionCode)
    .where('id', 'in', ids)
    .execute();
export const listProblems = (
  db: Executor,
  f: {
    hallId?: string;
    patrolIds?: string[];
    noticeIds?: string[];
    departmentId?: string;
    kind?: string;
    from?: Date;
    to?: Date;
    regionLike?: string;
  },
) => {
  let q = db.selectFrom('hallPatrolProblem').select(PROBLEM_COLS);
  if (f.hallId) q = q.where('hallId', '=', f.hallId);
  if (f.regionLike) q = q.where('regionCode', 'like', f.regionLike);
  if (f.patrolIds)
    q = f.patrolIds.length ? q.where('patrolId', 'in', f.patrolIds) : q.where(sql<boolean>`false`);
  if (f.noticeIds)
    q = f.noticeIds.length ? q.where('noticeId', 'in', f.noticeIds) : q.where(sql<boolean>`false`);
  if (f.departmentId) q = q.where('departmentId', '=', f.departmentId);
  if (f.kind) q = q.where('kind', '=', f.kind as never);
  if (f.from) q = q.where('foundAt', '>=', f.from);
  if (f.to) q = q.where('foundAt', '<', f.to);
  return q.orderBy('foundAt', 'desc').execute();
};

const NOTICE_COLS = [
  'id',
  'regionCode',
  'hallId',
  'noticeNo',
  'departmentId',
  'patrolId',
  'status',
  'issuedAt',
  'deadline',
  'reply',
  'repliedAt',
  'repliedBy',
  'round',
  'followupNote',
  'followedUpAt',
  'followedUpBy',
] as const;
export const insertNotice = (
  db: Executor,
  n: {
    regionCode: string;
    hallId: string;
    noticeNo: string;
    departmentId: string;
    patrolId: string;
    status: 'issued';
    issuedAt: Date;
    deadline: string;
  },
) => db.insertInto('hallInspectionNotice').values(n).returning(NOTICE_COLS).executeTakeFirstOrThrow();
export const countNoticesOfYear = async (db: Executor, regionCode: string, prefix: string) =>
  Number(
    (
      await db
        .selectFrom('hallInspectionNotice')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('regionCode', '=', regionCode)
        .where('noticeNo', 'like', `${prefix}%`)
        .executeTakeFirstOrThrow()
    ).n,
  );
export const findNotice = (db: Executor, id: string) =>
  db.selectFrom('hallInspectionNotice').select(NOTICE_COLS).where('id', '=', id).executeTakeFirst();
export const updateNotice = (
  db: Executor,
  regionCode: string,
  id: string,
  fromStatus: string,
  set: Partial<Insertable<import('../../platform/db-types').HallInspectionNoticeTable>>,
) =>
  db
    .updateTable('hallInspectionNotice')
    .set(set)
    .where('regionCode', '=', regionCode)
    .where('id', '=', id)
    .where('status', '=', fromStatus as never)
    .returning(NOTICE_COLS)
    .executeTakeFirst();
export const listNotices = (
  db: Executor,
  f: { regionLike: string; departmentId?: string | null; status?: string },
) => {
  let q = db.selectFrom('hallInspectionNotice').select(NOTICE_COLS).where('regionCode', 'like', f.regionLike);
  if (f.departmentId) q = q.where('departmentId', '=', f.departmentId);
  if (f.status) q = q.where('status', '=', f.status as never);
  return q.orderBy('issuedAt', 'desc').execute();
};
export const insertNoticeEvent = (
  db: Executor,
  e: {
    regionCode: string;
    noticeId: string;
    kind: 'issue' | 'reply' | 'pass' | 'fail';
    note: string;
    actorUserId: string | null;
    at: Date;
  },
) => db.insertInto('hallNoticeEvent').values(e).execute();
export const listNoticeEvents = (db: Executor, noticeIds: string[]) =>
  noticeIds.length === 0
    ? Promise.resolve([])
    : db
        .selectFrom('hallNoticeEvent')
        .select(['noticeId', 'kind', 'note', 'at'])
        .where('noticeId', 'in', noticeIds)
        .orderBy('at')
        .execute();
export const lockExistingPerson = (db: Executor, regionCode: string, personHash: string) =>
  db
    .selectFrom('hallPerson')
    .select(['personHash', 'noShowCount', 'suspendedUntil'])
    .where('regionCode', '=', regionCode)
    .where('personHash', '=', personHash)
    .forUpdate()
    .executeTakeFirst();
export const findPerson = (db: Executor, regionCode: string, personHash: string) =>
  db
    .selectFrom('hallPerson')
    .select(['personHash', 'noShowCount', 'suspendedUntil'])
    .where('regionCode', '=', regionCode)
    .where('personHash', '=', personHash)
    .executeTakeFirst();
export const listTicketsOfWindowOpen = (db: Executor, regionCode: string, windowId: string) =>
  db
    .selectFrom('hallTicket')
    .select('id')
    .where('regionCode', '=', regionCode)
    .where('windowId', '=', windowId)
    .where('status', '=', 'called')
    .executeTakeFirst();
/** Locks the region's settings row (made with the defaults if missing): serialises the day's patrol draw. */
export async function lockSettings(db: Executor, regionCode: string) {
  await db
    .insertInto('hallSetting')
    .values({ regionCode })
    .onConflict((oc) => oc.column('regionCode').doNothing())
    .execute();
  return db
    .selectFrom('hallSetting')
    .select([
      'holdMinutes',
      'noShowLimit',
      'noShowWindowDays',
      'suspensionDays',
      'patrolsPerDay',
      'noticeDeadlineDays',
    ])
    .where('regionCode', '=', regionCode)
    .forUpdate()
    .executeTakeFirstOrThrow();
}
export const listPatrolsBetween = (db: Executor, hallId: string, fromDay: string, toDay: string) =>
  db
    .selectFrom('hallPatrol')
    .select(['id', 'status', 'day'])
    .where('hallId', '=', hallId)
    .where('day', '>=', fromDay)
    .where('day', '<', toDay)
    .execute();
