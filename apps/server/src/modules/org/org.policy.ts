import { DEPARTMENT_ROLES, regionCovers, type Role } from '@tongban/contracts';
import type { OrgErrorCode } from './org.errors';

/** A department role needs a department; other roles must not carry one (their scope is the region). */
export function checkUserDepartment(
  role: Role,
  departmentId: string | null | undefined,
): OrgErrorCode | undefined {
  if (DEPARTMENT_ROLES.includes(role) && !departmentId) return 'ORG_DEPARTMENT_REQUIRED';
  return undefined;
}

/** A child region's code must lie inside its parent's (350322 inside 350300). */
export function checkRegionParent(
  code: string,
  parentCode: string | null | undefined,
): OrgErrorCode | undefined {
  if (!parentCode) return undefined;
  if (code === parentCode || !regionCovers(parentCode, code)) return 'ORG_PARENT_MISMATCH';
  return undefined;
}

export function isWithinRegion(actorRegion: string, recordRegion: string): boolean {
  return regionCovers(actorRegion, recordRegion);
}
