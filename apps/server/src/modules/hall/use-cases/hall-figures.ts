import type { HallFiguresQuery, HallFigures } from '@tongban/contracts';
import type { Actor } from '../../../platform/access';
import type { Deps } from '../../../platform/app-types';
import { orgService } from '../../org';
import { addDays, percentile, shanghaiDayRange, shanghaiHour } from '../hall.policy';
import * as rm from '../hall.read-model';
import * as repo from '../hall.repository';
import { getHallFor } from './shared';

/**
 * TRUTH-1 / RATE-1: every figure is counted from the records of the period (tickets, bookings,
 * patrol problems); each row is a filter the web opens as the list of records it counts.
 * Waiting time = first call − issue (QUE-1); no-show rate = no-shows ÷ bookings whose slot has
 * passed (checked in + no-show); bookings used = checked in ÷ the same.
 */
export async function hallFigures(deps: Deps, actor: Actor, q: HallFiguresQuery): Promise<HallFigures> {
  const hall = await getHallFor(deps, actor, q.hallId, 'hall.read');
  const from = shanghaiDayRange(q.from)[0];
  const to = shanghaiDayRange(addDays(q.to, 1))[0];
  const [tickets, groups, windows, bookings, problems, depts] = await Promise.all([
    rm.calledTickets(deps.db, hall.regionCode, hall.id, q.from, q.to),
    repo.listGroups(deps.db, hall.regionCode, hall.id),
    orgService.listHallWindows(deps.db, hall.id),
    rm.bookingCounts(deps.db, hall.regionCode, hall.id, from, to),
    repo.listProblems(deps.db, { regionCode: hall.regionCode, hallId: hall.id, from, to }),
    orgService.listHallDepartments(deps.db, hall.id),
  ]);
  const cells = new Map<string, number[]>();
  for (const t of tickets) {
    const key = `${t.groupId}|${shanghaiHour(t.issuedAt)}`;
    cells.set(key, [...(cells.get(key) ?? []), (t.calledAt!.getTime() - t.issuedAt.getTime()) / 1000]);
  }
  const count = (s: string) => Number(bookings.find((b) => b.status === s)?.n ?? 0);
  const passed = count('checked_in') + count('no_show');
  const byDept = new Map<string, number>();
  for (const p of problems)
    if (p.departmentId) byDept.set(p.departmentId, (byDept.get(p.departmentId) ?? 0) + 1);
  return {
    waitingByGroupHour: [...cells]
      .map(([key, secs]) => {
        const [groupId, hour] = key.split('|');
        return {
          groupId: groupId!,
          groupName: groups.find((g) => g.id === groupId)?.name ?? '',
          hour: Number(hour),
          count: secs.length,
          meanSeconds: Math.round(secs.reduce((a, b) => a + b, 0) / secs.length),
          p90Seconds: Math.round(percentile(secs, 90)),
        };
      })
      .sort((a, b) => a.groupName.localeCompare(b.groupName) || a.hour - b.hour),
    servedByWindow: windows
      .map((w) => ({
        windowId: w.id,
        windowNumber: w.number,
        served: tickets.filter((t) => t.windowId === w.id && t.status === 'finished').length,
      }))
      .filter((w) => w.served > 0),
    bookings: {
      total: bookings.reduce((s, b) => s + Number(b.n), 0),
      checkedIn: count('checked_in'),
      noShow: count('no_show'),
      cancelled: count('cancelled'),
      noShowRate: passed ? count('no_show') / passed : null,
      usedRate: passed ? count('checked_in') / passed : null,
    },
    problemsByDepartment: [...byDept].map(([departmentId, n]) => ({
      departmentId,
      departmentName: depts.find((d) => d.id === departmentId)?.name ?? '',
      problems: n,
    })),
  };
}
