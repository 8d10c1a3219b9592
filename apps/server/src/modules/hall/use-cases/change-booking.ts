import type { Booking } from '@tongban/contracts';
import type { Actor } from '../../../platform/access';
import type { Deps } from '../../../platform/app-types';
import { runCommand } from '../../../platform/command';
import { HallError } from '../hall.errors';
import * as repo from '../hall.repository';
import { toBooking } from './shared';

async function load(deps: Deps, id: string, code: string | null) {
  const a = await repo.findAppointment(deps.db, id);
  // SEC-2: a wrong code answers like a missing booking.
  if (!a || (code !== null && a.code !== code.toUpperCase())) throw new HallError('HALL_BOOKING_NOT_FOUND');
  const group = await repo.findGroup(deps.db, a.regionCode, a.groupId);
  return { a, groupName: group?.name ?? '' };
}

/** Hold-then-confirm (APT-1): a held booking is confirmed by its code before the hold runs out. */
export async function confirmBooking(deps: Deps, actor: Actor, id: string, code: string): Promise<Booking> {
  const { a, groupName } = await load(deps, id, code);
  return runCommand(deps, { ...actor, regionCode: a.regionCode }, async ({ tx, now }) => {
    const locked = await repo.lockAppointment(tx, a.regionCode, id);
    if (locked?.status === 'confirmed') return { result: toBooking(locked, groupName) };
    if (!locked || locked.status !== 'held') throw new HallError('HALL_BOOKING_STATE');
    if (locked.holdExpiresAt && locked.holdExpiresAt < now) throw new HallError('HALL_HOLD_EXPIRED');
    const row = await repo.setAppointment(
      tx,
      a.regionCode,
      id,
      { status: 'confirmed', confirmedAt: now, holdExpiresAt: null },
      ['held'],
    );
    return {
      result: toBooking(row!, groupName),
      audit: {
        action: 'hall.booking.confirm',
        entityType: 'hall_appointment',
        entityId: id,
        regionCode: a.regionCode,
      },
    };
  });
}

/** Cancels a held or confirmed booking and frees its place (by its code, or by staff at the counter). */
export async function cancelBooking(
  deps: Deps,
  actor: Actor,
  id: string,
  code: string | null,
): Promise<Booking> {
  const { a, groupName } = await load(deps, id, code);
  return runCommand(deps, { ...actor, regionCode: actor.regionCode || a.regionCode }, async ({ tx, now }) => {
    const row = await repo.setAppointment(tx, a.regionCode, id, { status: 'cancelled', cancelledAt: now }, [
      'held',
      'confirmed',
    ]);
    if (!row) throw new HallError('HALL_BOOKING_STATE');
    await repo.releasePlaces(tx, a.regionCode, a.slotId);
    return {
      result: toBooking(row, groupName),
      audit: {
        action: 'hall.booking.cancel',
        entityType: 'hall_appointment',
        entityId: id,
        regionCode: a.regionCode,
      },
    };
  });
}
