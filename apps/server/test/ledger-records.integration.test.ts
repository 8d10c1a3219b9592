import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_LEDGER as L } from '../src/demo/seed-ledger-demo';
import { createTestApp, dbKinds, signIn, type Client, type TestApp } from './harness';

/**
 * What the ledger screens of issue 15 record on a saved inspection: findings and measures added
 * after the import, 问责 by kind and person count, 追缴/退还, per finding, counted in the report
 * (TRUTH-1) — and who may record them.
 */
describe.each(dbKinds())('ledger records on a saved inspection (%s)', (kind) => {
  let t: TestApp;
  let supervisor: Client;
  let leader: Client;
  let clerk: Client;
  let inspector: Client;
  let inspectionId = '';
  let findingId = '';

  beforeAll(async () => {
    t = await createTestApp(kind);
    supervisor = await signIn(t.app, 'supervisor');
    leader = await signIn(t.app, 'leader');
    clerk = await signIn(t.app, 'clerk');
    inspector = await signIn(t.app, 'inspector');
    const saved = await supervisor.request('POST', '/api/ledger/drafts', {
      inspection: { kind: 'unannounced', team: '县委第二督查组', inspectedUnit: '县政务服务中心' },
      categories: [],
      findings: [
        {
          title: '咨询台无人值守',
          measures: [
            {
              content: '安排专人轮流值守',
              kind: 'immediate',
              source: { line: 4, text: '1.安排', confidence: 0.6 },
            },
          ],
          source: { line: 3, text: '一、咨询台无人值守', confidence: 0.5 },
        },
      ],
    });
    expect(saved.status, JSON.stringify(saved.body)).toBe(201);
    inspectionId = saved.body.inspectionId;
    const detail = await supervisor.request('GET', `/api/ledger/inspections/${inspectionId}`);
    findingId = detail.body.findings[0].id;
  });
  afterAll(() => t.close());

  const numbers = async () =>
    (await leader.request('GET', `/api/ledger/inspections/${inspectionId}/report`)).body.numbers;

  it('adds a finding and a measure to a saved inspection', async () => {
    const f = await supervisor.request('POST', `/api/ledger/inspections/${inspectionId}/findings`, {
      title: '引导标识不清',
      description: '大厅二楼无指引。',
    });
    expect(f.status, JSON.stringify(f.body)).toBe(201);
    const m = await supervisor.request('POST', `/api/ledger/findings/${f.body.id}/measures`, {
      content: '更换引导标识12块',
      kind: 'deadline',
      dueDate: '2027-01-31',
    });
    expect(m.status, JSON.stringify(m.body)).toBe(201);
    const n = await numbers();
    expect(n.findingsTotal).toBe(2);
    expect(n.measuresTotal).toBe(2);
    // TRUTH-1 / REC-1: nothing is done until signed off.
    expect(n.measuresDone).toBe(0);
  });

  it('records 问责 by kind and person count and a recovered sum per finding; the report counts them', async () => {
    const a = await supervisor.request('POST', `/api/ledger/inspections/${inspectionId}/accountability`, {
      kind: 'admonishment_talk',
      count: 2,
      date: '2026-11-20',
      findingId,
      names: '（内部）',
    });
    expect(a.status, JSON.stringify(a.body)).toBe(201);
    const r = await supervisor.request('POST', `/api/ledger/inspections/${inspectionId}/recoveries`, {
      kind: 'recovered',
      amountFen: 150050,
      date: '2026-11-20',
      findingId,
    });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    const leads = await supervisor.request('PATCH', `/api/ledger/inspections/${inspectionId}`, {
      leadsReferred: 1,
    });
    expect(leads.status).toBe(200);

    const n = await numbers();
    expect(n.accountabilityTotal).toBe(2);
    expect(n.accountability.admonishment_talk).toBe(2);
    expect(n.recoveredFen).toBe(150050);
    expect(n.leadsReferred).toBe(1);
    const detail = await supervisor.request('GET', `/api/ledger/inspections/${inspectionId}`);
    expect(detail.body.accountability[0]).toMatchObject({ kind: 'admonishment_talk', count: 2 });
  });

  it('deletes a finding or measure still in draft; one with a record (progress, 问责) stays (REC-1)', async () => {
    const f = await supervisor.request('POST', `/api/ledger/inspections/${inspectionId}/findings`, {
      title: '误拆出的问题',
    });
    const m1 = await supervisor.request('POST', `/api/ledger/findings/${f.body.id}/measures`, {
      content: '误拆出的措施',
      kind: 'immediate',
    });
    const m2 = await supervisor.request('POST', `/api/ledger/findings/${f.body.id}/measures`, {
      content: '已有进展的措施',
      kind: 'immediate',
    });
    expect(m2.status).toBe(201);
    const progress = await supervisor.request('POST', `/api/ledger/measures/${m2.body.id}/progress`, {
      date: '2026-11-20',
      text: '已开始',
    });
    expect(progress.status).toBe(201);
    const total = (await numbers()).measuresTotal;

    expect((await clerk.request('DELETE', `/api/ledger/measures/${m1.body.id}`)).status).toBe(403);
    expect((await supervisor.request('DELETE', `/api/ledger/measures/${m1.body.id}`)).status).toBe(200);
    const kept = await supervisor.request('DELETE', `/api/ledger/measures/${m2.body.id}`);
    expect(kept.status).toBe(409);
    expect(kept.body.code).toBe('LEDGER_HAS_RECORD');
    expect(kept.body.message).toMatch(/不能删除/);
    // The finding holds a measure with progress: it stays too, and so does the one with 问责.
    expect((await supervisor.request('DELETE', `/api/ledger/findings/${f.body.id}`)).status).toBe(409);
    expect((await supervisor.request('DELETE', `/api/ledger/findings/${findingId}`)).body.code).toBe(
      'LEDGER_HAS_RECORD',
    );
    expect((await numbers()).measuresTotal).toBe(total - 1);

    const bare = await supervisor.request('POST', `/api/ledger/inspections/${inspectionId}/findings`, {
      title: '重复导入的问题',
    });
    await supervisor.request('POST', `/api/ledger/findings/${bare.body.id}/measures`, {
      content: '重复的措施',
      kind: 'immediate',
    });
    const before = await numbers();
    expect((await supervisor.request('DELETE', `/api/ledger/findings/${bare.body.id}`)).status).toBe(200);
    const after = await numbers();
    expect(after.findingsTotal).toBe(before.findingsTotal - 1);
    expect(after.measuresTotal).toBe(before.measuresTotal - 1);
  });

  it('access: a clerk or an inspector may not record; bad input is a 400 in Chinese, nothing written', async () => {
    const body = { kind: 'reminder_talk', count: 1, date: '2026-11-20', findingId };
    for (const who of [clerk, inspector]) {
      const r = await who.request('POST', `/api/ledger/inspections/${inspectionId}/accountability`, body);
      expect(r.status).toBe(403);
    }
    const bad = await supervisor.request('POST', `/api/ledger/inspections/${inspectionId}/accountability`, {
      ...body,
      count: 0,
    });
    expect(bad.status).toBe(400);
    expect(bad.body.message).toMatch(/[\u4e00-\u9fff]/);
    // A finding of another inspection cannot carry this inspection's recovery.
    const elsewhere = await supervisor.request('POST', `/api/ledger/inspections/${inspectionId}/recoveries`, {
      kind: 'refunded',
      amountFen: 100,
      date: '2026-11-20',
      findingId: L.openFindingId,
    });
    expect(elsewhere.status).toBeGreaterThanOrEqual(400);
    expect(elsewhere.status).toBeLessThan(500);
    const n = await numbers();
    expect(n.accountabilityTotal).toBe(2);
    expect(n.refundedFen).toBe(0);
  });
});
