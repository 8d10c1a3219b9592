// Helpers the hall's use cases share: the hall and its region, identity keys, reply shapes.
import type { Booking, Ticket } from '@tongban/contracts';
import type { Selectable } from 'kysely';
import { assertAccess, type Actor } from '../../../platform/access';
import type { Deps } from '../../../platform/app-types';
import { hmacSm3Hex, sm4Encrypt } from '../../../platform/crypto';
import type { Executor } from '../../../platform/db';
import type { HallTicketTable } from '../../../platform/db-types';
import { shanghaiToday } from '../../../platform/time';
import { orgService } from '../../org';
import { HallError } from '../hall.errors';
import type * as repo from '../hall.repository';

export const today = (deps: Deps) => shanghaiToday(deps.clock.now());

export async function getHall(db: Executor, hallId: string) {
  const hall = await orgService.findHallRecord(db, hallId);
  if (!hall) throw new HallError('HALL_HALL_NOT_FOUND');
  return hall;
}

/** The hall, after checking the actor holds the action in the hall's region. */
export async function getHallFor(
  deps: Deps,
  actor: Actor,
  hallId: string,
  action: Parameters<typeof assertAccess>[1],
) {
  assertAccess(actor, action);
  const hall = await getHall(deps.db, hallId);
  assertAccess(actor, action, { regionCode: hall.regionCode });
  return hall;
}

/** SEC rules: the identity number is kept as a keyed hash (look-ups) and SM4-sealed, never in clear. */
export function personKeys(deps: Deps, idNumber: string) {
  const id = idNumber.trim().toUpperCase();
  return {
    personHash: hmacSm3Hex(deps.config.secrets.lookupKey, `hall-person:${id}`),
    idSealed: sm4Encrypt(deps.config.secrets.sm4Key, id),
    idMasked: id.slice(0, 4) + '*'.repeat(Math.max(0, id.length - 8)) + id.slice(-4),
  };
}

export const seal = (deps: Deps, text: string) => sm4Encrypt(deps.config.secrets.sm4Key, text);

type ApptRow = Awaited<ReturnType<typeof repo.findAppointment>> & object;
export function toBooking(a: ApptRow, groupName: string): Booking {
  return {
    id: a.id,
    code: a.code,
    hallId: a.hallId,
    slotId: a.slotId,
    groupId: a.groupId,
    groupName,
    startsAt: a.startsAt.toISOString(),
    endsAt: a.endsAt.toISOString(),
    status: a.status,
    channel: a.channel,
    nameMasked: a.nameMasked,
    idMasked: a.idMasked,
    phoneMasked: a.phoneMasked,
    holdExpiresAt: a.holdExpiresAt?.toISOString() ?? null,
    createdAt: a.createdAt.toISOString(),
    checkedInAt: a.checkedInAt?.toISOString() ?? null,
    ticketId: a.ticketId,
  };
}

type TicketRow = Pick<
  Selectable<HallTicketTable>,
  | 'id'
  | 'hallId'
  | 'groupId'
  | 'number'
  | 'priority'
  | 'status'
  | 'windowId'
  | 'targetWindowId'
  | 'staffId'
  | 'issuedAt'
  | 'calledAt'
  | 'finishedAt'
>;
export function toTicket(
  t: TicketRow,
  names: { group: Map<string, string>; window: Map<string, string> },
  ahead: number | null = null,
): Ticket {
  return {
    id: t.id,
    hallId: t.hallId,
    groupId: t.groupId,
    groupName: names.group.get(t.groupId) ?? '',
    number: t.number,
    priority: t.priority,
    status: t.status,
    windowId: t.windowId,
    windowNumber: t.windowId ? (names.window.get(t.windowId) ?? null) : null,
    targetWindowId: t.targetWindowId,
    staffId: t.staffId,
    issuedAt: t.issuedAt.toISOString(),
    calledAt: t.calledAt?.toISOString() ?? null,
    finishedAt: t.finishedAt?.toISOString() ?? null,
    // QUE-1: waiting time = call − issue.
    waitingSeconds: t.calledAt ? Math.round((t.calledAt.getTime() - t.issuedAt.getTime()) / 1000) : null,
    ahead,
  };
}

/** Group and window names of a hall, for reply shapes. */
export async function hallNames(db: Executor, hallId: string, groups: { id: string; name: string }[]) {
  const windows = await orgService.listHallWindows(db, hallId);
  return {
    group: new Map(groups.map((g) => [g.id, g.name])),
    window: new Map(windows.map((w) => [w.id, w.number])),
    windows,
  };
}

/** Retries a command that lost a deadlock or serialization race (40P01, 40001) a few times. */
export async function withRetry<T>(run: () => Promise<T>, attempts = 4): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await run();
    } catch (err) {
      const code = (err as { code?: string }).code;
      if (i >= attempts || (code !== '40P01' && code !== '40001')) throw err;
    }
  }
}
