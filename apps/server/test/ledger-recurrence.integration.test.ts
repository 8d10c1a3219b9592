import type { MeasureRecurrence } from '@tongban/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enqueueLedgerReminders } from '../src/modules/ledger';
import { createTestApp, dbKinds, signIn, type TestApp } from './harness';

/**
 * 长期坚持 after sign-off (issue 15): REC-1 over time. A signed-off ongoing measure needs fresh
 * evidence from its owner each period; the period due shows in the ledger and as a to-do in the
 * owner's inbox, a period that ends without evidence is a visible lapse, and the measure is never
 * asked to be signed off again.
 */
describe.each(dbKinds())('ledger: 长期坚持 measures recur after sign-off (%s)', (kind) => {
  let t: TestApp;
  let measureId = '';
  let clerkId = '';
  // Sessions expire as the clock moves by months: each step signs in afresh.
  const as = (name: string) => signIn(t.app, name);
  const row = async () => {
    const r = await (
      await as('supervisor')
    ).request('GET', `/api/ledger/measures?q=${encodeURIComponent('每月抽查')}`);
    return (r.body.items as { measureId: string; status: string; recurrence: MeasureRecurrence }[]).find(
      (x) => x.measureId === measureId,
    )!;
  };
  const inbox = async (filter: 'all' | 'todo') =>
    (
      (await (await as('clerk')).request('GET', `/api/inbox?filter=${filter}`)).body.items as {
        kind: string;
        title: string;
      }[]
    ).filter((i) => i.kind.startsWith('ledger.measure.recur'));

  beforeAll(async () => {
    t = await createTestApp(kind);
    const supervisor = await as('supervisor');
    const clerk = await as('clerk');
    clerkId = clerk.user.id;
    const saved = await supervisor.request('POST', '/api/ledger/drafts', {
      inspection: { kind: 'unannounced', team: '县委第三督查组', inspectedUnit: '县政务服务中心' },
      categories: [],
      findings: [{ title: '窗口服务质量不稳定', measures: [] }],
    });
    expect(saved.status, JSON.stringify(saved.body)).toBe(201);
    const detail = await supervisor.request('GET', `/api/ledger/inspections/${saved.body.inspectionId}`);
    const m = await supervisor.request(
      'POST',
      `/api/ledger/findings/${detail.body.findings[0].id}/measures`,
      {
        content: '每月抽查窗口服务录像',
        kind: 'ongoing',
        recurPeriod: 'month',
        ownerUserId: clerkId,
      },
    );
    expect(m.status, JSON.stringify(m.body)).toBe(201);
    measureId = m.body.id;
  });
  afterAll(() => t.close());

  const progress = async (body: Record<string, unknown>) =>
    (await as('clerk')).request('POST', `/api/ledger/measures/${measureId}/progress`, body);

  it('REC-1: signed off with evidence by another person; the sign-off period needs nothing more', async () => {
    // 2026-11-20 (the test clock)
    expect(
      (
        await progress({
          date: '2026-11-20',
          text: '已抽查',
          evidenceText: '抽查记录第1期',
          requestSignoff: true,
        })
      ).status,
    ).toBe(201);
    const s = await (
      await as('leader')
    ).request('POST', `/api/ledger/measures/${measureId}/signoff`, { comment: '属实' });
    expect(s.status, JSON.stringify(s.body)).toBe(200);
    const r = await row();
    expect(r.status).toBe('signed_off');
    expect(r.recurrence).toMatchObject({
      period: 'month',
      current: { label: '2026年11月', done: true },
      lapsed: [],
    });
  });

  it('REC-1: the next month fresh evidence is due — in the ledger and as a to-do in the owner inbox', async () => {
    t.clock.set(new Date('2026-12-03T02:00:00Z'));
    expect((await row()).recurrence).toMatchObject({
      current: { label: '2026年12月', end: '2026-12-31', done: false },
    });
    await enqueueLedgerReminders(t.deps, t.clock.now());
    await enqueueLedgerReminders(t.deps, t.clock.now()); // the job runs often: delivered once
    const todos = await inbox('todo');
    expect(todos.map((i) => i.kind)).toEqual(['ledger.measure.recur_due']);
    expect(todos[0]!.title).toContain('2026年12月');
  });

  it('REC-1: progress without evidence does not count, and no new sign-off can be asked for', async () => {
    expect((await progress({ date: '2026-12-03', text: '本月已抽查' })).status).toBe(201);
    expect((await row()).recurrence.current.done).toBe(false);
    const again = await progress({
      date: '2026-12-03',
      text: '申请销号',
      evidenceText: '记录',
      requestSignoff: true,
    });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('LEDGER_ALREADY_SIGNED_OFF');
  });

  it('REC-1: evidence of the month satisfies it and closes the to-do', async () => {
    const p = await progress({ date: '2026-12-04', text: '本月抽查8段录像', evidenceText: '抽查记录第2期' });
    expect(p.status, JSON.stringify(p.body)).toBe(201);
    expect((await row()).recurrence).toMatchObject({ current: { done: true }, lapsed: [] });
    expect(await inbox('todo')).toEqual([]);
  });

  it('REC-1: a month that ends without evidence is a lapse, shown and sent to the owner', async () => {
    t.clock.set(new Date('2027-02-10T02:00:00Z'));
    const r = await row();
    expect(r.status).toBe('signed_off'); // the sign-off stands; the lapse is shown beside it
    expect(r.recurrence.lapsed.map((p) => p.label)).toEqual(['2027年1月']);
    expect(r.recurrence.current).toMatchObject({ label: '2027年2月', done: false });
    await enqueueLedgerReminders(t.deps, t.clock.now());
    const all = await inbox('all');
    expect(all.filter((i) => i.kind === 'ledger.measure.recur_lapsed').map((i) => i.title)).toEqual([
      expect.stringContaining('2027年1月'),
    ]);
    expect((await inbox('todo')).map((i) => i.title)).toEqual([expect.stringContaining('2027年2月')]);
  });

  it('a signed-off measure of another kind takes no more progress (unchanged)', async () => {
    const supervisor = await as('supervisor');
    const mine = await supervisor.request('GET', '/api/ledger/measures?status=signed_off');
    const other = (mine.body.items as { measureId: string; kind: string }[]).find(
      (x) => x.kind !== 'ongoing',
    );
    expect(other).toBeDefined();
    const p = await supervisor.request('POST', `/api/ledger/measures/${other!.measureId}/progress`, {
      date: '2027-02-10',
      text: '补充',
      evidenceText: '记录',
    });
    expect(p.status).toBe(409);
    expect(p.body.code).toBe('LEDGER_ALREADY_SIGNED_OFF');
  });
});
