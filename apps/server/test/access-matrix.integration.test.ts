import { Role, type Role as RoleT } from '@tongban/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MATRIX, type Ids } from './access-matrix';
import { call, createTestApp, dbKinds, signIn, type Client, type TestApp } from './harness';
import { createRegion, createStaffUser } from './factories/org';

// Business API only: docs, the web app's static files and sign-in/out (tested in auth tests) aside.
const NOT_IN_MATRIX = [/^(?!\/api\/)/, /^\/api\/docs/, /^\/api\/auth\/(login|logout|password)$/];

describe.each(dbKinds())('access matrix (%s)', (kind) => {
  let t: TestApp;
  let ids: Ids;
  const clients = new Map<RoleT, Client>();
  const usernames: Record<RoleT, string> = {
    admin: 'admin',
    clerk: 'clerk',
    approver: 'approver',
    dept_head: 'depthead',
    supervisor: 'supervisor',
    leader: 'leader',
    inspector: 'inspector',
    applicant: 'applicant',
  };

  beforeAll(async () => {
    t = await createTestApp(kind);
    for (const r of Role.options) clients.set(r, await signIn(t.app, usernames[r]));
    const db = t.deps.db;
    ids = {
      hallId: (
        await db.selectFrom('hall').select('id').where('level', '=', 'county').executeTakeFirstOrThrow()
      ).id,
      departmentId: (
        await db
          .selectFrom('department')
          .select('id')
          .where('name', '=', '云溪县卫生健康局')
          .executeTakeFirstOrThrow()
      ).id,
      windowId: (
        await db.selectFrom('hallWindow').select('id').where('number', '=', 'A01').executeTakeFirstOrThrow()
      ).id,
      staffId: (
        await db.selectFrom('staff').select('id').where('name', '=', '林晓岚').executeTakeFirstOrThrow()
      ).id,
      // Not one of the signed-in clients: resetting its password ends its sessions.
      userId: (
        await db
          .selectFrom('appUser')
          .select('id')
          .where('username', '=', 'approver2')
          .executeTakeFirstOrThrow()
      ).id,
    };
  });
  afterAll(() => t.close());

  it('covers every route the app serves', () => {
    const served = t.routes
      .filter((r) => r.method !== 'HEAD' && r.method !== 'OPTIONS')
      .filter((r) => !NOT_IN_MATRIX.some((re) => re.test(r.url)))
      .map((r) => `${r.method} ${r.url}`);
    const covered = new Set(MATRIX.map((e) => `${e.method} ${e.url}`));
    expect(served.filter((s) => !covered.has(s))).toEqual([]);
  });

  let n = 0;
  for (const entry of MATRIX) {
    it(`${entry.method} ${entry.url}`, async () => {
      for (const role of Role.options) {
        const { path, body } = entry.make(ids, ++n);
        const r = await clients.get(role)!.request(entry.method, path, body);
        const allowed = entry.allowed === 'public' || entry.allowed.includes(role);
        if (allowed) {
          expect(
            [401, 403],
            `${role} should be allowed: ${r.status} ${JSON.stringify(r.body)}`,
          ).not.toContain(r.status);
          expect(r.status, `${role}: ${JSON.stringify(r.body)}`).toBeLessThan(500);
        } else {
          expect(r.status, `${role} should be denied`).toBe(403);
        }
      }
      if (entry.allowed !== 'public') {
        const { path, body } = entry.make(ids, ++n);
        const anon = await call(t.app, entry.method, path, body);
        expect(anon.status, 'without sign-in').toBe(401);
      }
    });
  }

  it('an admin of another region neither sees nor changes this region', async () => {
    const admin = clients.get('admin')!;
    // Outside this admin's region, so it is made by the system, not through the API.
    await createRegion(t, { code: '350998', name: '邻县' });
    // Nor may this admin create users there.
    const refused = await admin.request('POST', '/api/org/users', {
      username: 'otheradmin',
      displayName: '邻县管理员',
      password: 'Neighbour@2026',
      role: 'admin',
      regionCode: '350998',
    });
    expect(refused.status).toBe(403);
    const c = await createStaffUser(t, { role: 'admin', regionCode: '350998' });
    expect((await c.request('GET', '/api/org/departments')).body.items).toEqual([]);
    const r = await c.request('PATCH', `/api/org/departments/${ids.departmentId}`, { shortName: '越权' });
    expect(r.status).toBe(403);
  });
});
