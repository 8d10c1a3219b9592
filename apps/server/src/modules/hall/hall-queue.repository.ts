// Kysely over the hall module's own tables (0023_hall.sql): tickets and presence; plain rows, no rules.
import type { Insertable } from 'kysely';
import { sql, type Executor } from '../../platform/db';
import type { HallTicketTable } from '../../platform/db-types';

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
export const findTicket = (db: Executor, regionCode: string, id: string) =>
  db
    .selectFrom('hallTicket')
    .select(TICKET_COLS)
    .where('regionCode', '=', regionCode)
    .where('id', '=', id)
    .executeTakeFirst();
/**
 * A ticket by its id alone (the kiosk slip's public page; staff's ticket detail answers 403 outside
 * their region): the one region-free read of hall_ticket, named in CROSS_REGION.
 */
export const findTicketAnyRegion = (db: Executor, id: string) =>
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
export const openPresenceAtWindowQuery = (db: Executor, regionCode: string, windowId: string) =>
  db
    .selectFrom('hallPresence')
    .select(PRESENCE_COLS)
    .where('regionCode', '=', regionCode)
    .where('windowId', '=', windowId)
    .where('signedOutAt', 'is', null);
export const openPresenceAtWindow = (db: Executor, regionCode: string, windowId: string) =>
  openPresenceAtWindowQuery(db, regionCode, windowId).executeTakeFirst();
export const openPresenceOfStaff = (db: Executor, regionCode: string, staffId: string) =>
  db
    .selectFrom('hallPresence')
    .select(PRESENCE_COLS)
    .where('regionCode', '=', regionCode)
    .where('staffId', '=', staffId)
    .where('signedOutAt', 'is', null)
    .executeTakeFirst();
export const openPresenceOfHall = (db: Executor, regionCode: string, hallId: string) =>
  db
    .selectFrom('hallPresence')
    .select(PRESENCE_COLS)
    .where('regionCode', '=', regionCode)
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
export const staffSignedInSince = async (db: Executor, regionCode: string, hallId: string, since: Date) =>
  (
    await db
      .selectFrom('hallPresence')
      .select('staffId')
      .distinct()
      .where('regionCode', '=', regionCode)
      .where('hallId', '=', hallId)
      .where('signedInAt', '>=', since)
      .execute()
  ).map((r) => r.staffId);
