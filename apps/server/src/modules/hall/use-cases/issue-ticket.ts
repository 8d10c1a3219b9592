import type { CheckInInput, Ticket, TicketIssueInput } from '@tongban/contracts';
import type { Actor } from '../../../platform/access';
import type { Deps } from '../../../platform/app-types';
import { runCommand } from '../../../platform/command';
import type { Tx } from '../../../platform/db';
import { shanghaiToday } from '../../../platform/time';
import { HallError } from '../hall.errors';
import { PRIORITY_RANK, ticketNumber } from '../hall.policy';
import * as repo from '../hall.repository';
import { getHall, personKeys, toTicket } from './shared';

type NewTicket = {
  regionCode: string;
  hallId: string;
  group: { id: string; code: string };
  priority: 'green' | 'appointment' | 'normal';
  greenReason?: string | null;
  appointmentId?: string | null;
  actorUserId: string | null;
  now: Date;
};

async function insertTicket(tx: Tx, t: NewTicket) {
  const serviceDate = shanghaiToday(t.now);
  const seq = await repo.nextSeq(tx, {
    regionCode: t.regionCode,
    hallId: t.hallId,
    groupId: t.group.id,
    serviceDate,
  });
  const row = await repo.insertTicket(tx, {
    regionCode: t.regionCode,
    hallId: t.hallId,
    groupId: t.group.id,
    serviceDate,
    number: ticketNumber(t.group.code, seq),
    priority: t.priority,
    priorityRank: PRIORITY_RANK[t.priority],
    greenReason: t.greenReason ?? null,
    status: 'waiting',
    appointmentId: t.appointmentId ?? null,
    issuedAt: t.now,
  });
  await repo.insertTicketEvent(tx, {
    regionCode: t.regionCode,
    ticketId: row.id,
    kind: t.appointmentId ? 'checkin' : 'issue',
    windowId: null,
    staffId: null,
    actorUserId: t.actorUserId,
    detail: { priority: t.priority },
    at: t.now,
  });
  return row;
}

/** The kiosk (or the counter) gives a ticket for an item group; green channel first (QUE-1). */
export async function issueTicket(deps: Deps, actor: Actor, input: TicketIssueInput): Promise<Ticket> {
  const hall = await getHall(deps.db, input.hallId);
  const group = await repo.findGroup(deps.db, hall.regionCode, input.groupId);
  if (!group || group.hallId !== hall.id) throw new HallError('HALL_GROUP_NOT_FOUND');
  return runCommand(
    deps,
    { ...actor, regionCode: actor.regionCode || hall.regionCode },
    async ({ tx, now }) => {
      const row = await insertTicket(tx, {
        regionCode: hall.regionCode,
        hallId: hall.id,
        group,
        priority: input.green ? 'green' : 'normal',
        greenReason: input.green ? (input.greenReason ?? '绿色通道') : null,
        actorUserId: actor.userId,
        now,
      });
      return {
        result: toTicket(row, { group: new Map([[group.id, group.name]]), window: new Map() }),
        audit: {
          action: 'hall.ticket.issue',
          entityType: 'hall_ticket',
          entityId: row.id,
          regionCode: hall.regionCode,
          summary: { number: row.number, priority: row.priority },
        },
      };
    },
  );
}

/**
 * Appointment check-in: the person's confirmed booking for now (from 60 minutes before its slot to
 * its end) becomes a ticket of the appointment priority class. SEC-2: no booking answers one way.
 */
export async function checkInBooking(deps: Deps, actor: Actor, input: CheckInInput): Promise<Ticket> {
  const hall = await getHall(deps.db, input.hallId);
  const { personHash } = personKeys(deps, input.idNumber);
  return runCommand(
    deps,
    { ...actor, regionCode: actor.regionCode || hall.regionCode },
    async ({ tx, now }) => {
      const from = now;
      const to = new Date(now.getTime() + 60 * 60_000);
      const booking = await repo.findCheckInBooking(tx, hall.regionCode, hall.id, personHash, from, to);
      if (!booking) throw new HallError('HALL_BOOKING_NOT_FOUND', '未找到您当前可签到的预约');
      const group = await repo.findGroup(tx, hall.regionCode, booking.groupId);
      if (!group) throw new HallError('HALL_GROUP_NOT_FOUND');
      const row = await insertTicket(tx, {
        regionCode: hall.regionCode,
        hallId: hall.id,
        group,
        priority: 'appointment',
        appointmentId: booking.id,
        actorUserId: actor.userId,
        now,
      });
      await repo.setAppointment(
        tx,
        hall.regionCode,
        booking.id,
        { status: 'checked_in', checkedInAt: now, ticketId: row.id },
        ['confirmed'],
      );
      return {
        result: toTicket(row, { group: new Map([[group.id, group.name]]), window: new Map() }),
        audit: {
          action: 'hall.booking.check_in',
          entityType: 'hall_appointment',
          entityId: booking.id,
          regionCode: hall.regionCode,
          summary: { ticketId: row.id, number: row.number },
        },
      };
    },
  );
}
