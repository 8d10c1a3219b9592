import { describe, expect, it } from 'vitest';
import { checkRegionParent, checkUserDepartment, isWithinRegion } from './org.policy';

describe('org policy', () => {
  it('a department role (clerk, approver, dept_head) needs its 进驻部门', () => {
    for (const role of ['clerk', 'approver', 'dept_head'] as const) {
      expect(checkUserDepartment(role, null)).toBe('ORG_DEPARTMENT_REQUIRED');
      expect(checkUserDepartment(role, undefined)).toBe('ORG_DEPARTMENT_REQUIRED');
      expect(checkUserDepartment(role, 'd-market')).toBeUndefined();
    }
  });

  it('bureau roles work across the region and need no department', () => {
    for (const role of ['supervisor', 'leader', 'inspector', 'admin'] as const)
      expect(checkUserDepartment(role, null)).toBeUndefined();
  });

  it('regionCode (GB/T 2260): a child region lies inside its parent', () => {
    expect(checkRegionParent('350322', '350300')).toBeUndefined();
    expect(checkRegionParent('350322100000', '350322')).toBeUndefined();
    expect(checkRegionParent('350322', null)).toBeUndefined();
    expect(checkRegionParent('350402', '350300')).toBe('ORG_PARENT_MISMATCH');
    expect(checkRegionParent('350300', '350300')).toBe('ORG_PARENT_MISMATCH');
  });

  it('every record belongs to a region: an actor reaches its region and the regions inside it', () => {
    expect(isWithinRegion('350322', '350322')).toBe(true);
    expect(isWithinRegion('350322', '350322100000')).toBe(true);
    expect(isWithinRegion('350322', '350300')).toBe(false);
    expect(isWithinRegion('350322', '350323')).toBe(false);
  });
});
