import { describe, expect, it } from 'vitest';
import { checkAccess, type Actor } from './access';

const actor = (over: Partial<Actor>): Actor => ({
  userId: 'u',
  username: 'u',
  displayName: 'u',
  role: 'admin',
  regionCode: '350999',
  departmentId: null,
  clientIp: '',
  ...over,
});

describe('checkAccess: role × region × department, deny by default', () => {
  it('needs the role to hold the action', () => {
    expect(checkAccess(actor({ role: 'admin' }), 'org.write')).toBe(true);
    expect(checkAccess(actor({ role: 'supervisor' }), 'org.write')).toBe(false);
    expect(checkAccess(actor({ role: 'inspector' }), 'calendar.write')).toBe(false);
  });
  it('needs the record inside the actor region (a county covers its townships)', () => {
    expect(checkAccess(actor({}), 'org.write', { regionCode: '350999100000' })).toBe(true);
    expect(checkAccess(actor({}), 'org.write', { regionCode: '350998' })).toBe(false);
    expect(checkAccess(actor({ regionCode: '350999100000' }), 'org.read', { regionCode: '350999' })).toBe(
      false,
    );
  });
  it('limits department roles to their own department', () => {
    const clerk = actor({ role: 'clerk', departmentId: 'd1' });
    expect(checkAccess(clerk, 'org.read', { departmentId: 'd1' })).toBe(true);
    expect(checkAccess(clerk, 'org.read', { departmentId: 'd2' })).toBe(false);
    expect(checkAccess(actor({ role: 'supervisor' }), 'org.read', { departmentId: 'd2' })).toBe(true);
  });
});
