import type { TidalApplyInput, TidalView } from '@tongban/contracts';
import type { Actor } from '../../../platform/access';
import type { Deps } from '../../../platform/app-types';
import { runCommand } from '../../../platform/command';
import { orgService } from '../../org';
import { HallError } from '../hall.errors';
import { pressure, shanghaiDayRange, suggestTidalSwitches } from '../hall.policy';
import * as rm from '../hall.read-model';
import * as repo from '../hall.repository';
import { getHallFor, today } from './shared';

/** 潮汐窗口: the load per group now (live queue and the rest of the day's bookings) and what to switch. */
export async function tidalView(deps: Deps, actor: Actor, hallId: string): Promise<TidalView> {
  const hall = await getHallFor(deps, actor, hallId, 'hall.read');
  const now = deps.clock.now();
  const day = today(deps);
  const [groups, waiting, left, windows, wg, presence, switches] = await Promise.all([
    repo.listGroups(deps.db, hall.regionCode, hall.id),
    rm.waitingByGroup(deps.db, hall.regionCode, hall.id, day),
    rm.bookingsLeftByGroup(deps.db, hall.regionCode, hall.id, now, shanghaiDayRange(day)[1]),
    orgService.listHallWindows(deps.db, hall.id),
    repo.listWindowGroups(deps.db, hall.regionCode),
    repo.openPresenceOfHall(deps.db, hall.regionCode, hall.id),
    repo.listSwitches(deps.db, hall.regionCode, hall.id, shanghaiDayRange(day)[0]),
  ]);
  const open = new Set(presence.map((p) => p.windowId));
  const hallWindows = windows.map((w) => ({
    windowId: w.id,
    tidal: w.tidal,
    open: open.has(w.id),
    groupIds: wg.filter((x) => x.windowId === w.id).map((x) => x.groupId),
  }));
  const loads = groups.map((g) => ({
    groupId: g.id,
    waiting: Number(waiting.find((x) => x.groupId === g.id)?.n ?? 0),
    bookingsLeft: Number(left.find((x) => x.groupId === g.id)?.n ?? 0),
    windows: hallWindows.filter((w) => w.open && w.groupIds.includes(g.id)).length,
  }));
  const name = new Map(groups.map((g) => [g.id, g.name]));
  const number = new Map(windows.map((w) => [w.id, w.number]));
  return {
    load: loads.map((l) => ({
      ...l,
      groupName: name.get(l.groupId) ?? '',
      perWindow: Math.round(pressure(l) * 10) / 10,
    })),
    suggestions: suggestTidalSwitches(loads, hallWindows).map((s) => {
      const l = loads.find((x) => x.groupId === s.toGroupId)!;
      return {
        ...s,
        windowNumber: number.get(s.windowId) ?? '',
        toGroupName: name.get(s.toGroupId) ?? '',
        reason: `「${name.get(s.toGroupId)}」等候 ${l.waiting} 人、今日余下预约 ${l.bookingsLeft} 人，每窗口压力 ${pressure(l).toFixed(1)}`,
      };
    }),
    switches: switches.map((s) => ({
      windowNumber: number.get(s.windowId) ?? '',
      fromGroupIds: s.fromGroupIds,
      toGroupIds: s.toGroupIds,
      reason: s.reason,
      at: s.at.toISOString(),
    })),
  };
}

/** The hall manager switches a window's item groups; every switch is recorded. */
export async function applyTidalSwitch(deps: Deps, actor: Actor, hallId: string, input: TidalApplyInput) {
  const hall = await getHallFor(deps, actor, hallId, 'hall.manage');
  const window = await orgService.findWindowRecord(deps.db, input.windowId);
  if (!window || window.hallId !== hall.id) throw new HallError('HALL_WINDOW_NOT_FOUND');
  const groups = await repo.listGroups(deps.db, hall.regionCode, hall.id);
  if (!input.toGroupIds.every((id) => groups.some((g) => g.id === id)))
    throw new HallError('HALL_GROUP_NOT_FOUND');
  return runCommand(deps, actor, async ({ tx, now }) => {
    const from = await repo.windowGroupIds(tx, hall.regionCode, window.id);
    const to = [...new Set(input.toGroupIds)];
    await repo.setWindowGroups(tx, hall.regionCode, window.id, to);
    const row = await repo.insertSwitch(tx, {
      regionCode: hall.regionCode,
      hallId: hall.id,
      windowId: window.id,
      fromGroupIds: from,
      toGroupIds: to,
      reason: input.reason,
      actorUserId: actor.userId,
      at: now,
    });
    return {
      result: { windowId: window.id, groupIds: to },
      audit: {
        action: 'hall.window.switch',
        entityType: 'hall_window_switch',
        entityId: row.id,
        regionCode: hall.regionCode,
        summary: { window: window.number, from, to, reason: input.reason },
      },
    };
  });
}
