import type { Patrol, PatrolDay, PatrolProblem, PatrolProblemInput } from '@tongban/contracts';
import { randomInt } from 'node:crypto';
import type { Actor } from '../../../platform/access';
import { assertAccess } from '../../../platform/access';
import type { Deps } from '../../../platform/app-types';
import { runCommand } from '../../../platform/command';
import type { Executor } from '../../../platform/db';
import { orgService } from '../../org';
import { HallError } from '../hall.errors';
import { drawPatrolTimes } from '../hall.policy';
import * as rm from '../hall.read-model';
import * as repo from '../hall.repository';
import { getHallFor, today } from './shared';

type ProblemRow = Awaited<ReturnType<typeof repo.listProblems>>[number];

/** Problem rows with names and PAT-1's repeat count (same kind, same window or person, 30 days). */
export async function describeProblems(
  db: Executor,
  hall: { id: string; regionCode: string },
  rows: ProblemRow[],
  now: Date,
): Promise<PatrolProblem[]> {
  if (rows.length === 0) return [];
  const [windows, staff, depts, recent] = await Promise.all([
    orgService.listHallWindows(db, hall.id),
    orgService.listHallStaff(db, hall.id),
    orgService.listHallDepartments(db, hall.id),
    rm.repeatCounts(db, hall.regionCode, hall.id, new Date(now.getTime() - 30 * 86_400_000)),
  ]);
  return rows.map((p) => ({
    id: p.id,
    patrolId: p.patrolId,
    kind: p.kind,
    windowId: p.windowId,
    windowNumber: windows.find((w) => w.id === p.windowId)?.number ?? null,
    staffId: p.staffId,
    staffName: staff.find((s) => s.id === p.staffId)?.name ?? null,
    departmentId: p.departmentId,
    departmentName: depts.find((d) => d.id === p.departmentId)?.name ?? null,
    note: p.note,
    photo: p.photo,
    foundAt: p.foundAt.toISOString(),
    noticeId: p.noticeId,
    repeatCount: recent.filter(
      (r) =>
        r.kind === p.kind &&
        ((p.staffId && r.staffId === p.staffId) || (!p.staffId && p.windowId && r.windowId === p.windowId)),
    ).length,
  }));
}

/**
 * PAT-1: the day's patrols of a hall. The first look of the day draws at least the setting's number
 * of times at random (crypto); a time is shown only once it is due, so nobody learns them in advance.
 */
export async function patrolDay(deps: Deps, actor: Actor, hallId: string, date?: string): Promise<PatrolDay> {
  const hall = await getHallFor(deps, actor, hallId, 'hall.patrol');
  const day = date ?? today(deps);
  let rows = await repo.listPatrolsOfDay(deps.db, hall.regionCode, hall.id, day);
  if (rows.length === 0 && day >= today(deps)) {
    rows = await runCommand(deps, actor, async ({ tx }) => {
      const s = await repo.lockSettings(tx, hall.regionCode);
      const again = await repo.listPatrolsOfDay(tx, hall.regionCode, hall.id, day);
      if (again.length) return { result: again };
      const times = drawPatrolTimes(day, s.patrolsPerDay, () => randomInt(0, 1_000_000) / 1_000_000);
      const made = await repo.insertPatrols(
        tx,
        times.map((plannedAt) => ({
          regionCode: hall.regionCode,
          hallId: hall.id,
          day,
          plannedAt,
          status: 'planned' as const,
        })),
      );
      return {
        result: made,
        // The audit entry records that a plan was drawn, not its times.
        audit: {
          action: 'hall.patrol.plan',
          entityType: 'hall',
          entityId: hall.id,
          regionCode: hall.regionCode,
          summary: { day, count: made.length },
        },
      };
    });
  }
  const now = deps.clock.now();
  const problems = await describeProblems(
    deps.db,
    hall,
    await repo.listProblems(deps.db, { regionCode: hall.regionCode, patrolIds: rows.map((r) => r.id) }),
    now,
  );
  return { day, patrols: rows.map((r) => toPatrol(r, problems, now)) };
}

type PatrolRow = NonNullable<Awaited<ReturnType<typeof repo.findPatrol>>>;
function toPatrol(r: PatrolRow, problems: PatrolProblem[], now: Date): Patrol {
  const due = r.plannedAt <= now;
  return {
    id: r.id,
    hallId: r.hallId,
    day: r.day,
    plannedAt: due || r.status === 'done' ? r.plannedAt.toISOString() : null,
    status: r.status,
    due,
    startedAt: r.startedAt?.toISOString() ?? null,
    doneAt: r.doneAt?.toISOString() ?? null,
    problems: problems.filter((p) => p.patrolId === r.id),
  };
}

export async function getPatrolFor(deps: Deps, actor: Actor, id: string) {
  assertAccess(actor, 'hall.patrol');
  const p = await repo.findPatrol(deps.db, id);
  if (!p) throw new HallError('HALL_PATROL_NOT_FOUND');
  assertAccess(actor, 'hall.patrol', { regionCode: p.regionCode });
  return p;
}

/** Starts a due patrol (not before its drawn time). */
export async function startPatrol(deps: Deps, actor: Actor, id: string): Promise<Patrol> {
  const p = await getPatrolFor(deps, actor, id);
  return runCommand(deps, actor, async ({ tx, now }) => {
    if (p.plannedAt > now) throw new HallError('HALL_PATROL_NOT_DUE');
    if (p.startedAt) throw new HallError('HALL_PATROL_STATE', '该次巡查已开始');
    const row = await repo.updatePatrol(tx, p.regionCode, p.id, {
      startedAt: now,
      patrollerUserId: actor.userId,
    });
    if (!row) throw new HallError('HALL_PATROL_STATE');
    return {
      result: toPatrol(row, [], now),
      audit: {
        action: 'hall.patrol.start',
        entityType: 'hall_patrol',
        entityId: p.id,
        regionCode: p.regionCode,
      },
    };
  });
}

/**
 * PAT-1: a problem names a window or a staff member; an empty window is put on the staff member
 * the register stations there, and the problem on that person's department (or the window's).
 */
export async function addProblem(
  deps: Deps,
  actor: Actor,
  patrolId: string,
  input: PatrolProblemInput,
): Promise<PatrolProblem> {
  const p = await getPatrolFor(deps, actor, patrolId);
  const window = input.windowId ? await orgService.findWindowRecord(deps.db, input.windowId) : undefined;
  if (input.windowId && (!window || window.hallId !== p.hallId)) throw new HallError('HALL_WINDOW_NOT_FOUND');
  let staffId = input.staffId ?? null;
  if (!staffId && window && input.kind !== 'scalper' && input.kind !== 'display') {
    const all = await orgService.listHallStaff(deps.db, p.hallId);
    staffId =
      all.find((s) => s.windowId === window.id && (!s.stationedUntil || s.stationedUntil >= today(deps)))
        ?.id ?? null;
  }
  const staff = staffId ? await orgService.findStaffRecord(deps.db, staffId) : undefined;
  if (staffId && (!staff || staff.regionCode !== p.regionCode)) throw new HallError('HALL_STAFF_NOT_FOUND');
  return runCommand(deps, actor, async ({ tx, now }) => {
    if (!p.startedAt || p.status !== 'planned')
      throw new HallError('HALL_PATROL_STATE', '请先开始本次巡查（已结束的巡查不能再记问题）');
    const row = await repo.insertProblem(tx, {
      regionCode: p.regionCode,
      patrolId: p.id,
      hallId: p.hallId,
      kind: input.kind,
      windowId: window?.id ?? null,
      staffId,
      departmentId: staff?.departmentId ?? window?.departmentId ?? null,
      note: input.note,
      foundAt: now,
    });
    const [out] = await describeProblems(tx, { id: p.hallId, regionCode: p.regionCode }, [row], now);
    return {
      result: out!,
      audit: {
        action: 'hall.patrol.problem',
        entityType: 'hall_patrol',
        entityId: p.id,
        regionCode: p.regionCode,
        summary: { problemId: row.id, kind: input.kind, windowId: row.windowId, staffId },
      },
    };
  });
}

/** An extra, unplanned patrol now (counts towards the day's four): the supervisor may always look. */
export async function addPatrolNow(deps: Deps, actor: Actor, hallId: string): Promise<Patrol> {
  const hall = await getHallFor(deps, actor, hallId, 'hall.patrol');
  await patrolDay(deps, actor, hallId);
  return runCommand(deps, actor, async ({ tx, now }) => {
    const [row] = await repo.insertPatrols(tx, [
      { regionCode: hall.regionCode, hallId: hall.id, day: today(deps), plannedAt: now, status: 'planned' },
    ]);
    const started = await repo.updatePatrol(tx, hall.regionCode, row!.id, {
      startedAt: now,
      patrollerUserId: actor.userId,
    });
    return {
      result: toPatrol(started!, [], now),
      audit: {
        action: 'hall.patrol.extra',
        entityType: 'hall_patrol',
        entityId: row!.id,
        regionCode: hall.regionCode,
      },
    };
  });
}
