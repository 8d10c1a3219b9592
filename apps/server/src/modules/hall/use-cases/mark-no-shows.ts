import type { Actor } from '../../../platform/access';
import { assertAccess } from '../../../platform/access';
import type { Deps } from '../../../platform/app-types';
import { runCommand } from '../../../platform/command';
import * as repo from '../hall.repository';
import { recordNoShows } from './settle-person';

/**
 * APT-1: confirmed bookings whose slot ended without a check-in become no-shows; a person with
 * enough of them in the window is suspended from online booking (settings). Run by the hall manager
 * (and by the day's close); each person's row is locked as a booking would lock it.
 */
export async function markNoShows(deps: Deps, actor: Actor, regionCode: string) {
  assertAccess(actor, 'hall.manage', { regionCode });
  return runCommand(deps, actor, async ({ tx, now }) => {
    const missed = await repo.missedAppointments(tx, regionCode, now);
    const persons = [...new Set(missed.map((m) => m.personHash))].sort();
    let suspended = 0;
    for (const hash of persons) {
      const p = await repo.lockExistingPerson(tx, regionCode, hash);
      if (!p) continue;
      const until = await recordNoShows(tx, regionCode, p, now);
      if (until && until > now && (!p.suspendedUntil || p.suspendedUntil <= now)) suspended++;
    }
    return {
      result: { marked: missed.length, suspended },
      audit: {
        action: 'hall.booking.no_show_run',
        entityType: 'hall_setting',
        entityId: regionCode,
        regionCode,
        summary: { marked: missed.length, suspended },
      },
    };
  });
}
