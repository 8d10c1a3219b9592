import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_LEDGER as L } from '../src/demo/seed-ledger-demo';
import { createTestApp, dbKinds, signIn, type Client, type TestApp } from './harness';

/** The per-inspection dashboard: every figure computed from the records at request time (TRUTH-1). */
describe.each(dbKinds())('ledger dashboard (%s)', (kind) => {
  let t: TestApp;
  let leader: Client;
  let supervisor: Client;
  let clerk: Client;
  beforeAll(async () => {
    t = await createTestApp(kind);
    leader = await signIn(t.app, 'leader');
    supervisor = await signIn(t.app, 'supervisor');
    clerk = await signIn(t.app, 'clerk');
  });
  afterAll(() => t.close());

  it('TRUTH-1: states and overdue-by-department equal an independent count of the ledger view and the report', async () => {
    const d = await leader.request('GET', `/api/ledger/inspections/${L.inspectionId}/dashboard`);
    expect(d.status).toBe(200);
    const view = (await leader.request('GET', `/api/ledger/measures?inspectionId=${L.inspectionId}`)).body
      .items as { status: string; department: string; departmentId: string | null }[];
    const byState: Record<string, number> = {};
    for (const m of view) byState[m.status] = (byState[m.status] ?? 0) + 1;
    expect(d.body.measuresTotal).toBe(view.length);
    for (const [s, n] of Object.entries(d.body.measuresByState)) expect(n, s).toBe(byState[s] ?? 0);
    expect(d.body.measuresByState.overdue).toBeGreaterThan(0);

    const overdue = new Map<string, number>();
    for (const m of view.filter((x) => x.status === 'overdue'))
      overdue.set(m.department, (overdue.get(m.department) ?? 0) + 1);
    expect(
      Object.fromEntries(
        d.body.overdueByDepartment.map((x: { department: string; overdue: number }) => [
          x.department,
          x.overdue,
        ]),
      ),
    ).toEqual(Object.fromEntries(overdue));

    const report = (await leader.request('GET', `/api/ledger/inspections/${L.inspectionId}/report`)).body
      .numbers;
    expect(d.body.findingsTotal).toBe(report.findingsTotal);
    expect(d.body.findingsByState.done).toBe(report.findingsDone);
    expect(d.body.findingsByState.in_progress).toBe(report.findingsInProgress);
    expect(d.body.findingsByState.no_measure).toBe(report.findingsWithoutMeasures);
    expect(d.body.asOf).toBe('2026-11-20');
  });

  it('progress over time: entries per week and measures signed off cumulatively, by week from Monday', async () => {
    const i = await leader.request('POST', '/api/ledger/inspections', {
      kind: 'self_check',
      team: '局自查组',
      inspectedUnit: '云溪县行政审批服务局',
      feedbackDate: '2026-10-28',
    });
    const f = await leader.request('POST', `/api/ledger/inspections/${i.body.id}/findings`, {
      title: '看板测试',
    });
    const measure = async (content: string) =>
      (
        await leader.request('POST', `/api/ledger/findings/${f.body.id}/measures`, {
          content,
          kind: 'deadline',
          dueDate: '2026-11-30',
          ownerUserId: clerk.user.id,
        })
      ).body.id as string;
    const m1 = await measure('措施一');
    const m2 = await measure('措施二');
    const url = `/api/ledger/inspections/${i.body.id}/dashboard`;

    const empty = (await supervisor.request('GET', url)).body;
    expect(empty.measuresByState.not_started).toBe(2);
    expect(empty.findingsByState).toEqual({ done: 0, in_progress: 1, ongoing: 0, no_measure: 0 });
    // From the week of the feedback date (Wed 2026-10-28 → Mon 2026-10-26) to this week.
    expect(empty.progressByWeek.map((w: { weekStart: string }) => w.weekStart)).toEqual([
      '2026-10-26',
      '2026-11-02',
      '2026-11-09',
      '2026-11-16',
    ]);

    const add = (id: string, date: string, extra: Record<string, unknown> = {}) =>
      clerk.request('POST', `/api/ledger/measures/${id}/progress`, { date, text: `进展 ${date}`, ...extra });
    await add(m1, '2026-11-02');
    await add(m2, '2026-11-08'); // a Sunday: still the week of 11-02
    await add(m1, '2026-11-12');
    await add(m1, '2026-11-19', { evidenceText: '整改报告', requestSignoff: true });
    expect((await supervisor.request('POST', `/api/ledger/measures/${m1}/signoff`, {})).status).toBe(200);

    const d = (await supervisor.request('GET', url)).body;
    expect(
      d.progressByWeek.map(
        (w: { weekStart: string; progressEntries: number; signedOffCumulative: number }) => [
          w.weekStart,
          w.progressEntries,
          w.signedOffCumulative,
        ],
      ),
    ).toEqual([
      ['2026-10-26', 0, 0],
      ['2026-11-02', 2, 0],
      ['2026-11-09', 1, 0],
      ['2026-11-16', 1, 1],
    ]);
    expect(d.measuresByState).toMatchObject({ signed_off: 1, in_progress: 1, not_started: 0 });
    expect(d.findingsByState).toEqual({ done: 0, in_progress: 1, ongoing: 0, no_measure: 0 });

    // A 回头看 shows in the week it happened and takes the measure out of the cumulative count.
    expect(
      (await leader.request('POST', `/api/ledger/measures/${m1}/reopen`, { reason: '回头看：未长效' }))
        .status,
    ).toBe(200);
    const after = (await supervisor.request('GET', url)).body;
    expect(after.progressByWeek.at(-1)).toMatchObject({
      weekStart: '2026-11-16',
      signedOffCumulative: 0,
      reopened: 1,
    });
    expect(after.measuresByState.signed_off).toBe(0);
  });

  it('readers of the ledger see it, others are refused; an unknown inspection is 404', async () => {
    const inspector = await signIn(t.app, 'inspector');
    expect(
      (await inspector.request('GET', `/api/ledger/inspections/${L.inspectionId}/dashboard`)).status,
    ).toBe(200);
    const applicant = await signIn(t.app, 'applicant');
    expect(
      (await applicant.request('GET', `/api/ledger/inspections/${L.inspectionId}/dashboard`)).status,
    ).toBe(403);
    const missing = await leader.request(
      'GET',
      '/api/ledger/inspections/00000000-0000-4000-8000-000000000000/dashboard',
    );
    expect(missing.status).toBe(404);
  });
});
