import type { Role } from '@tongban/contracts';
import { DEMO_REGION } from '../../src/demo/seed-demo';
import { orgService } from '../../src/modules/org';
import { SYSTEM_ACTOR } from '../../src/platform/access';
import { signIn, type Client, type TestApp } from '../harness';

/**
 * Test factories for org (issue 13): what a test needs, made through the services as the system
 * (so it is audited like any change), with names no other test uses. Prefer these to demo constants.
 */

let n = 0;
const next = () => `${process.pid.toString(36)}${(n++).toString(36)}`;

/** A region (a county when parentCode is null). */
export function createRegion(t: TestApp, opts: { code: string; name?: string; parentCode?: string | null }) {
  return orgService.createRegion(t.deps, SYSTEM_ACTOR, {
    code: opts.code,
    name: opts.name ?? `测试区划${opts.code}`,
    parentCode: opts.parentCode ?? null,
  });
}

/** A department of the demo county (or `regionCode`). */
export function createDepartment(t: TestApp, opts: { regionCode?: string; name?: string } = {}) {
  return orgService.createDepartment(t.deps, SYSTEM_ACTOR, {
    regionCode: opts.regionCode ?? DEMO_REGION,
    name: opts.name ?? `测试部门${next()}`,
  });
}

/** A staff account with the role, signed in. Defaults: the demo county, no department, the demo password. */
export async function createStaffUser(
  t: TestApp,
  opts: {
    role: Role;
    regionCode?: string;
    departmentId?: string | null;
    username?: string;
    password?: string;
  },
): Promise<Client> {
  const username = opts.username ?? `u${next()}`;
  // A password the policy accepts (the demo one is for demo accounts only).
  const password = opts.password ?? 'Qiao-Lan#Huai2027!';
  await orgService.createUser(t.deps, SYSTEM_ACTOR, {
    username,
    displayName: `测试用户${username}`,
    password,
    role: opts.role,
    regionCode: opts.regionCode ?? DEMO_REGION,
    departmentId: opts.departmentId ?? null,
  });
  return signIn(t.app, username, password);
}
