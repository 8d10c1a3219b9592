import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestApp, dbKinds, signIn, type Client, type TestApp } from './harness';
import { createRegion, createStaffUser } from './factories/org';

/**
 * Issue 23 (ADR 0006): org's records are read and written in their region, and a PATCH that arrives
 * with a record's id alone first finds the record in any region, so a record outside the admin's
 * scope still answers 403 ORG_OUT_OF_REGION (not 404). org is ENFORCED in the statement check, so
 * every statement these requests send names its region or is a named CROSS_REGION lookup.
 */
describe.each(dbKinds())('org records by region (%s)', (kind) => {
  let t: TestApp;
  let admin: Client;
  let ids: { hallId: string; departmentId: string; windowId: string; staffId: string };

  beforeAll(async () => {
    t = await createTestApp(kind);
    admin = await signIn(t.app, 'admin');
    const db = t.deps.db;
    const hall = await db
      .selectFrom('hall')
      .select('id')
      .where('level', '=', 'county')
      .executeTakeFirstOrThrow();
    const window = await db
      .selectFrom('hallWindow')
      .select(['id', 'departmentId'])
      .where('hallId', '=', hall.id)
      .where('departmentId', 'is not', null)
      .orderBy('number')
      .executeTakeFirstOrThrow();
    const staff = await db.selectFrom('staff').select('id').orderBy('name').executeTakeFirstOrThrow();
    ids = { hallId: hall.id, departmentId: window.departmentId!, windowId: window.id, staffId: staff.id };
  });
  afterAll(() => t?.close());

  it("another county's admin is refused each record by ORG_OUT_OF_REGION, and nothing changes", async () => {
    await createRegion(t, { code: '350997', name: '邻县' });
    const other = await createStaffUser(t, { role: 'admin', regionCode: '350997' });
    for (const [path, body] of [
      [`/api/org/halls/${ids.hallId}`, { phone: '0599-0000001' }],
      [`/api/org/departments/${ids.departmentId}`, { shortName: '越权' }],
      [`/api/org/windows/${ids.windowId}`, { name: '越权窗口' }],
      [`/api/org/staff/${ids.staffId}`, { title: '越权' }],
    ] as const) {
      const r = await other.request('PATCH', path, body);
      expect(r.status, path).toBe(403);
      expect(r.body.code, path).toBe('ORG_OUT_OF_REGION');
    }
    const hall = await t.deps.db
      .selectFrom('hall')
      .select('phone')
      .where('id', '=', ids.hallId)
      .executeTakeFirstOrThrow();
    expect(hall.phone).not.toBe('0599-0000001');
  });

  it("the county's admin changes them in their region; an unknown id is 404", async () => {
    const patched = [
      await admin.request('PATCH', `/api/org/halls/${ids.hallId}`, { phone: '0599-1234567' }),
      await admin.request('PATCH', `/api/org/departments/${ids.departmentId}`, { shortName: '本县' }),
      await admin.request('PATCH', `/api/org/windows/${ids.windowId}`, { name: '本县窗口' }),
      await admin.request('PATCH', `/api/org/staff/${ids.staffId}`, { title: '本县职务' }),
    ];
    expect(patched.map((r) => r.status)).toEqual([200, 200, 200, 200]);
    expect(patched[0]!.body.phone).toBe('0599-1234567');
    expect(patched[1]!.body.shortName).toBe('本县');
    expect(patched[2]!.body.name).toBe('本县窗口');
    expect(patched[3]!.body.title).toBe('本县职务');
    const unknown = await admin.request('PATCH', '/api/org/halls/00000000-0000-4000-8000-000000000000', {
      phone: '0599-7654321',
    });
    expect(unknown.status).toBe(404);
  });

  it('工号 is unique in the region: a second one is refused (409) and nothing changes; a bad one is 400', async () => {
    const db = t.deps.db;
    const taken = (
      await db
        .selectFrom('staff')
        .select('staffNo')
        .where('staffNo', 'is not', null)
        .executeTakeFirstOrThrow()
    ).staffNo!;
    const before = await db.selectFrom('staff').select(['id', 'staffNo']).orderBy('id').execute();
    const input = {
      name: '新进驻人员',
      staffNo: taken,
      departmentId: ids.departmentId,
      employment: 'employee',
      stationedFrom: '2026-01-01',
    };
    const dup = await admin.request('POST', '/api/org/staff', input);
    expect(dup.status, JSON.stringify(dup.body)).toBe(409);
    expect(dup.body.code).toBe('ORG_STAFF_NO_TAKEN');
    const patch = await admin.request('PATCH', `/api/org/staff/${ids.staffId}`, { staffNo: taken });
    const own = before.find((r) => r.id === ids.staffId)!.staffNo === taken;
    expect(patch.status).toBe(own ? 200 : 409);
    const bad = await admin.request('POST', '/api/org/staff', { ...input, staffNo: '工号 1' });
    expect(bad.status).toBe(400);
    expect(await db.selectFrom('staff').select(['id', 'staffNo']).orderBy('id').execute()).toEqual(before);
    // A fresh number, or none (empty is none), is taken as given.
    const fresh = await admin.request('POST', '/api/org/staff', { ...input, staffNo: 'YX-9001' });
    expect(fresh.status).toBe(201);
    expect(fresh.body.staffNo).toBe('YX-9001');
    const none = await admin.request('POST', '/api/org/staff', { ...input, name: '另一位', staffNo: '' });
    expect(none.body.staffNo).toBeNull();
  });

  it("the public board reads the hall's staff in its region", async () => {
    const r = await call(t.app, 'GET', `/api/public/halls/${ids.hallId}/board`);
    expect(r.status).toBe(200);
    expect(r.body.hall.id).toBe(ids.hallId);
    expect(r.body.entries.length).toBeGreaterThan(0);
  });
});
