import type { RoomBookingCreate, RoomDay } from '@tongban/contracts';
import { assertAccess, type Actor } from '../../../platform/access';
import type { Deps } from '../../../platform/app-types';
import { runCommand } from '../../../platform/command';
import { TradingError } from '../trading.errors';
import * as repo from '../trading.repository';
import { getProjectOrThrow } from './common';

/** Books an evaluation room or a remote-evaluation seat for a project on a day (one project per room per day). */
export async function bookRoom(deps: Deps, actor: Actor, input: RoomBookingCreate): Promise<{ id: string }> {
  assertAccess(actor, 'trading.room.write');
  return runCommand(deps, actor, async ({ tx, now }) => {
    await getProjectOrThrow(tx, actor.regionCode, input.projectId);
    const row = await repo.insertBooking(tx, { regionCode: actor.regionCode, ...input, createdAt: now });
    if (!row) throw new TradingError('TRADING_ROOM_TAKEN');
    return {
      result: { id: row.id },
      audit: {
        action: 'trading.room.book',
        entityType: 'trading_room_booking',
        entityId: row.id,
        summary: input,
      },
    };
  });
}

/**
 * The day's bookings with the sealed area's access list: the seated members of each project's
 * opened panel (a list still sealed shows no names, so the access list waits for the opening).
 */
export async function getRoomDay(deps: Deps, actor: Actor, day: string): Promise<RoomDay> {
  assertAccess(actor, 'trading.read');
  const rows = await repo.listBookingsOfDay(deps.db, actor.regionCode, day);
  const bookings = await Promise.all(
    rows.map(async (b) => {
      const draw = await repo.findDrawOfProject(deps.db, actor.regionCode, b.projectId);
      const members = draw?.openedAt ? await repo.listMembers(deps.db, actor.regionCode, draw.id) : [];
      const access = members
        .filter((m) => (!m.isReserve && !m.recused) || m.substituteFor)
        .map((m) => m.name);
      return { ...b, kind: b.kind as 'room', access };
    }),
  );
  return { day, bookings };
}
