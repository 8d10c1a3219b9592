import {
  regionLevel,
  type DepartmentInput,
  type HallInput,
  type HallPatch,
  type DepartmentPatch,
  type HallWindowPatch,
  type StaffPatch,
  type HallWindowInput,
  type RegionInput,
  type StaffInput,
  type UserCreateInput,
  type UserUpdateInput,
} from '@tongban/contracts';
import { assertAccess, regionScopeLike, type Actor } from '../../platform/access';
import type { Deps } from '../../platform/app-types';
import { hashPassword } from '../../platform/crypto';
import type { Executor } from '../../platform/db';
import { badRequest, notFound } from '../../platform/errors';
import { IMAGE_POLICY, storeFile } from '../../platform/files';
import { runAudited } from '../audit';
import { clearSignInLocks, findPasswordHash, findPasswordProblem, forgetUserSessions } from '../auth';
import { OrgError } from './org.errors';
import { checkRegionParent, checkUserDepartment, isWithinRegion } from './org.policy';
import * as repo from './org.repository';

function assertWrite(actor: Actor, regionCode: string) {
  assertAccess(actor, 'org.write');
  if (actor.role !== 'system' && !isWithinRegion(actor.regionCode, regionCode))
    throw new OrgError('ORG_OUT_OF_REGION');
}

async function getDepartmentIn(db: Executor, id: string) {
  const d = await repo.findDepartment(db, id);
  if (!d) throw notFound('部门', id);
  return d;
}

// ── Regions ──────────────────────────────────────────────────────────────

export async function listRegions(deps: Deps, actor: Actor) {
  assertAccess(actor, 'org.read');
  return repo.listRegions(deps.db, regionScopeLike(actor));
}

export async function createRegion(deps: Deps, actor: Actor, input: RegionInput) {
  assertWrite(actor, input.code);
  const parentError = checkRegionParent(input.code, input.parentCode);
  if (parentError) throw new OrgError(parentError);
  return runAudited(deps, actor, async (tx) => {
    if (await repo.findRegion(tx, input.code)) throw new OrgError('ORG_REGION_EXISTS');
    if (input.parentCode && !(await repo.findRegion(tx, input.parentCode)))
      throw new OrgError('ORG_PARENT_NOT_FOUND');
    const row = {
      code: input.code,
      name: input.name,
      parentCode: input.parentCode ?? null,
      level: regionLevel(input.code),
    };
    await repo.insertRegion(tx, row);
    return {
      result: row,
      audit: {
        action: 'org.region.create',
        entityType: 'region',
        entityId: row.code,
        regionCode: row.code,
        summary: row,
      },
    };
  });
}

export async function updateRegion(deps: Deps, actor: Actor, code: string, input: { name: string }) {
  const existing = await repo.findRegion(deps.db, code);
  if (!existing) throw notFound('区划', code);
  assertWrite(actor, code);
  return runAudited(deps, actor, async (tx) => {
    await repo.updateRegion(tx, code, { name: input.name });
    return {
      result: { ...existing, name: input.name },
      audit: {
        action: 'org.region.update',
        entityType: 'region',
        entityId: code,
        regionCode: code,
        summary: { name: [existing.name, input.name] },
      },
    };
  });
}

// ── Halls ────────────────────────────────────────────────────────────────

export async function listHalls(deps: Deps, actor: Actor) {
  assertAccess(actor, 'org.read');
  return repo.listHalls(deps.db, regionScopeLike(actor));
}

export async function createHall(deps: Deps, actor: Actor, input: HallInput) {
  assertWrite(actor, input.regionCode);
  return runAudited(deps, actor, async (tx) => {
    if (!(await repo.findRegion(tx, input.regionCode))) throw notFound('区划', input.regionCode);
    const row = await repo.insertHall(tx, {
      ...input,
      address: input.address ?? '',
      phone: input.phone ?? '',
    });
    return {
      result: row,
      audit: {
        action: 'org.hall.create',
        entityType: 'hall',
        entityId: row.id,
        regionCode: row.regionCode,
        summary: input,
      },
    };
  });
}

export async function updateHall(deps: Deps, actor: Actor, id: string, input: HallPatch) {
  const existing = await repo.findHall(deps.db, id);
  if (!existing) throw notFound('大厅', id);
  assertWrite(actor, existing.regionCode);
  if (input.regionCode) assertWrite(actor, input.regionCode);
  return runAudited(deps, actor, async (tx) => {
    const row = await repo.updateHall(tx, id, input);
    return {
      result: row,
      audit: {
        action: 'org.hall.update',
        entityType: 'hall',
        entityId: id,
        regionCode: row.regionCode,
        summary: input,
      },
    };
  });
}

// ── Departments ──────────────────────────────────────────────────────────

export async function listDepartments(deps: Deps, actor: Actor) {
  assertAccess(actor, 'org.read');
  return repo.listDepartments(deps.db, regionScopeLike(actor));
}

async function checkHallInRegion(db: Executor, actor: Actor, hallId: string | null | undefined) {
  if (!hallId) return;
  const hall = await repo.findHall(db, hallId);
  if (!hall) throw notFound('大厅', hallId);
  assertWrite(actor, hall.regionCode);
}

export async function createDepartment(deps: Deps, actor: Actor, input: DepartmentInput) {
  assertWrite(actor, input.regionCode);
  return runAudited(deps, actor, async (tx) => {
    if (!(await repo.findRegion(tx, input.regionCode))) throw notFound('区划', input.regionCode);
    await checkHallInRegion(tx, actor, input.hallId);
    const row = await repo.insertDepartment(tx, {
      ...input,
      shortName: input.shortName ?? '',
      hallId: input.hallId ?? null,
      hallExemption: input.hallExemption || null,
    });
    return {
      result: row,
      audit: {
        action: 'org.department.create',
        entityType: 'department',
        entityId: row.id,
        regionCode: row.regionCode,
        summary: input,
      },
    };
  });
}

export async function updateDepartment(deps: Deps, actor: Actor, id: string, input: DepartmentPatch) {
  const existing = await getDepartmentIn(deps.db, id);
  assertWrite(actor, existing.regionCode);
  if (input.regionCode) assertWrite(actor, input.regionCode);
  return runAudited(deps, actor, async (tx) => {
    await checkHallInRegion(tx, actor, input.hallId);
    const patch = {
      ...input,
      ...(input.hallExemption !== undefined ? { hallExemption: input.hallExemption || null } : {}),
    };
    const row = await repo.updateDepartment(tx, id, patch);
    return {
      result: row,
      audit: {
        action: 'org.department.update',
        entityType: 'department',
        entityId: id,
        regionCode: row.regionCode,
        summary: input,
      },
    };
  });
}

// ── Windows ──────────────────────────────────────────────────────────────

export async function listWindows(deps: Deps, actor: Actor) {
  assertAccess(actor, 'org.read');
  return repo.listWindows(deps.db, regionScopeLike(actor));
}

export async function createWindow(deps: Deps, actor: Actor, input: HallWindowInput) {
  const hall = await repo.findHall(deps.db, input.hallId);
  if (!hall) throw notFound('大厅', input.hallId);
  assertWrite(actor, hall.regionCode);
  return runAudited(deps, actor, async (tx) => {
    if (input.departmentId) assertWrite(actor, (await getDepartmentIn(tx, input.departmentId)).regionCode);
    if (await repo.findWindowByNumber(tx, hall.id, input.number))
      throw new OrgError('ORG_WINDOW_NUMBER_TAKEN');
    const row = await repo.insertWindow(tx, {
      ...input,
      tidal: input.tidal ?? false,
      regionCode: hall.regionCode,
      departmentId: input.departmentId ?? null,
    });
    return {
      result: row,
      audit: {
        action: 'org.window.create',
        entityType: 'window',
        entityId: row.id,
        regionCode: row.regionCode,
        summary: input,
      },
    };
  });
}

export async function updateWindow(deps: Deps, actor: Actor, id: string, input: HallWindowPatch) {
  const existing = await repo.findWindow(deps.db, id);
  if (!existing) throw notFound('窗口', id);
  assertWrite(actor, existing.regionCode);
  return runAudited(deps, actor, async (tx) => {
    let regionCode = existing.regionCode;
    if (input.hallId && input.hallId !== existing.hallId) {
      const hall = await repo.findHall(tx, input.hallId);
      if (!hall) throw notFound('大厅', input.hallId);
      assertWrite(actor, hall.regionCode);
      regionCode = hall.regionCode;
    }
    if (input.departmentId) assertWrite(actor, (await getDepartmentIn(tx, input.departmentId)).regionCode);
    const hallId = input.hallId ?? existing.hallId;
    const number = input.number ?? existing.number;
    const clash = await repo.findWindowByNumber(tx, hallId, number);
    if (clash && clash.id !== id) throw new OrgError('ORG_WINDOW_NUMBER_TAKEN');
    const row = await repo.updateWindow(tx, id, { ...input, regionCode });
    return {
      result: row,
      audit: { action: 'org.window.update', entityType: 'window', entityId: id, regionCode, summary: input },
    };
  });
}

// ── Staff ────────────────────────────────────────────────────────────────

export async function listStaff(deps: Deps, actor: Actor) {
  assertAccess(actor, 'org.read');
  return repo.listStaff(deps.db, regionScopeLike(actor));
}

async function checkStaffRefs(db: Executor, actor: Actor, input: StaffPatch) {
  let regionCode: string | undefined;
  if (input.departmentId) {
    regionCode = (await getDepartmentIn(db, input.departmentId)).regionCode;
    assertWrite(actor, regionCode);
  }
  if (input.windowId) {
    const w = await repo.findWindow(db, input.windowId);
    if (!w) throw notFound('窗口', input.windowId);
    assertWrite(actor, w.regionCode);
  }
  return regionCode;
}

export async function createStaff(deps: Deps, actor: Actor, input: StaffInput) {
  assertAccess(actor, 'org.write');
  return runAudited(deps, actor, async (tx) => {
    const regionCode = (await checkStaffRefs(tx, actor, input))!;
    const row = await repo.insertStaff(tx, {
      ...input,
      title: input.title ?? '',
      regionCode,
      windowId: input.windowId ?? null,
      stationedUntil: input.stationedUntil ?? null,
      photo: null,
    });
    return {
      result: row,
      audit: {
        action: 'org.staff.create',
        entityType: 'staff',
        entityId: row.id,
        regionCode,
        summary: input,
      },
    };
  });
}

export async function updateStaff(deps: Deps, actor: Actor, id: string, input: StaffPatch) {
  const existing = await repo.findStaff(deps.db, id);
  if (!existing) throw notFound('人员', id);
  assertWrite(actor, existing.regionCode);
  return runAudited(deps, actor, async (tx) => {
    const regionCode = (await checkStaffRefs(tx, actor, input)) ?? existing.regionCode;
    const from = input.stationedFrom ?? existing.stationedFrom;
    const until = input.stationedUntil === undefined ? existing.stationedUntil : input.stationedUntil;
    if (until && until < from) throw badRequest('派驻截止日期不能早于派驻开始日期');
    const row = await repo.updateStaff(tx, id, { ...input, regionCode });
    return {
      result: row,
      audit: { action: 'org.staff.update', entityType: 'staff', entityId: id, regionCode, summary: input },
    };
  });
}

export async function setStaffPhoto(
  deps: Deps,
  actor: Actor,
  id: string,
  file: { bytes: Buffer; mediaType: string; name: string },
) {
  const existing = await repo.findStaff(deps.db, id);
  if (!existing) throw notFound('人员', id);
  assertWrite(actor, existing.regionCode);
  return runAudited(deps, actor, async (tx) => {
    // Staff photos are shown on the public 公示牌.
    const sha256 = await storeFile(
      tx,
      deps.config.dataDir,
      file,
      { ...IMAGE_POLICY, public: true },
      { kind: 'staff_photo', id, regionCode: existing.regionCode },
    );
    const row = await repo.updateStaff(tx, id, { photo: sha256 });
    return {
      result: row,
      audit: {
        action: 'org.staff.photo',
        entityType: 'staff',
        entityId: id,
        regionCode: row.regionCode,
        summary: { photo: sha256 },
      },
    };
  });
}

/** 公示牌 of one hall: public, no sign-in. */
export async function getBoard(deps: Deps, hallId: string, today: string) {
  const hall = await repo.findHall(deps.db, hallId);
  if (!hall) throw notFound('大厅', hallId);
  return { hall, entries: await repo.listBoard(deps.db, hallId, today) };
}

// ── Users ────────────────────────────────────────────────────────────────

const userOut = (u: Awaited<ReturnType<typeof repo.findUser>> & object) => ({
  ...u,
  lockedUntil: u.lockedUntil ? new Date(u.lockedUntil).toISOString() : null,
});

export async function listUsers(deps: Deps, actor: Actor) {
  assertAccess(actor, 'user.read');
  return (await repo.listUsers(deps.db, regionScopeLike(actor))).map(userOut);
}

async function checkUserScope(
  db: Executor,
  actor: Actor,
  regionCode: string,
  role: UserCreateInput['role'],
  departmentId: string | null | undefined,
) {
  assertAccess(actor, 'user.write');
  assertWrite(actor, regionCode);
  const depErr = checkUserDepartment(role, departmentId);
  if (depErr) throw new OrgError(depErr);
  if (departmentId) {
    const d = await getDepartmentIn(db, departmentId);
    if (!isWithinRegion(regionCode, d.regionCode) && !isWithinRegion(d.regionCode, regionCode))
      throw new OrgError('ORG_DEPARTMENT_NOT_ALLOWED');
  }
}

export async function createUser(
  deps: Deps,
  actor: Actor,
  input: UserCreateInput,
  opts: { demoAccount?: boolean } = {},
) {
  await checkUserScope(deps.db, actor, input.regionCode, input.role, input.departmentId);
  // Issue 12 point 9: the server's password policy (strength, username, demo password).
  const weak = await findPasswordProblem(input.password, {
    username: input.username,
    displayName: input.displayName,
    demoAccount: opts.demoAccount,
  });
  if (weak) throw new OrgError('ORG_WEAK_PASSWORD', weak);
  const passwordHash = await hashPassword(input.password);
  return runAudited(deps, actor, async (tx) => {
    if (await repo.findUserByUsername(tx, input.username)) throw new OrgError('ORG_USERNAME_TAKEN');
    const row = await repo.insertUser(tx, {
      username: input.username,
      displayName: input.displayName,
      passwordHash,
      role: input.role,
      regionCode: input.regionCode,
      departmentId: input.departmentId ?? null,
    });
    const { password: _pw, ...summary } = input;
    return {
      result: userOut(row),
      audit: {
        action: 'org.user.create',
        entityType: 'user',
        entityId: row.id,
        regionCode: row.regionCode,
        summary,
      },
    };
  });
}

export async function updateUser(deps: Deps, actor: Actor, id: string, input: UserUpdateInput) {
  const existing = await repo.findUser(deps.db, id);
  if (!existing) throw notFound('用户', id);
  assertWrite(actor, existing.regionCode);
  const role = input.role ?? existing.role;
  const regionCode = input.regionCode ?? existing.regionCode;
  const departmentId = input.departmentId === undefined ? existing.departmentId : input.departmentId;
  if (id === actor.userId && (input.disabled || (input.role && input.role !== 'admin')))
    throw new OrgError('ORG_SELF_LOCKOUT');
  await checkUserScope(deps.db, actor, regionCode, role, departmentId);
  const out = await runAudited(deps, actor, async (tx) => {
    const row = await repo.updateUser(tx, id, { ...input, departmentId });
    // A disabled user or a changed role starts over with a new session.
    if (input.disabled || input.role || input.regionCode || input.departmentId !== undefined) {
      await tx.deleteFrom('userSession').where('userId', '=', id).execute();
    }
    return {
      result: userOut(row),
      audit: {
        action: 'org.user.update',
        entityType: 'user',
        entityId: id,
        regionCode: row.regionCode,
        summary: input,
      },
    };
  });
  forgetUserSessions(deps, id);
  return out;
}

export async function resetUserPassword(deps: Deps, actor: Actor, id: string, password: string) {
  const existing = await repo.findUser(deps.db, id);
  if (!existing) throw notFound('用户', id);
  assertAccess(actor, 'user.write');
  assertWrite(actor, existing.regionCode);
  // Issue 12 point 9: nor may a reset set the user's current password again.
  const weak = await findPasswordProblem(password, {
    username: existing.username,
    displayName: existing.displayName,
    currentHash: await findPasswordHash(deps.db, id),
  });
  if (weak) throw new OrgError('ORG_WEAK_PASSWORD', weak);
  const passwordHash = await hashPassword(password);
  const out = await runAudited(deps, actor, async (tx) => {
    await tx
      .updateTable('appUser')
      .set({ passwordHash, failedAttempts: 0, lockedUntil: null })
      .where('id', '=', id)
      .execute();
    await tx.deleteFrom('userSession').where('userId', '=', id).execute();
    // Issue 12 point 8: a reset lifts the account's sign-in locks (audited as auth.unlocked).
    await clearSignInLocks(tx, deps, actor, existing);
    return {
      result: undefined,
      audit: {
        action: 'org.user.reset_password',
        entityType: 'user',
        entityId: id,
        regionCode: existing.regionCode,
      },
    };
  });
  forgetUserSessions(deps, id);
  return out;
}

// ── Plain reads for other modules (issue 19, hall): no actor, the caller checks access ──

export const findHallRecord = (db: Executor, id: string) => repo.findHall(db, id);
export const findWindowRecord = (db: Executor, id: string) => repo.findWindow(db, id);
export const findStaffRecord = (db: Executor, id: string) => repo.findStaff(db, id);
export const findDepartmentRecord = (db: Executor, id: string) => repo.findDepartment(db, id);
export const listHallWindows = (db: Executor, hallId: string) => repo.listWindowsOfHall(db, hallId);
export const listHallDepartments = (db: Executor, hallId: string) => repo.listDepartmentsOfHall(db, hallId);
export const listHallStaff = (db: Executor, hallId: string) => repo.listStaffOfHall(db, hallId);
/** Halls of a region and the regions below it (public hall pickers). */
export const listHallRecords = (db: Executor, like: string) => repo.listHalls(db, like);
// ── For other modules (evaluations, issue 17): reads inside the caller's transaction ──

export const findWindowById = (db: Executor, id: string) => repo.findWindow(db, id);
export const findStaffById = (db: Executor, id: string) => repo.findStaff(db, id);
export const listStaffOfWindow = (db: Executor, windowId: string) => repo.listStaffOfWindow(db, windowId);
export const findDepartmentById = (db: Executor, id: string) => repo.findDepartment(db, id);

/** A region's name by its code (cases: the short name on notice numbers). */
export async function findRegionName(db: Executor, code: string): Promise<string | undefined> {
  return (await repo.findRegion(db, code))?.name;
}
