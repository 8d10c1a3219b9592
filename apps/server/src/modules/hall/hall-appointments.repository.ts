// Kysely over the hall module's own tables (0023_hall.sql): appointments; plain rows, no rules.
import type { Insertable } from 'kysely';
import type { Executor } from '../../platform/db';
import type { HallAppointmentTable } from '../../platform/db-types';

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
/**
 * A booking by its id alone (the portal confirms or cancels it by id and code; the counter cancels it by
 * id): the one region-free read of hall_appointment, named in CROSS_REGION.
 */
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
/** Whether a slot has a hold past its time (a place that a booking may free); no lock taken. */
export const hasExpiredHold = async (db: Executor, regionCode: string, slotId: string, now: Date) =>
  (await db
    .selectFrom('hallAppointment')
    .select('id')
    .where('regionCode', '=', regionCode)
    .where('slotId', '=', slotId)
    .where('status', '=', 'held')
    .where('holdExpiresAt', '<', now)
    .limit(1)
    .executeTakeFirst()) !== undefined;
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
