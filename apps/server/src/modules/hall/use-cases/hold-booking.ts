import type { BookingHoldInput, Booking } from '@tongban/contracts';
import { randomBytes } from 'node:crypto';
import type { Actor } from '../../../platform/access';
import type { Deps } from '../../../platform/app-types';
import { runCommand } from '../../../platform/command';
import { HallError } from '../hall.errors';
import { bookingsInPeriod, maskName, maskPhone, overlaps } from '../hall.policy';
import * as repo from '../hall.repository';
import { expireHoldsOfSlot, settlePerson } from './settle-person';
import { personKeys, seal, toBooking, withRetry } from './shared';

const CODE_CHARS = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
const bookingCode = () => [...randomBytes(8)].map((b) => CODE_CHARS[b % CODE_CHARS.length]).join('');

/**
 * APT-1: takes a place in a slot for one person. The person's row is locked first, so one person's
 * bookings are checked one at a time (limit, overlap, suspension); the place is taken by a conditional
 * UPDATE (`booked < capacity`), so a slot never holds more than its capacity. Portal bookings are held
 * until confirmed; counter bookings are confirmed at once. A repeated idempotency key returns the
 * booking it made.
 */
export async function holdBooking(
  deps: Deps,
  actor: Actor,
  input: BookingHoldInput,
  channel: 'portal' | 'counter',
): Promise<Booking> {
  const slot = await repo.findSlot(deps.db, input.slotId);
  if (!slot) throw new HallError('HALL_SLOT_NOT_FOUND');
  const group = await repo.findGroup(deps.db, slot.regionCode, slot.groupId);
  if (!group) throw new HallError('HALL_GROUP_NOT_FOUND');
  const keys = personKeys(deps, input.idNumber);
  const regionCode = slot.regionCode;
  // A rush ends in "full" for most attempts: a slot with no free place and no hold past its time is
  // refused before a transaction is opened (a repeated idempotency key still returns its booking).
  // The place itself is only ever taken by the conditional UPDATE below, so this cannot overbook.
  if (slot.booked >= slot.capacity) {
    const again = await repo.findAppointmentByKey(deps.db, regionCode, input.idempotencyKey);
    if (!again && !(await repo.hasExpiredHold(deps.db, regionCode, slot.id, deps.clock.now())))
      throw new HallError('HALL_SLOT_FULL');
  }
  return withRetry(() =>
    runCommand(deps, { ...actor, regionCode: actor.regionCode || regionCode }, async ({ tx, now }) => {
      const person = await repo.lockPerson(tx, { regionCode, ...keys, at: now });
      const again = await repo.findAppointmentByKey(tx, regionCode, input.idempotencyKey);
      if (again) {
        if (again.personHash !== keys.personHash || again.slotId !== slot.id)
          throw new HallError('HALL_IDEMPOTENCY_MISMATCH');
        return { result: toBooking(again, group.name) };
      }
      if (slot.startsAt <= now) throw new HallError('HALL_SLOT_PAST');
      const settled = await settlePerson(tx, regionCode, person, now);
      if (channel === 'portal' && settled.suspendedUntil && settled.suspendedUntil > now)
        throw new HallError('HALL_PERSON_SUSPENDED');
      const active = settled.active;
      if (overlaps(active, slot.startsAt, slot.endsAt)) throw new HallError('HALL_BOOKING_OVERLAP');
      if (bookingsInPeriod(active, slot.groupId, slot.startsAt, group.limitPeriodDays) >= group.personLimit)
        throw new HallError(
          'HALL_PERSON_LIMIT',
          `「${group.name}」每人 ${group.limitPeriodDays} 天内最多预约 ${group.personLimit} 次，已达上限`,
        );
      let taken = await repo.takePlace(tx, regionCode, slot.id);
      if (!taken && (await expireHoldsOfSlot(tx, regionCode, slot.id, now)) > 0)
        taken = await repo.takePlace(tx, regionCode, slot.id);
      if (!taken) throw new HallError('HALL_SLOT_FULL');
      const settings = await repo.getSettings(tx, regionCode);
      const row = await repo.insertAppointment(tx, {
        regionCode,
        hallId: slot.hallId,
        slotId: slot.id,
        groupId: slot.groupId,
        personHash: keys.personHash,
        idMasked: keys.idMasked,
        nameSealed: seal(deps, input.name),
        nameMasked: maskName(input.name),
        phoneSealed: seal(deps, input.phone),
        phoneMasked: maskPhone(input.phone),
        startsAt: slot.startsAt,
        endsAt: slot.endsAt,
        status: channel === 'counter' ? 'confirmed' : 'held',
        channel,
        code: bookingCode(),
        idempotencyKey: input.idempotencyKey,
        holdExpiresAt: channel === 'counter' ? null : new Date(now.getTime() + settings.holdMinutes * 60_000),
        createdAt: now,
        confirmedAt: channel === 'counter' ? now : null,
      });
      return {
        result: toBooking(row, group.name),
        audit: {
          action: channel === 'counter' ? 'hall.booking.counter' : 'hall.booking.hold',
          entityType: 'hall_appointment',
          entityId: row.id,
          regionCode,
          summary: { slotId: slot.id, groupId: slot.groupId, channel },
        },
      };
    }),
  );
}
