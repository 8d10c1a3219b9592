// Kysely over the hall module's own tables (0023_hall.sql): patrols, problems and 督查告知书; plain rows, no rules.
import type { Insertable } from 'kysely';
import { sql, type Executor } from '../../platform/db';
import type { HallPatrolProblemTable } from '../../platform/db-types';
import { orgService } from '../org';

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
/** A hall's patrols of a day, in the hall's region. */
export const listPatrolsOfDay = (db: Executor, regionCode: string, hallId: string, day: string) =>
  db
    .selectFrom('hallPatrol')
    .select(PATROL_COLS)
    .where('regionCode', '=', regionCode)
    .where('hallId', '=', hallId)
    .where('day', '=', day)
    .orderBy('plannedAt')
    .execute();
/**
 * The same by the hall's id alone, for the demo seed (seed-hall-demo.ts): the hall's region is found
 * first (org's hall record), then the patrols are read in it.
 */
export async function listPatrols(db: Executor, hallId: string, day: string) {
  const hall = await orgService.findHallRecord(db, hallId);
  return hall ? listPatrolsOfDay(db, hall.regionCode, hallId, day) : [];
}
export const insertPatrols = (
  db: Executor,
  rows: { regionCode: string; hallId: string; day: string; plannedAt: Date; status: 'planned' }[],
) => db.insertInto('hallPatrol').values(rows).returning(PATROL_COLS).execute();
/**
 * A patrol by its id alone (its routes answer 403 outside the supervisor's region, not 404): the one
 * region-free read of hall_patrol, named in CROSS_REGION.
 */
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
/**
 * A problem by its id alone (a photo is attached by the problem's id, and answers 403 outside the
 * supervisor's region): the one region-free read of hall_patrol_problem, named in CROSS_REGION.
 */
export const findProblem = (db: Executor, id: string) =>
  db.selectFrom('hallPatrolProblem').select(PROBLEM_COLS).where('id', '=', id).executeTakeFirst();
/** A problem by id within a scope (`regionLike`, regionScopeLike): who may read its photo. */
export const findProblemIn = (db: Executor, regionLike: string, id: string) =>
  db
    .selectFrom('hallPatrolProblem')
    .select(PROBLEM_COLS)
    .where('regionCode', 'like', regionLike)
    .where('id', '=', id)
    .executeTakeFirst();
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
  } & ({ regionCode: string } | { regionCodes: string[] } | { regionLike: string }),
) => {
  let q = db.selectFrom('hallPatrolProblem').select(PROBLEM_COLS);
  if ('regionCode' in f) q = q.where('regionCode', '=', f.regionCode);
  else if ('regionCodes' in f)
    q = f.regionCodes.length ? q.where('regionCode', 'in', f.regionCodes) : q.where(sql<boolean>`false`);
  else q = q.where('regionCode', 'like', f.regionLike);
  if (f.hallId) q = q.where('hallId', '=', f.hallId);
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
/**
 * A 督查告知书 by its id alone (its routes answer 403 outside the actor's region or department): the one
 * region-free read of hall_inspection_notice, named in CROSS_REGION.
 */
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
/** The events of notices, in the notices' regions (`regionCodes`: theirs, each notice's events are in it). */
export const listNoticeEvents = (db: Executor, regionCodes: string[], noticeIds: string[]) =>
  noticeIds.length === 0
    ? Promise.resolve([])
    : db
        .selectFrom('hallNoticeEvent')
        .select(['noticeId', 'kind', 'note', 'at'])
        .where('regionCode', 'in', regionCodes)
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
export const listPatrolsBetween = (
  db: Executor,
  regionCode: string,
  hallId: string,
  fromDay: string,
  toDay: string,
) =>
  db
    .selectFrom('hallPatrol')
    .select(['id', 'status', 'day'])
    .where('regionCode', '=', regionCode)
    .where('hallId', '=', hallId)
    .where('day', '>=', fromDay)
    .where('day', '<', toDay)
    .execute();
