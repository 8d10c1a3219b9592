import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeIdNumber } from '../src/demo/seed-cases-demo';
import { DEMO_CATALOG as C } from '../src/demo/seed-catalog-demo';
import { createTestApp, dbKinds, signIn, type Client, type TestApp } from './harness';

// Issue 14 point 7: the window decides before anything is created; an abandoned intake leaves nothing.
const FOOD_ALL = [
  { name: '食品经营许可申请书', status: 'provided' },
  { name: '营业执照', status: 'provided' },
  { name: '经营场所平面布局图和设备布局、操作流程说明', status: 'provided' },
  { name: '食品安全自查、从业人员健康管理、进货查验等管理制度', status: 'provided' },
];
const LAYOUT = '经营场所平面布局图和设备布局、操作流程说明';

describe.each(dbKinds())('intake with its decision (%s)', (kind) => {
  let t: TestApp;
  let clerk: Client;
  let seq = 700;

  beforeAll(async () => {
    t = await createTestApp(kind);
    clerk = await signIn(t.app, 'clerk');
  });
  afterAll(() => t.close());

  const newPerson = async () => {
    const r = await clerk.request('POST', '/api/applicants', {
      kind: 'person',
      name: `收件测试${seq}`,
      idNumber: makeIdNumber('110105', '19860101', seq++),
      phone: '13812345678',
    });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    return r.body.id as string;
  };
  const counts = async () => {
    const n = async (table: 'serviceCase' | 'caseNotice' | 'auditLog') =>
      Number(
        (
          await t.deps.db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    return { cases: await n('serviceCase'), notices: await n('caseNotice'), audit: await n('auditLog') };
  };
  const withLayoutMissing = FOOD_ALL.map((m) => (m.name === LAYOUT ? { ...m, status: 'missing' } : m));

  it('the preview shows what the case would record and creates nothing', async () => {
    const applicantId = await newPerson();
    const before = await counts();
    const r = await clerk.request('POST', '/api/cases/intake-preview', {
      itemId: C.foodItemId,
      applicantId,
      materials: withLayoutMissing,
    });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    const layout = (r.body.materials as { name: string; status: string }[]).find((m) => m.name === LAYOUT);
    expect(layout?.status).toBe('missing');
    expect(await counts()).toEqual(before);
  });

  it('ACC-1: a 受理 refused for missing materials leaves no case, notice or audit entry', async () => {
    const applicantId = await newPerson();
    const before = await counts();
    const r = await clerk.request('POST', '/api/cases', {
      itemId: C.foodItemId,
      applicantId,
      materials: withLayoutMissing,
      decision: { action: 'accept', body: {} },
    });
    expect(r.status).toBe(409);
    expect(r.body.code).toBe('CASE_MATERIALS_MISSING');
    expect(await counts()).toEqual(before);
  });

  it('a 不予受理 without its reason is a 400 and leaves nothing', async () => {
    const applicantId = await newPerson();
    const before = await counts();
    const r = await clerk.request('POST', '/api/cases', {
      itemId: C.foodItemId,
      applicantId,
      materials: FOOD_ALL,
      decision: { action: 'refuse', body: { reason: '', redirectTo: '' } },
    });
    expect(r.status).toBe(400);
    expect(await counts()).toEqual(before);
  });

  it('ACC-2: 受理 with the intake creates the case accepted, with its notice, once per key', async () => {
    const applicantId = await newPerson();
    const before = await counts();
    const body = {
      itemId: C.foodItemId,
      applicantId,
      materials: FOOD_ALL,
      decision: { action: 'accept', body: {} },
    };
    const key = { 'idempotency-key': `intake-decision-${seq}` };
    const r = await clerk.request('POST', '/api/cases', body, key);
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect(r.body.status).toBe('accepted');
    expect((r.body.notices as { kind: string }[]).map((n) => n.kind)).toEqual(['accept']);
    const again = await clerk.request('POST', '/api/cases', body, key);
    expect(again.body.id).toBe(r.body.id);
    const after = await counts();
    expect([after.cases - before.cases, after.notices - before.notices]).toEqual([1, 1]);
  });

  it('ACC-1: 一次性告知 with the intake creates the case waiting for its supplement', async () => {
    const applicantId = await newPerson();
    const r = await clerk.request('POST', '/api/cases', {
      itemId: C.foodItemId,
      applicantId,
      materials: withLayoutMissing,
      decision: { action: 'request-supplement', body: { faulty: [], note: '' } },
    });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect(r.body.status).toBe('supplement_requested');
    expect((r.body.notices as { kind: string }[]).map((n) => n.kind)).toEqual(['supplement']);
  });
});
