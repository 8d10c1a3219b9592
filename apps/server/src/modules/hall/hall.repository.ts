// Kysely over the hall module's own tables (0023_hall.sql); plain rows, no rules.
import type { Insertable } from 'kysely';
import { sql, type Executor } from '../../platform/db';
import type {
  HallAppointmentTable,
  HallPatrolProblemTable,
  HallSlotTable,
  HallTicketTable,
} from '../../platform/db-types';

// ── Settings ───────────────────────────────────────────────────────────────
export const SETTING_DEFAULTS = {
  holdMinutes: 10,
  noShowLimit: 3,
  noShowWindowDays: 90,
  suspensionDays: 30,
  patrolsPerDay: 4,
  noticeDeadlineDays: 3,
};
export async function getSettings(db: Executor, regionCode: string) {
  const row = await db
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
    .executeTakeFirst();
  return row ?? SETTING_DEFAULTS;
}
export const saveSettings = (db: Executor, regionCode: string, s: typeof SETTING_DEFAULTS) =>
  db
    .insertInto('hallSetting')
    .values({ regionCode, ...s })
    .onConflict((oc) => oc.column('regionCode').doUpdateSet(s))
    .execute();

// ── Groups and window groups ────────────────────────────────────────────────
const GROUP_COLS = ['id', 'regionCode', 'hallId', 'code', 'name', 'personLimit', 'limitPeriodDays'] as const;
export const listGroups = (db: Executor, hallId: string) =>
  db.selectFrom('hallItemGroup').select(GROUP_COLS).where('hallId', '=', hallId).orderBy('code').execute();
export const findGroup = (db: Executor, regionCode: string, id: string) =>
  db
    .selectFrom('hallItemGroup')
    .select(GROUP_COLS)
    .where('regionCode', '=', regionCode)
    .where('id', '=', id)
    .executeTakeFirst();
export const findGroupAnyRegion = (db: Executor, id: string) =>
  db.selectFrom('hallItemGroup').select(GROUP_COLS).where('id', '=', id).executeTakeFirst();
export const insertGroup = (
  db: Executor,
  g: {
    regionCode: string;
    hallId: string;
    code: string;
    name: string;
    personLimit: number;
    limitPeriodDays: number;
  },
) => db.insertInto('hallItemGroup').values(g).returning(GROUP_COLS).executeTakeFirstOrThrow();

export const listWindowGroups = (db: Executor, regionCode: string) =>
  db
    .selectFrom('hallWindowGroup')
    .select(['windowId', 'groupId'])
    .where('regionCode', '=', regionCode)
    .execute();
export const windowGroupIds = async (db: Executor, regionCode: string, windowId: string) =>
  (
    await db
      .selectFrom('hallWindowGroup')
      .select('groupId')
      .where('regionCode', '=', regionCode)
      .where('windowId', '=', windowId)
      .execute()
  ).map((r) => r.groupId);
export async function setWindowGroups(
  db: Executor,
  regionCode: string,
  windowId: string,
  groupIds: string[],
) {
  await db
    .deleteFrom('hallWindowGroup')
    .where('regionCode', '=', regionCode)
    .where('windowId', '=', windowId)
    .execute();
  if (groupIds.length)
    await db
      .insertInto('hallWindowGroup')
      .values(groupIds.map((groupId) => ({ regionCode, windowId, groupId })))
      .execute();
}
export const insertSwitch = (
  db: Executor,
  s: {
    regionCode: string;
    hallId: string;
    windowId: string;
    fromGroupIds: string[];
    toGroupIds: string[];
    reason: string;
    actorUserId: string | null;
    at: Date;
  },
) => db.insertInto('hallWindowSwitch').values(s).returning('id').executeTakeFirstOrThrow();
export const listSwitches = (db: Executor, hallId: string, since: Date) =>
  db
    .selectFrom('hallWindowSwitch')
    .select(['windowId', 'fromGroupIds', 'toGroupIds', 'reason', 'at'])
    .where('hallId', '=', hallId)
    .where('at', '>=', since)
    .orderBy('at', 'desc')
    .execute();

// ── Slots ──────────────────────────────────────────────────────────────────
const SLOT_COLS = [
  'id',
  'regionCode',
  'hallId',
  'groupId',
  'windowId',
  'startsAt',
  'endsAt',
  'capacity',
  'booked',
] as const;
export const insertSlots = (db: Executor, rows: Insertable<HallSlotTable>[]) =>
  db.insertInto('hallSlot').values(rows).returning(SLOT_COLS).execute();
export const findSlot = (db: Executor, id: string) =>
  db.selectFrom('hallSlot').select(SLOT_COLS).where('id', '=', id).executeTakeFirst();
export const listSlots = (db: Executor, hallId: string, from: Date, to: Date, groupId?: string) => {
  let q = db
    .selectFrom('hallSlot')
    .select(SLOT_COLS)
    .where('hallId', '=', hallId)
    .where('startsAt', '>=', from)
    .where('startsAt', '<', to);
  if (groupId) q = q.where('groupId', '=', groupId);
  return q.orderBy('startsAt').orderBy('groupId').execute();
};
/** APT-1 enforced by the database: a place is taken only while one is free. */
export const takePlace = (db: Executor, regionCode: string, slotId: string) =>
  db
    .updateTable('hallSlot')
    .set({ booked: sql`booked + 1` })
    .where('regionCode', '=', regionCode)
    .where('id', '=', slotId)
    .where(sql<boolean>`booked < capacity`)
    .returning('booked')
    .executeTakeFirst();
export const releasePlaces = (db: Executor, regionCode: string, slotId: string, n = 1) =>
  db
    .updateTable('hallSlot')
    .set({ booked: sql`booked - ${n}` })
    .where('regionCode', '=', regionCode)
    .where('id', '=', slotId)
    .execute();
export const setCapacity = (db: Executor, regionCode: string, slotId: string, capacity: number) =>
  db
    .updateTable('hallSlot')
    .set({ capacity })
    .where('regionCode', '=', regionCode)
    .where('id', '=', slotId)
    .where('booked', '<=', capacity)
    .returning(SLOT_COLS)
    .executeTakeFirst();

// ── Persons ────────────────────────────────────────────────────────────────
/** APT-1: creates or locks the person's row; every booking of the person waits here for the previous one. */
export const lockPerson = (
  db: Executor,
  p: { regionCode: string; personHash: string; idMasked: string; idSealed: string; at: Date },
) =>
  db
    .insertInto('hallPerson')
    .values({
      regionCode: p.regionCode,
      personHash: p.personHash,
      idMasked: p.idMasked,
      idSealed: p.idSealed,
      updatedAt: p.at,
    })
    .onConflict((oc) => oc.columns(['regionCode', 'personHash']).doUpdateSet({ updatedAt: p.at }))
    .returning(['personHash', 'noShowCount', 'suspendedUntil'])
    .executeTakeFirstOrThrow();
export const updatePerson = (
  db: Executor,
  regionCode: string,
  personHash: string,
  set: { noShowCount?: number; suspendedUntil?: Date | null },
) =>
  db
    .updateTable('hallPerson')
    .set(set)
    .where('regionCode', '=', regionCode)
    .where('personHash', '=', personHash)
    .execute();

// ── Appointments ───────────────────────────────────────────────────────────
export const APPT_COLS = [
  'id',
  'regionCode',
  'hallId',
  'slotId',
  'groupId',
  'personHash',
  'idMasked',
  'nameMasked',
  'phoneMasked',
  'startsAt',
  'endsAt',
  'status',
  'channel',
  'code',
  'idempotencyKey',
  'holdExpiresAt',
  'createdAt',
  'checkedInAt',
  'ticketId',
] as const;
export const insertAppointment = (db: Executor, a: Insertable<HallAppointmentTable>) =>
  db.insertInto('hallAppointment').values(a).returning(APPT_COLS).executeTakeFirstOrThrow();
export const findAppointmentByKey = (db: Executor, regionCode: string, key: string) =>
  db
    .selectFrom('hallAppointment')
    .select(APPT_COLS)
    .where('regionCode', '=', regionCode)
    .where('idempotencyKey', '=', key)
    .executeTakeFirst();
export const findAppointment = (db: Executor, id: string) =>
  db.selectFrom('hallAppointment').select(APPT_COLS).where('id', '=', id).executeTakeFirst();
export const lockAppointment = (db: Executor, regionCode: string, id: string) =>
  db
    .selectFrom('hallAppointment')
    .select(APPT_COLS)
    .where('regionCode', '=', regionCode)
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
export const activeOfPerson = (db: Executor, regionCode: string, personHash: string) =>
  db
    .selectFrom('hallAppointment')
    .select(['id', 'groupId', 'startsAt', 'endsAt', 'status', 'holdExpiresAt', 'slotId'])
    .where('regionCode', '=', regionCode)
    .where('personHash', '=', personHash)
    .where('status', 'in', ['held', 'confirmed', 'checked_in'])
    .execute();
export const setAppointment = (
  db: Executor,
  regionCode: string,
  id: string,
  set: Partial<Insertable<HallAppointmentTable>>,
  fromStatus: string[],
) =>
  db
    .updateTable('hallAppointment')
    .set(set)
    .where('regionCode', '=', regionCode)
    .where('id', '=', id)
    .where('status', 'in', fromStatus as never)
    .returning(APPT_COLS)
    .executeTakeFirst();
/** Holds past their time in one slot, locked without waiting (another booking may be expiring them). */
export const lockExpiredHoldsOfSlot = (db: Executor, regionCode: string, slotId: string, now: Date) =>
  db
    .selectFrom('hallAppointment')
    .select('id')
    .where('regionCode', '=', regionCode)
    .where('slotId', '=', slotId)
    .where('status', '=', 'held')
    .where('holdExpiresAt', '<', now)
    .forUpdate()
    .skipLocked()
    .execute();
export const expireAppointments = (db: Executor, regionCode: string, ids: string[]) =>
  ids.length === 0
    ? Promise.resolve([])
    : db
        .updateTable('hallAppointment')
        .set({ status: 'expired' })
        .where('regionCode', '=', regionCode)
        .where('id', 'in', ids)
        .where('status', '=', 'held')
        .returning(['id', 'slotId'])
        .execute();
/** Confirmed bookings whose slot has ended without a check-in (APT-1 no-shows). */
export const missedAppointments = (db: Executor, regionCode: string, now: Date, personHash?: string) => {
  let q = db
    .selectFrom('hallAppointment')
    .select(['id', 'personHash'])
    .where('regionCode', '=', regionCode)
    .where('status', '=', 'confirmed')
    .where('endsAt', '<', now);
  if (personHash) q = q.where('personHash', '=', personHash);
  return q.forUpdate().skipLocked().execute();
};
export const markNoShow = (db: Executor, regionCode: string, ids: string[]) =>
  db
    .updateTable('hallAppointment')
    .set({ status: 'no_show' })
    .where('regionCode', '=', regionCode)
    .where('id', 'in', ids)
    .where('status', '=', 'confirmed')
    .execute();
export const countNoShows = async (db: Executor, regionCode: string, personHash: string, since: Date) =>
  Number(
    (
      await db
        .selectFrom('hallAppointment')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('regionCode', '=', regionCode)
        .where('personHash', '=', personHash)
        .where('status', '=', 'no_show')
        .where('startsAt', '>=', since)
        .executeTakeFirstOrThrow()
    ).n,
  );
/** Today's confirmed booking of a person at a hall that may check in now. */
export const findCheckInBooking = (
  db: Executor,
  regionCode: string,
  hallId: string,
  personHash: string,
  from: Date,
  to: Date,
) =>
  db
    .selectFrom('hallAppointment')
    .select(APPT_COLS)
    .where('regionCode', '=', regionCode)
    .where('hallId', '=', hallId)
    .where('personHash', '=', personHash)
    .where('status', '=', 'confirmed')
    .where('startsAt', '<', to)
    .where('endsAt', '>', from)
    .orderBy('startsAt')
    .forUpdate()
    .executeTakeFirst();

// ── Tickets ────────────────────────────────────────────────────────────────
export const TICKET_COLS = [
  'id',
  'regionCode',
  'hallId',
  'groupId',
  'serviceDate',
  'number',
  'priority',
  'status',
  'targetWindowId',
  'windowId',
  'staffId',
  'appointmentId',
  'issuedAt',
  'calledAt',
  'lastCalledAt',
  'finishedAt',
  'recallCount',
] as const;
export const nextSeq = async (
  db: Executor,
  k: { regionCode: string; hallId: string; groupId: string; serviceDate: string },
) =>
  (
    await db
      .insertInto('hallTicketCounter')
      .values({ ...k, lastSeq: 1 })
      .onConflict((oc) =>
        oc
          .columns(['regionCode', 'hallId', 'groupId', 'serviceDate'])
          .doUpdateSet({ lastSeq: sql`hall_ticket_counter.last_seq + 1` }),
      )
      .returning('lastSeq')
      .executeTakeFirstOrThrow()
  ).lastSeq;
export const insertTicket = (db: Executor, t: Insertable<HallTicketTable>) =>
  db.insertInto('hallTicket').values(t).returning(TICKET_COLS).executeTakeFirstOrThrow();
export const findTicket = (db: Executor, id: string) =>
  db.selectFrom('hallTicket').select(TICKET_COLS).where('id', '=', id).executeTakeFirst();
export const updateTicket = (
  db: Executor,
  regionCode: string,
  id: string,
  set: Partial<Insertable<HallTicketTable>> & { recallCount?: never },
  fromStatus: readonly string[],
  windowId?: string,
) => {
  let q = db
    .updateTable('hallTicket')
    .set(set)
    .where('regionCode', '=', regionCode)
    .where('id', '=', id)
    .where('status', 'in', fromStatus as never);
  if (windowId) q = q.where('windowId', '=', windowId);
  return q.returning(TICKET_COLS).executeTakeFirst();
};
export const recallTicket = (db: Executor, regionCode: string, id: string, windowId: string, at: Date) =>
  db
    .updateTable('hallTicket')
    .set({ recallCount: sql`recall_count + 1`, lastCalledAt: at })
    .where('regionCode', '=', regionCode)
    .where('id', '=', id)
    .where('status', '=', 'called')
    .where('windowId', '=', windowId)
    .returning(TICKET_COLS)
    .executeTakeFirst();
/**
 * QUE-1: takes the next waiting ticket for a window (priority class, then arrival) and calls it, in
 * one statement; `skip locked` lets two windows call at once without taking the same ticket.
 */
export const callNext = (
  db: Executor,
  k: { regionCode: string; hallId: string; serviceDate: string; windowId: string; groupIds: string[] },
  set: { staffId: string; at: Date },
) =>
  db
    .updateTable('hallTicket')
    // QUE-1: waiting time is the first call − issue; a transferred ticket keeps its first call.
    .set({
      status: 'called',
      windowId: k.windowId,
      staffId: set.staffId,
      calledAt: sql<Date>`coalesce(called_at, ${set.at})`,
      lastCalledAt: set.at,
    })
    .where('regionCode', '=', k.regionCode)
    .where('id', '=', (eb) =>
      eb
        .selectFrom('hallTicket')
        .select('id')
        .where('regionCode', '=', k.regionCode)
        .where('hallId', '=', k.hallId)
        .where('serviceDate', '=', k.serviceDate)
        .where('status', '=', 'waiting')
        .where((w) =>
          w.or([
            w('targetWindowId', '=', k.windowId),
            k.groupIds.length
              ? w.and([w('targetWindowId', 'is', null), w('groupId', 'in', k.groupIds)])
              : w.lit(false),
          ]),
        )
        .orderBy('priorityRank')
        .orderBy('issuedAt')
        .limit(1)
        .forUpdate()
        .skipLocked(),
    )
    .where('status', '=', 'waiting')
    .returning(TICKET_COLS)
    .executeTakeFirst();
export const currentOfWindow = (db: Executor, regionCode: string, windowId: string, serviceDate: string) =>
  db
    .selectFrom('hallTicket')
    .select(TICKET_COLS)
    .where('regionCode', '=', regionCode)
    .where('windowId', '=', windowId)
    .where('serviceDate', '=', serviceDate)
    .where('status', '=', 'called')
    .executeTakeFirst();
export const insertTicketEvent = (
  db: Executor,
  e: {
    regionCode: string;
    ticketId: string;
    kind: 'issue' | 'checkin' | 'call' | 'recall' | 'skip' | 'transfer' | 'finish';
    windowId: string | null;
    staffId: string | null;
    actorUserId: string | null;
    detail?: Record<string, unknown>;
    at: Date;
  },
) =>
  db
    .insertInto('hallTicketEvent')
    .values({ ...e, detail: JSON.stringify(e.detail ?? {}) })
    .execute();

// ── Presence ───────────────────────────────────────────────────────────────
const PRESENCE_COLS = [
  'id',
  'regionCode',
  'hallId',
  'windowId',
  'staffId',
  'userId',
  'signedInAt',
  'signedOutAt',
] as const;
export const insertPresence = (
  db: Executor,
  p: {
    regionCode: string;
    hallId: string;
    windowId: string;
    staffId: string;
    userId: string | null;
    signedInAt: Date;
  },
) => db.insertInto('hallPresence').values(p).returning(PRESENCE_COLS).executeTakeFirstOrThrow();
export const openPresenceOfUser = (db: Executor, regionCode: string, userId: string) =>
  db
    .selectFrom('hallPresence')
    .select(PRESENCE_COLS)
    .where('regionCode', '=', regionCode)
    .where('userId', '=', userId)
    .where('signedOutAt', 'is', null)
    .executeTakeFirst();
export const openPresenceAtWindow = (db: Executor, regionCode: string, windowId: string) =>
  db
    .selectFrom('hallPresence')
    .select(PRESENCE_COLS)
    .where('regionCode', '=', regionCode)
    .where('windowId', '=', windowId)
    .where('signedOutAt', 'is', null)
    .executeTakeFirst();
export const openPresenceOfStaff = (db: Executor, regionCode: string, staffId: string) =>
  db
    .selectFrom('hallPresence')
    .select(PRESENCE_COLS)
    .where('regionCode', '=', regionCode)
    .where('staffId', '=', staffId)
    .where('signedOutAt', 'is', null)
    .executeTakeFirst();
export const openPresenceOfHall = (db: Executor, hallId: string) =>
  db
    .selectFrom('hallPresence')
    .select(PRESENCE_COLS)
    .where('hallId', '=', hallId)
    .where('signedOutAt', 'is', null)
    .execute();
export const closePresence = (db: Executor, regionCode: string, id: string, at: Date) =>
  db
    .updateTable('hallPresence')
    .set({ signedOutAt: at })
    .where('regionCode', '=', regionCode)
    .where('id', '=', id)
    .where('signedOutAt', 'is', null)
    .returning(PRESENCE_COLS)
    .executeTakeFirst();
/** Distinct staff who signed in at a hall since an instant (the register comparison). */
export const staffSignedInSince = async (db: Executor, hallId: string, since: Date) =>
  (
    await db
      .selectFrom('hallPresence')
      .select('staffId')
      .distinct()
      .where('hallId', '=', hallId)
      .where('signedInAt', '>=', since)
      .execute()
  ).map((r) => r.staffId);

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
