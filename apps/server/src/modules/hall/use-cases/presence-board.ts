import type { PresenceBoard, PresenceRegister } from '@tongban/contracts';
import type { Actor } from '../../../platform/access';
import type { Deps } from '../../../platform/app-types';
import { orgService } from '../../org';
import { addDays, shanghaiDayRange } from '../hall.policy';
import * as repo from '../hall.repository';
import { getHall, getHallFor, today } from './shared';

/** Staff counted as actually stationed: signed in at a window within this many days. */
const STATIONED_DAYS = 30;

/**
 * The presence-aware 公示牌 (public): only staff within their term who actually sign in at the hall
 * (within 30 days), whether they are at a window now, and which photos are missing.
 */
export async function presenceBoard(deps: Deps, hallId: string): Promise<PresenceBoard> {
  const hall = await getHall(deps.db, hallId);
  const day = today(deps);
  const since = shanghaiDayRange(addDays(day, -STATIONED_DAYS))[0];
  const [staff, windows, signed, open] = await Promise.all([
    orgService.listHallStaff(deps.db, hall.id),
    orgService.listHallWindows(deps.db, hall.id),
    repo.staffSignedInSince(deps.db, hall.regionCode, hall.id, since),
    repo.openPresenceOfHall(deps.db, hall.regionCode, hall.id),
  ]);
  const number = new Map(windows.map((w) => [w.id, w.number]));
  const signedSet = new Set(signed);
  return {
    hallName: hall.name,
    entries: staff
      .filter(
        (s) =>
          s.stationedFrom <= day && (!s.stationedUntil || s.stationedUntil >= day) && signedSet.has(s.id),
      )
      .map((s) => {
        const now = open.find((p) => p.staffId === s.id);
        return {
          staffId: s.id,
          name: s.name,
          title: s.title,
          departmentName: s.departmentName,
          windowNumber: number.get(now?.windowId ?? s.windowId ?? '') ?? null,
          photo: s.photo,
          onDutyNow: !!now,
          missingPhoto: !s.photo,
        };
      }),
  };
}

/**
 * The 32-vs-21 problem: per department, staff on the register (in term) against those who actually
 * signed in during the last `days` days; missing photos and past terms still on the register.
 */
export async function presenceRegister(
  deps: Deps,
  actor: Actor,
  hallId: string,
  days: number,
): Promise<PresenceRegister> {
  const hall = await getHallFor(deps, actor, hallId, 'hall.read');
  const day = today(deps);
  const fromDay = addDays(day, -days);
  const [staff, depts, signed] = await Promise.all([
    orgService.listHallStaff(deps.db, hall.id),
    orgService.listHallDepartments(deps.db, hall.id),
    repo.staffSignedInSince(deps.db, hall.regionCode, hall.id, shanghaiDayRange(fromDay)[0]),
  ]);
  const signedSet = new Set(signed);
  const rows = depts
    .filter((d) =>
      actor.role !== 'clerk' && actor.role !== 'approver' && actor.role !== 'dept_head'
        ? true
        : d.id === actor.departmentId,
    )
    .map((d) => {
      const mine = staff.filter((s) => s.departmentId === d.id);
      const inTerm = mine.filter((s) => !s.stationedUntil || s.stationedUntil >= day);
      return {
        departmentId: d.id,
        departmentName: d.name,
        registered: inTerm.length,
        signedIn: inTerm.filter((s) => signedSet.has(s.id)).length,
        neverSignedIn: inTerm
          .filter((s) => !signedSet.has(s.id))
          .map((s) => ({ staffId: s.id, name: s.name })),
        missingPhoto: inTerm.filter((s) => !s.photo).map((s) => ({ staffId: s.id, name: s.name })),
        pastTerm: mine
          .filter((s) => s.stationedUntil && s.stationedUntil < day)
          .map((s) => ({ staffId: s.id, name: s.name, stationedUntil: s.stationedUntil! })),
      };
    });
  return { from: fromDay, to: day, rows };
}
