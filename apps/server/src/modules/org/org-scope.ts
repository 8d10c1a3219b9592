import { type StaffPatch, type UserCreateInput } from '@tongban/contracts';
import { assertAccess, type Actor } from '../../platform/access';
import { type Executor } from '../../platform/db';
import { notFound } from '../../platform/errors';
import { accounts } from '../auth';
import { OrgError } from './org.errors';
import { checkUserDepartment, isWithinRegion } from './org.policy';
import * as repo from './org.repository';

export function assertWrite(actor: Actor, regionCode: string) {
  assertAccess(actor, 'org.write');
  if (actor.role !== 'system' && !isWithinRegion(actor.regionCode, regionCode))
    throw new OrgError('ORG_OUT_OF_REGION');
}

/**
 * A department by the id a route or a form names, alone: found in any region (named in
 * CROSS_REGION), so that one outside the actor's scope answers ORG_OUT_OF_REGION, not 404.
 */
export async function getDepartmentIn(db: Executor, id: string) {
  const d = await repo.findDepartment(db, id);
  if (!d) throw notFound('部门', id);
  return d;
}

/** The hall a form names (its id alone, found in any region), which must be in the actor's scope. */
export async function checkHallInRegion(db: Executor, actor: Actor, hallId: string | null | undefined) {
  if (!hallId) return;
  const hall = await repo.findHall(db, hallId);
  if (!hall) throw notFound('大厅', hallId);
  assertWrite(actor, hall.regionCode);
}

/** A staff form's department and window (ids alone, found in any region), in the actor's scope. */
export async function checkStaffRefs(db: Executor, actor: Actor, input: StaffPatch) {
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

export const userOut = (u: Awaited<ReturnType<typeof accounts.findAccount>> & object) => ({
  ...u,
  lockedUntil: u.lockedUntil ? new Date(u.lockedUntil).toISOString() : null,
});

export async function checkUserScope(
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
