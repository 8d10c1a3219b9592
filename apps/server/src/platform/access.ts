import {
  can,
  DEPARTMENT_ROLES,
  regionCovers,
  regionPrefix,
  type Action,
  type Role,
} from '@tongban/contracts';
import { forbidden } from './errors';

/** Who is acting: the signed-in user, or `system` for jobs and the demo seed. */
export type Actor = {
  userId: string | null;
  username: string;
  displayName: string;
  role: Role | 'system';
  regionCode: string;
  departmentId: string | null;
  clientIp: string;
};

export type Scope = { regionCode?: string | undefined; departmentId?: string | null | undefined };

export const SYSTEM_ACTOR: Actor = {
  userId: null,
  username: 'system',
  displayName: '系统',
  role: 'system',
  regionCode: '',
  departmentId: null,
  clientIp: '',
};

/**
 * Deny by default: role × region × department. A role must hold the action; the record must lie in
 * the actor's region (a region covers the ones below it); a department role (clerk, approver,
 * dept_head) may touch only its own department's records when the record names a department.
 */
export function checkAccess(actor: Actor, action: Action, scope: Scope = {}): boolean {
  if (actor.role === 'system') return true;
  if (!can(actor.role, action)) return false;
  if (scope.regionCode !== undefined && !regionCovers(actor.regionCode, scope.regionCode)) return false;
  if (
    DEPARTMENT_ROLES.includes(actor.role) &&
    scope.departmentId !== undefined &&
    scope.departmentId !== null &&
    scope.departmentId !== actor.departmentId
  ) {
    return false;
  }
  return true;
}

export function assertAccess(actor: Actor, action: Action, scope: Scope = {}): void {
  if (!checkAccess(actor, action, scope)) throw forbidden();
}

/** SQL LIKE pattern of the region codes an actor may see (everything for the system). */
export function regionScopeLike(actor: Actor): string {
  return actor.role === 'system' ? '%' : `${regionPrefix(actor.regionCode)}%`;
}
