import type { Tx } from '../../../platform/db';
import { shouldSuspend } from '../hall.policy';
import * as repo from '../hall.repository';

/**
 * Brings a locked person's record up to date before a booking: holds past their time expire and
 * free their places; confirmed bookings whose slot ended without a check-in become no-shows, and
 * enough of them suspend online booking (APT-1). Returns the person's active bookings.
 */
export async function settlePerson(
  tx: Tx,
  regionCode: string,
  person: { personHash: string; noShowCount: number; suspendedUntil: Date | null },
  now: Date,
) {
  const rows = await repo.activeOfPerson(tx, regionCode, person.personHash);
  const stale = rows.filter((r) => r.status === 'held' && r.holdExpiresAt && r.holdExpiresAt < now);
  for (const e of await repo.expireAppointments(
    tx,
    regionCode,
    stale.map((r) => r.id),
  ))
    await repo.releasePlaces(tx, regionCode, e.slotId);
  const suspendedUntil = await recordNoShows(tx, regionCode, person, now);
  const gone = new Set(stale.map((r) => r.id));
  const active = rows.filter((r) => !gone.has(r.id) && !(r.status === 'confirmed' && r.endsAt < now));
  return { active, suspendedUntil };
}

/** APT-1: marks a person's missed bookings as no-shows and suspends when the setting says so. */
export async function recordNoShows(
  tx: Tx,
  regionCode: string,
  person: { personHash: string; noShowCount: number; suspendedUntil: Date | null },
  now: Date,
): Promise<Date | null> {
  const missed = await repo.missedAppointments(tx, regionCode, now, person.personHash);
  if (missed.length === 0) return person.suspendedUntil;
  await repo.markNoShow(
    tx,
    regionCode,
    missed.map((m) => m.id),
  );
  const s = await repo.getSettings(tx, regionCode);
  const since = new Date(now.getTime() - s.noShowWindowDays * 86_400_000);
  const recent = await repo.countNoShows(tx, regionCode, person.personHash, since);
  const suspendedUntil = shouldSuspend(recent, s.noShowLimit)
    ? new Date(now.getTime() + s.suspensionDays * 86_400_000)
    : person.suspendedUntil;
  await repo.updatePerson(tx, regionCode, person.personHash, {
    noShowCount: person.noShowCount + missed.length,
    suspendedUntil,
  });
  return suspendedUntil;
}

/** Frees the places of a slot's holds past their time (those another booking is not expiring now). */
export async function expireHoldsOfSlot(tx: Tx, regionCode: string, slotId: string, now: Date) {
  const ids = (await repo.lockExpiredHoldsOfSlot(tx, regionCode, slotId, now)).map((r) => r.id);
  const expired = await repo.expireAppointments(tx, regionCode, ids);
  if (expired.length) await repo.releasePlaces(tx, regionCode, slotId, expired.length);
  return expired.length;
}
