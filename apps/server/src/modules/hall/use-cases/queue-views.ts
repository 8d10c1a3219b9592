import type {
  BookingQuery,
  CallScreen,
  ConsoleState,
  HallOverview,
  Ticket,
  TicketQuery,
} from '@tongban/contracts';
import { assertAccess, regionScopeLike, type Actor } from '../../../platform/access';
import type { Deps } from '../../../platform/app-types';
import { orgService } from '../../org';
import { HallError } from '../hall.errors';
import { shanghaiDayRange } from '../hall.policy';
import * as rm from '../hall.read-model';
import * as repo from '../hall.repository';
import { toPresence } from './presence';
import { getHall, getHallFor, hallNames, toBooking, toTicket, today } from './shared';

/** Public: the halls with their item groups (booking and kiosk pickers). */
export async function listPublicHalls(deps: Deps) {
  const halls = await orgService.listHallRecords(deps.db, '%');
  const out = [];
  for (const h of halls) {
    const groups = await repo.listGroups(deps.db, h.regionCode, h.id);
    if (groups.length)
      out.push({
        id: h.id,
        name: h.name,
        regionCode: h.regionCode,
        groups: groups.map((g) => ({ id: g.id, code: g.code, name: g.name })),
      });
  }
  return { halls: out };
}

export async function listSlotsOfDay(
  deps: Deps,
  q: { hallId: string; groupId?: string | undefined; date: string },
) {
  const hall = await getHall(deps.db, q.hallId);
  const [from, to] = shanghaiDayRange(q.date);
  const rows = await repo.listSlots(deps.db, hall.regionCode, hall.id, from, to, q.groupId);
  return {
    slots: rows.map((s) => ({ ...s, startsAt: s.startsAt.toISOString(), endsAt: s.endsAt.toISOString() })),
  };
}

/** The hall manager's view: groups with their queues, windows with who is on duty and what they call. */
export async function hallOverview(deps: Deps, actor: Actor, hallId: string): Promise<HallOverview> {
  const hall = await getHallFor(deps, actor, hallId, 'hall.read');
  const day = today(deps);
  const [groups, waiting, windows, presence, wg, called, staff] = await Promise.all([
    repo.listGroups(deps.db, hall.regionCode, hall.id),
    rm.waitingByGroup(deps.db, hall.regionCode, hall.id, day),
    orgService.listHallWindows(deps.db, hall.id),
    repo.openPresenceOfHall(deps.db, hall.regionCode, hall.id),
    repo.listWindowGroups(deps.db, hall.regionCode),
    rm.calledOfHall(deps.db, hall.regionCode, hall.id, day),
    orgService.listHallStaff(deps.db, hall.id),
  ]);
  const staffName = new Map(staff.map((s) => [s.id, s.name]));
  return {
    hall: { id: hall.id, name: hall.name, regionCode: hall.regionCode },
    groups: groups.map((g) => ({ ...g, waiting: Number(waiting.find((w) => w.groupId === g.id)?.n ?? 0) })),
    windows: windows.map((w) => {
      const p = presence.find((x) => x.windowId === w.id);
      const c = called.find((x) => x.windowId === w.id);
      return {
        windowId: w.id,
        number: w.number,
        name: w.name,
        tidal: w.tidal,
        groupIds: wg.filter((x) => x.windowId === w.id).map((x) => x.groupId),
        onDuty: p
          ? { staffId: p.staffId, name: staffName.get(p.staffId) ?? '', since: p.signedInAt.toISOString() }
          : null,
        current: c ? { ticketId: c.id, number: c.number } : null,
      };
    }),
  };
}

/** Public: the call screen's last calls (ticket number and window only) and the queues' lengths. */
export async function callScreen(deps: Deps, hallId: string): Promise<CallScreen> {
  const hall = await getHall(deps.db, hallId);
  const day = today(deps);
  const [calls, windows, groups, waiting] = await Promise.all([
    rm.lastCalls(deps.db, hall.regionCode, hall.id, day, 10),
    orgService.listHallWindows(deps.db, hall.id),
    repo.listGroups(deps.db, hall.regionCode, hall.id),
    rm.waitingByGroup(deps.db, hall.regionCode, hall.id, day),
  ]);
  const win = new Map(windows.map((w) => [w.id, w]));
  return {
    hallName: hall.name,
    calls: calls.map((c) => ({
      ticketNumber: c.number,
      windowNumber: win.get(c.windowId ?? '')?.number ?? '',
      windowName: win.get(c.windowId ?? '')?.name ?? '',
      at: c.at.toISOString(),
      recall: c.kind === 'recall',
    })),
    waiting: groups.map((g) => ({
      groupName: g.name,
      count: Number(waiting.find((w) => w.groupId === g.id)?.n ?? 0),
    })),
  };
}

/** The clerk console: presence, the current ticket, the window's queue and where it may transfer. */
export async function consoleState(deps: Deps, actor: Actor, hallId: string): Promise<ConsoleState> {
  const hall = await getHallFor(deps, actor, hallId, 'hall.queue.serve');
  const day = today(deps);
  const [windows, staff, groups, presenceAll, p] = await Promise.all([
    orgService.listHallWindows(deps.db, hall.id),
    orgService.listHallStaff(deps.db, hall.id),
    repo.listGroups(deps.db, hall.regionCode, hall.id),
    repo.openPresenceOfHall(deps.db, hall.regionCode, hall.id),
    actor.userId ? repo.openPresenceOfUser(deps.db, hall.regionCode, actor.userId) : undefined,
  ]);
  const names = {
    group: new Map(groups.map((g) => [g.id, g.name])),
    window: new Map(windows.map((w) => [w.id, w.number])),
  };
  let current: Ticket | null = null;
  let waiting = 0;
  if (p) {
    const c = await repo.currentOfWindow(deps.db, hall.regionCode, p.windowId, day);
    current = c ? toTicket(c, names) : null;
    const gids = await repo.windowGroupIds(deps.db, hall.regionCode, p.windowId);
    const w = await rm.waitingByGroup(deps.db, hall.regionCode, hall.id, day);
    waiting = w.filter((x) => gids.includes(x.groupId)).reduce((s, x) => s + Number(x.n), 0);
  }
  const mine = staff.filter(
    (s) => s.departmentId === actor.departmentId && (!s.stationedUntil || s.stationedUntil >= day),
  );
  return {
    presence: p
      ? toPresence(p, names.window.get(p.windowId) ?? '', staff.find((s) => s.id === p.staffId)?.name ?? '')
      : null,
    current,
    waiting,
    staffOptions: mine.map((s) => ({ id: s.id, name: s.name, windowId: s.windowId })),
    windows: windows.map((w) => ({
      id: w.id,
      number: w.number,
      name: w.name,
      open: presenceAll.some((x) => x.windowId === w.id),
    })),
    groups: groups.map((g) => ({ id: g.id, code: g.code, name: g.name })),
  };
}

/** The halls of some rows, with their regions (a row is in its hall's region), in first-seen order. */
function hallsOf(rows: readonly { hallId: string; regionCode: string }[]) {
  const out = new Map<string, { id: string; regionCode: string }>();
  for (const r of rows) if (!out.has(r.hallId)) out.set(r.hallId, { id: r.hallId, regionCode: r.regionCode });
  return [...out.values()];
}

export async function listTicketsFor(deps: Deps, actor: Actor, q: TicketQuery) {
  assertAccess(actor, 'hall.read');
  const rows = await rm.listTickets(deps.db, { ...q, regionLike: regionScopeLike(actor) });
  const halls = hallsOf(rows);
  const groups = (await Promise.all(halls.map((h) => repo.listGroups(deps.db, h.regionCode, h.id)))).flat();
  const windows = (await Promise.all(halls.map((h) => orgService.listHallWindows(deps.db, h.id)))).flat();
  const names = {
    group: new Map(groups.map((g) => [g.id, g.name])),
    window: new Map(windows.map((w) => [w.id, w.number])),
  };
  return { tickets: rows.map((r) => toTicket(r, names)) };
}

/** A ticket and every step of it (QUE-1); public by id so the kiosk slip can show the queue ahead. */
export async function ticketDetail(deps: Deps, id: string, actor: Actor | null) {
  if (actor) assertAccess(actor, 'hall.read');
  const t = await repo.findTicketAnyRegion(deps.db, id);
  if (!t) throw new HallError('HALL_TICKET_NOT_FOUND');
  if (actor) assertAccess(actor, 'hall.read', { regionCode: t.regionCode });
  const groups = await repo.listGroups(deps.db, t.regionCode, t.hallId);
  const { group, window } = await hallNames(deps.db, t.hallId, groups);
  const g = groups.find((x) => x.id === t.groupId);
  const ahead =
    t.status === 'waiting' && g
      ? await rm.aheadOf(deps.db, {
          ...t,
          priorityRank: t.priority === 'green' ? 0 : t.priority === 'appointment' ? 1 : 2,
        })
      : null;
  const events = actor ? await rm.ticketEvents(deps.db, t.regionCode, t.id) : [];
  return {
    ...toTicket(t, { group, window }, ahead),
    events: events.map((e) => ({
      kind: e.kind,
      windowId: e.windowId,
      at: e.at.toISOString(),
      detail: (typeof e.detail === 'string' ? JSON.parse(e.detail) : e.detail) as Record<string, unknown>,
    })),
  };
}

export async function listBookingsFor(deps: Deps, actor: Actor, q: BookingQuery) {
  assertAccess(actor, 'hall.read');
  const range = q.date ? shanghaiDayRange(q.date) : undefined;
  const rows = await rm.listBookings(deps.db, {
    regionLike: regionScopeLike(actor),
    hallId: q.hallId,
    from: range?.[0],
    to: range?.[1],
    status: q.status,
    groupId: q.groupId,
    limit: q.limit,
  });
  const groups = new Map(
    (await Promise.all(hallsOf(rows).map((h) => repo.listGroups(deps.db, h.regionCode, h.id))))
      .flat()
      .map((g) => [g.id, g.name]),
  );
  return { bookings: rows.map((r) => toBooking(r, groups.get(r.groupId) ?? '')), total: rows.length };
}
