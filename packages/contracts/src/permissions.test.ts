import { describe, expect, it } from 'vitest';
import { can, PERMISSIONS, WRITE_ACTIONS, type Action } from './permissions';
import { Role } from './roles';

describe('permissions', () => {
  it('inspector reads and writes nothing', () => {
    for (const a of WRITE_ACTIONS) expect(can('inspector', a), a).toBe(false);
    expect(can('inspector', 'org.read')).toBe(true);
  });
  it('deny by default: an applicant holds no staff permission', () => {
    for (const a of Object.keys(PERMISSIONS) as Action[]) expect(can('applicant', a), a).toBe(false);
  });
  it('every role is known', () => {
    for (const roles of Object.values(PERMISSIONS)) for (const r of roles) expect(Role.options).toContain(r);
  });
});
