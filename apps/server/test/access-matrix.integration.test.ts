import { Role, type Role as RoleT } from '@tongban/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_CASES as K } from '../src/demo/seed-cases-demo';
import { orgService } from '../src/modules/org';
import { SYSTEM_ACTOR } from '../src/platform/access';
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

  it('issue 12 point 11: for each role x department x case action, read forbidden => act forbidden alike, read allowed => act attempted', async () => {
    // Department roles in both departments: the demo's are in 市场监管 (clerk2 in 卫健); add 卫健's
    // approver and head. The case is 市场监管's, received by the demo clerk.
    const health = ids.departmentId;
    for (const [username, role] of [
      ['approver_h', 'approver'],
      ['depthead_h', 'dept_head'],
    ] as const) {
      await orgService.createUser(t.deps, SYSTEM_ACTOR, {
        username,
        displayName: `卫健${role}`,
        password: 'Weijian#Scope-2027x',
        role,
        regionCode: '350999',
        departmentId: health,
      });
    }
    const people: [string, Client][] = [
      ...[...clients.entries()]
        .filter(([r]) => r !== 'applicant')
        .map(([r, c]) => [r, c] as [string, Client]),
      ['clerk2', await signIn(t.app, 'clerk2')],
      ['approver_h', await signIn(t.app, 'approver_h', 'Weijian#Scope-2027x')],
      ['depthead_h', await signIn(t.app, 'depthead_h', 'Weijian#Scope-2027x')],
    ];
    const caseRoutes = MATRIX.filter((e) => e.url.startsWith('/api/cases/:id/') && e.allowed !== 'public');
    expect(caseRoutes.length).toBeGreaterThan(20);
    let forbiddenPairs = 0;
    let allowedPairs = 0;
    for (const [who, client] of people) {
      const read = await client.request('GET', `/api/cases/${K.acceptedCaseId}`);
      expect([200, 403], who).toContain(read.status);
      for (const e of caseRoutes) {
        const { path, body } = e.make(ids, ++n);
        const r = await client.request(e.method, path, body);
        const label = `${who} ${e.method} ${e.url}: ${r.status} ${JSON.stringify(r.body)}`;
        if (read.status === 403) {
          // Never allowed where reading is forbidden; where the role holds the action, the answer
          // is the read's own (same status, code and message), not a different refusal.
          expect(r.status, label).toBe(403);
          if (e.allowed.includes(client.user.role as RoleT)) {
            expect(r.body, label).toEqual(read.body);
            forbiddenPairs++;
          }
        } else if (e.allowed.includes(client.user.role as RoleT)) {
          // Readable and the role holds the action: it may be attempted (stale version, state).
          expect(r.status, label).not.toBe(403);
          expect(r.status, label).toBeLessThan(500);
          allowedPairs++;
        }
      }
    }
    // Both directions were exercised: 卫健's clerk, approver and head were refused, 市场监管's tried.
    expect(forbiddenPairs).toBeGreaterThan(10);
    expect(allowedPairs).toBeGreaterThan(10);
  });

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
