// Joined and aggregate reads over the hall's own tables; org's halls, windows and staff are read
// through orgService in the use cases.
import { sql, type Executor } from '../../platform/db';
import { APPT_COLS, TICKET_COLS } from './hall.repository';

export const waitingByGroup = (db: Executor, regionCode: string, hallId: string, serviceDate: string) =>
  db
    .selectFrom('hallTicket')
    .select(['groupId', (eb) => eb.fn.countAll<number>().as('n')])
    .where('regionCode', '=', regionCode)
    .where('hallId', '=', hallId)
    .where('serviceDate', '=', serviceDate)
    .where('status', '=', 'waiting')
    .groupBy('groupId')
    .execute();

export const calledOfHall = (db: Executor, regionCode: string, hallId: string, serviceDate: string) =>
  db
    .selectFrom('hallTicket')
    .select(['id', 'number', 'windowId'])
    .where('regionCode', '=', regionCode)
    .where('hallId', '=', hallId)
    .where('serviceDate', '=', serviceDate)
    .where('status', '=', 'called')
    .execute();

/** The last calls of the day for the call screen (newest first). */
export const lastCalls = (
  db: Executor,
  regionCode: string,
  hallId: string,
  serviceDate: string,
  limit: number,
) =>
  db
    .selectFrom('hallTicketEvent as e')
    .innerJoin('hallTicket as t', (j) =>
      j.onRef('t.regionCode', '=', 'e.regionCode').onRef('t.id', '=', 'e.ticketId'),
    )
    .select(['t.number', 'e.windowId', 'e.at', 'e.kind'])
    .where('t.regionCode', '=', regionCode)
    .where('t.hallId', '=', hallId)
    .where('t.serviceDate', '=', serviceDate)
    .where('e.kind', 'in', ['call', 'recall'])
    .orderBy('e.at', 'desc')
    .limit(limit)
    .execute();

export function listTickets(
  db: Executor,
  f: {
    regionLike: string;
    hallId?: string;
    date?: string;
    status?: string;
    groupId?: string;
    windowId?: string;
    hour?: number;
    limit: number;
  },
) {
  let q = db.selectFrom('hallTicket').select(TICKET_COLS).where('regionCode', 'like', f.regionLike);
  if (f.hallId) q = q.where('hallId', '=', f.hallId);
  if (f.date) q = q.where('serviceDate', '=', f.date);
  if (f.status) q = q.where('status', '=', f.status as never);
  if (f.groupId) q = q.where('groupId', '=', f.groupId);
  if (f.windowId) q = q.where('windowId', '=', f.windowId);
  if (f.hour !== undefined)
    q = q.where(sql<number>`extract(hour from issued_at at time zone 'Asia/Shanghai')`, '=', f.hour);
  return q.orderBy('issuedAt').limit(f.limit).execute();
}

/** Tickets waiting ahead of one (same queue, better class or earlier). */
export const aheadOf = async (
  db: Executor,
  t: {
    regionCode: string;
    hallId: string;
    serviceDate: string;
    groupId: string;
    priorityRank: number;
    issuedAt: Date;
  },
) =>
  Number(
    (
      await db
        .selectFrom('hallTicket')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('regionCode', '=', t.regionCode)
        .where('hallId', '=', t.hallId)
        .where('serviceDate', '=', t.serviceDate)
        .where('groupId', '=', t.groupId)
        .where('status', '=', 'waiting')
        .where((eb) =>
          eb.or([
            eb('priorityRank', '<', t.priorityRank),
            eb.and([eb('priorityRank', '=', t.priorityRank), eb('issuedAt', '<', t.issuedAt)]),
          ]),
        )
        .executeTakeFirstOrThrow()
    ).n,
  );

export const ticketEvents = (db: Executor, regionCode: string, ticketId: string) =>
  db
    .selectFrom('hallTicketEvent')
    .select(['kind', 'windowId', 'at', 'detail'])
    .where('regionCode', '=', regionCode)
    .where('ticketId', '=', ticketId)
    .orderBy('at')
    .execute();

export function listBookings(
  db: Executor,
  f: {
    regionLike: string;
    hallId?: string;
    from?: Date;
    to?: Date;
    status?: string;
    groupId?: string;
    limit: number;
  },
) {
  let q = db.selectFrom('hallAppointment').select(APPT_COLS).where('regionCode', 'like', f.regionLike);
  if (f.hallId) q = q.where('hallId', '=', f.hallId);
  if (f.from) q = q.where('startsAt', '>=', f.from);
  if (f.to) q = q.where('startsAt', '<', f.to);
  if (f.status) q = q.where('status', '=', f.status as never);
  if (f.groupId) q = q.where('groupId', '=', f.groupId);
  return q.orderBy('startsAt').limit(f.limit).execute();
}

/** Bookings still to come today per group (tidal suggestions). */
export const bookingsLeftByGroup = (
  db: Executor,
  regionCode: string,
  hallId: string,
  now: Date,
  dayEnd: Date,
) =>
  db
    .selectFrom('hallAppointment')
    .select(['groupId', (eb) => eb.fn.countAll<number>().as('n')])
    .where('regionCode', '=', regionCode)
    .where('hallId', '=', hallId)
    .where('status', 'in', ['held', 'confirmed'])
    .where('startsAt', '>=', now)
    .where('startsAt', '<', dayEnd)
    .groupBy('groupId')
    .execute();

/** Called tickets of a period with their waiting seconds (figures). */
export const calledTickets = (db: Executor, regionCode: string, hallId: string, from: string, to: string) =>
  db
    .selectFrom('hallTicket')
    .select(['id', 'groupId', 'windowId', 'status', 'issuedAt', 'calledAt'])
    .where('regionCode', '=', regionCode)
    .where('hallId', '=', hallId)
    .where('serviceDate', '>=', from)
    .where('serviceDate', '<=', to)
    .where('calledAt', 'is not', null)
    .execute();

export const bookingCounts = (db: Executor, regionCode: string, hallId: string, from: Date, to: Date) =>
  db
    .selectFrom('hallAppointment')
    .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
    .where('regionCode', '=', regionCode)
    .where('hallId', '=', hallId)
    .where('startsAt', '>=', from)
    .where('startsAt', '<', to)
    .groupBy('status')
    .execute();

/** Problems of the same kind at the same window or by the same staff member since an instant. */
export const repeatCounts = (db: Executor, regionCode: string, hallId: string, since: Date) =>
  db
    .selectFrom('hallPatrolProblem')
    .select(['kind', 'windowId', 'staffId', 'foundAt'])
    .where('regionCode', '=', regionCode)
    .where('hallId', '=', hallId)
    .where('foundAt', '>=', since)
    .execute();
