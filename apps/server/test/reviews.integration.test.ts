import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoQuarter } from '../src/demo/seed-reviews-demo';
import { createTestApp, dbKinds, signIn, type Client, type TestApp } from './harness';

/**
 * Issue 21 through the HTTP app on the demo: 卷宗评查 (FR-1), assessments (ASSESS-1), automatic
 * findings and carry-over.
 */
describe.each(dbKinds())('reviews (%s)', (kind) => {
  let t: TestApp;
  let sup: Client;
  const byUser = new Map<string, Client>();
  const client = async (username: string) => {
    if (!byUser.has(username)) byUser.set(username, await signIn(t.app, username));
    return byUser.get(username)!;
  };
  let depts: { id: string; name: string }[];
  let users: { id: string; username: string; departmentId: string | null; role: string }[];
  const dept = (name: string) => depts.find((d) => d.name === name)!.id;
  let quarter: ReturnType<typeof demoQuarter>;

  beforeAll(async () => {
    t = await createTestApp(kind);
    sup = await signIn(t.app, 'supervisor');
    const admin = await signIn(t.app, 'admin');
    depts = (await admin.request('GET', '/api/org/departments')).body.items;
    users = (await admin.request('GET', '/api/org/users')).body.items;
    quarter = demoQuarter(t.deps.clock.now());
  });
  afterAll(() => t.close());

  const pool = () => users.filter((u) => u.role === 'approver').map((u) => u.id);
  const planInput = (over: Record<string, unknown> = {}) => ({
    title: '测试季度卷宗评查',
    periodStart: quarter.start,
    periodEnd: quarter.end,
    departmentIds: [dept('云溪县卫生健康局'), dept('云溪县住房和城乡建设局')],
    casesPerDepartment: 2,
    reviewerPool: pool(),
    ...over,
  });

  it('FR-1: the seed hash is committed before the draw, the seed revealed after, and the replay reproduces it', async () => {
    const made = await sup.request('POST', '/api/reviews/plans', planInput());
    expect(made.status, JSON.stringify(made.body)).toBe(200);
    expect(made.body.seed).toBeNull();
    expect(made.body.seedHash).toMatch(/^[0-9a-f]{64}$/);
    expect((await sup.request('GET', `/api/reviews/plans/${made.body.id}/replay`)).status).toBe(409);
    const drawn = await sup.request('POST', `/api/reviews/plans/${made.body.id}/draw`);
    expect(drawn.status, JSON.stringify(drawn.body)).toBe(200);
    expect(drawn.body.seed).toMatch(/^[0-9a-f]{64}$/);
    expect(drawn.body.files).toHaveLength(4);
    const replay = await sup.request('GET', `/api/reviews/plans/${made.body.id}/replay`);
    expect(replay.body.hashMatches).toBe(true);
    expect(replay.body.drawMatches).toBe(true);
    const replayed = (replay.body.departments as { drawn: { caseNo: string }[] }[]).flatMap((d) =>
      d.drawn.map((x) => x.caseNo),
    );
    expect(replayed.sort()).toEqual((drawn.body.files as { caseNo: string }[]).map((f) => f.caseNo).sort());
    // FR-1: no file is drawn to a reviewer of its own department.
    for (const f of drawn.body.files as { departmentId: string; reviewerUserId: string }[])
      expect(users.find((u) => u.id === f.reviewerUserId)!.departmentId).not.toBe(f.departmentId);
    expect((await sup.request('POST', `/api/reviews/plans/${made.body.id}/draw`)).status).toBe(409);
  });

  it('FR-1 bad input: a period with no concluded cases, a pool with nobody outside the department → 422', async () => {
    const empty = await sup.request(
      'POST',
      '/api/reviews/plans',
      planInput({ periodStart: '2020-01-01', periodEnd: '2020-03-31' }),
    );
    expect(empty.status).toBe(422);
    expect(empty.body.code).toBe('REVIEWS_NO_CONCLUDED_CASES');
    const sameDept = users.filter((u) => u.departmentId === dept('云溪县卫生健康局')).map((u) => u.id);
    const r = await sup.request(
      'POST',
      '/api/reviews/plans',
      planInput({ departmentIds: [dept('云溪县卫生健康局')], reviewerPool: sameDept }),
    );
    expect(r.status).toBe(422);
    expect(r.body.code).toBe('REVIEWS_NO_ELIGIBLE_REVIEWER');
    expect((await sup.request('GET', '/api/reviews/plans')).body.items).toHaveLength(2);
  });

  it('FR-1: the record pre-fills what it proves; a reviewer of the reviewed department and a score outside the rubric are refused; a low score opens one draft', async () => {
    const plan = (
      await sup.request(
        'POST',
        '/api/reviews/plans',
        planInput({ departmentIds: [dept('云溪县卫生健康局')] }),
      )
    ).body;
    const drawn = (await sup.request('POST', `/api/reviews/plans/${plan.id}/draw`)).body;
    const file = drawn.files[0];
    expect(file.prefill.time_limits.evidence.join('')).toMatch(/承诺时限/);
    expect(file.prefill.signatures.suggested).toBe(15);
    const reviewer = await client(users.find((u) => u.id === file.reviewerUserId)!.username);
    const own = await client('approver3'); // 卫健: the reviewed department
    const full = {
      legal_basis: 20,
      materials_complete: 20,
      time_limits: 20,
      signatures: 15,
      notices: 15,
      archive: 10,
    };
    const conflict = await own.request('POST', `/api/reviews/files/${file.id}/score`, { scores: full });
    expect(conflict.status).toBe(422);
    expect(conflict.body.code).toBe('REVIEWS_REVIEWER_CONFLICT');
    const over = await reviewer.request('POST', `/api/reviews/files/${file.id}/score`, {
      scores: { ...full, signatures: 16 },
    });
    expect(over.status).toBe(422);
    expect(over.body.code).toBe('REVIEWS_BAD_SCORE');
    const extra = await reviewer.request('POST', `/api/reviews/files/${file.id}/score`, {
      scores: { ...full, style: 3 },
    });
    expect(extra.status).toBe(422);
    const before = (await sup.request('GET', '/api/reviews/auto-findings')).body.items.length;
    const low = await reviewer.request('POST', `/api/reviews/files/${file.id}/score`, {
      scores: { ...full, legal_basis: 5, time_limits: 0, archive: 0 },
      comment: '卷内缺少审查意见',
    });
    expect(low.status, JSON.stringify(low.body)).toBe(200);
    expect(low.body.files[0].total).toBe(55);
    expect(
      (await reviewer.request('POST', `/api/reviews/files/${file.id}/score`, { scores: full })).status,
    ).toBe(409);
    const after = (await sup.request('GET', '/api/reviews/auto-findings')).body.items as {
      rule: string;
      causeKey: string;
      title: string;
      facts: Record<string, unknown> | null;
      evidence: { kind: string; id: string; ref?: string; note?: string }[];
    }[];
    expect(after.length).toBe(before + 1);
    const f = after.find((x) => x.causeKey === `file:${file.id}`)!;
    expect(f.rule).toBe('low_review_score');
    // The title names the plan: the same case scored low in two plans reads as two findings.
    expect(f.title).toBe(`卷宗评查得分偏低：办件 ${file.caseNo} 得 55 分（测试季度卷宗评查）`);
    expect(f.evidence.map((e) => e.kind)).toEqual(['review_file', 'case']);
    // What the title was made from, for a screen in English; the evidence says what each record is.
    expect(f.facts).toEqual({
      caseNo: file.caseNo,
      total: 55,
      plan: '测试季度卷宗评查',
      threshold: 60,
      comment: '卷内缺少审查意见',
    });
    expect(f.evidence.map((e) => [e.ref, e.note ?? null])).toEqual([
      [file.caseNo, '55'],
      [file.caseNo, null],
    ]);
    const docx = await sup.request('GET', `/api/reviews/plans/${plan.id}/report.docx`);
    expect(docx.status).toBe(200);
  });

  it('the demo has a finished review with results per department', async () => {
    const plans = (await sup.request('GET', '/api/reviews/plans')).body.items as {
      id: string;
      status: string;
    }[];
    const finished = plans.find((p) => p.status === 'finished')!;
    const detail = (await sup.request('GET', `/api/reviews/plans/${finished.id}`)).body;
    expect(detail.results).toHaveLength(3);
    expect(detail.files.every((f: { total: number | null }) => f.total !== null)).toBe(true);
  });

  it('ASSESS-1: the breakdown sums to the score, ranks tie only on equal scores, and a computed assessment cannot be edited', async () => {
    const list = (await sup.request('GET', '/api/reviews/assessments')).body.items as { id: string }[];
    expect(list.length).toBeGreaterThan(0);
    const a = (await sup.request('GET', `/api/reviews/assessments/${list[0]!.id}`)).body;
    for (const u of a.units as { score: number; indicators: { points: number; status: string }[] }[]) {
      const sum = u.indicators.reduce((s, i) => s + Math.round(i.points * 100), 0);
      expect(sum).toBe(Math.round(u.score * 100));
    }
    const units = a.units as {
      score: number;
      rank: number;
      unitName: string;
      indicators: { key: string; status: string; records: { ids: string[] } }[];
    }[];
    for (const u of units) for (const v of units) expect(u.rank === v.rank).toBe(u.score === v.score);
    const health = units.find((u) => u.unitName === '云溪县卫生健康局')!;
    const onTime = health.indicators.find((i) => i.key === 'on_time_rate')!;
    expect(onTime.status).toBe('recorded');
    expect(onTime.records.ids.length).toBeGreaterThan(0);
    expect(health.indicators.find((i) => i.key === 'complaints')!.status).toBe('recorded');
    const edit = await sup.request('PATCH', `/api/reviews/assessments/${a.id}`, { score: 100 });
    expect(edit.status).toBe(409);
    expect(edit.body.code).toBe('REVIEWS_ASSESSMENT_COMPUTED');
    const again = (await sup.request('GET', `/api/reviews/assessments/${a.id}`)).body;
    expect(again.units).toEqual(a.units);
    expect((await sup.request('GET', `/api/reviews/assessments/${a.id}/report.docx`)).status).toBe(200);
  });

  it('automatic findings: the demo has each state; a cause fires once; a dismissed one stays dismissed', async () => {
    const items = (await sup.request('GET', '/api/reviews/auto-findings')).body.items as {
      status: string;
      rule: string;
    }[];
    expect(new Set(items.map((i) => i.status))).toEqual(new Set(['draft', 'accepted', 'dismissed']));
    for (const m of [quarter.months[2]!, quarter.next]) {
      const r = await sup.request('POST', '/api/reviews/auto-findings/evaluate', { month: m });
      expect(r.status).toBe(200);
      expect(r.body.opened).toBe(0);
    }
    const dismissed = items.filter((i) => i.status === 'dismissed');
    const after = (await sup.request('GET', '/api/reviews/auto-findings?status=dismissed')).body.items;
    expect(after).toHaveLength(dismissed.length);
    // A lower bar opens new causes once, never twice.
    await sup.request('PUT', '/api/reviews/rules/red_share_two_months', { threshold: 0 });
    const first = await sup.request('POST', '/api/reviews/auto-findings/evaluate', {
      month: quarter.months[1]!,
    });
    const second = await sup.request('POST', '/api/reviews/auto-findings/evaluate', {
      month: quarter.months[1]!,
    });
    expect(first.body.opened).toBeGreaterThan(0);
    expect(second.body.opened).toBe(0);
    // Each opened finding keeps the facts its Chinese title was filled in with.
    const red = (
      (await sup.request('GET', '/api/reviews/auto-findings?status=draft')).body.items as {
        rule: string;
        title: string;
        facts: Record<string, string | number | null> | null;
        evidence: { kind: string; ref?: string; note?: string }[];
      }[]
    ).filter((f) => f.rule === 'red_share_two_months' && f.facts);
    expect(red.length).toBeGreaterThan(0);
    for (const f of red) {
      expect(f.facts!.threshold).toBe(0);
      expect(f.title).toBe(
        `${f.facts!.department}连续两月超期办结占比超标（${f.facts!.from} ${f.facts!.shareFrom}，${f.facts!.to} ${f.facts!.shareTo}）`,
      );
      expect(f.evidence.every((e) => e.kind === 'case' && e.note === 'overdue' && e.ref)).toBe(true);
    }
  });

  it('an automatic finding accepted into a 自查 lands in the ledger; accepting twice is refused', async () => {
    const draft = (await sup.request('GET', '/api/reviews/auto-findings?status=draft')).body.items[0];
    const r = await sup.request('POST', `/api/reviews/auto-findings/${draft.id}/accept`, {
      newInspection: { kind: 'self_check', team: '督查科', inspectedUnit: '云溪县住房和城乡建设局' },
    });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.status).toBe('accepted');
    const inspection = (await sup.request('GET', `/api/ledger/inspections/${r.body.ledgerInspectionId}`))
      .body;
    expect(inspection.inspection.kind).toBe('self_check');
    expect(inspection.findings.map((f: { id: string }) => f.id)).toContain(r.body.ledgerFindingId);
    expect(
      (await sup.request('POST', `/api/reviews/auto-findings/${draft.id}/dismiss`, { reason: '重复' }))
        .status,
    ).toBe(409);
    const other = (await sup.request('GET', '/api/reviews/auto-findings?status=draft')).body.items[0];
    const bad = await sup.request('POST', `/api/reviews/auto-findings/${other.id}/dismiss`, { reason: '' });
    expect(bad.status).toBe(400);
  });

  it('新官要理旧账: open findings carry into the unit’s next inspection once, linked to their history', async () => {
    const unit = '云溪县住房和城乡建设局';
    const a = (
      await sup.request('POST', '/api/ledger/inspections', {
        kind: 'self_check',
        team: '督查科',
        inspectedUnit: unit,
      })
    ).body;
    await sup.request('POST', `/api/ledger/inspections/${a.id}/findings`, { title: '窗口未公示办事指南' });
    await sup.request('POST', `/api/ledger/inspections/${a.id}/findings`, { title: '超期办件未说明原因' });
    const b = (
      await sup.request('POST', '/api/ledger/inspections', {
        kind: 'self_check',
        team: '督查科',
        inspectedUnit: unit,
      })
    ).body;
    const r = await sup.request('POST', '/api/reviews/carry-over', {
      fromInspectionId: a.id,
      toInspectionId: b.id,
    });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.carried).toBe(2);
    expect(
      (await sup.request('POST', '/api/reviews/carry-over', { fromInspectionId: a.id, toInspectionId: b.id }))
        .body.carried,
    ).toBe(0);
    const next = (await sup.request('GET', `/api/ledger/inspections/${b.id}`)).body;
    expect(next.inspection.carriedOverFromId).toBe(a.id);
    expect(next.findings.map((f: { carriedOverFromId: string }) => f.carriedOverFromId).sort()).toHaveLength(
      2,
    );
    // The public report counts them honestly: in the total, and said to be carried over.
    const report = (await sup.request('GET', `/api/ledger/inspections/${b.id}/report`)).body;
    expect(report.numbers.findingsTotal).toBe(2);
    expect(report.numbers.findingsCarriedOver).toBe(2);
    expect(JSON.stringify(report)).toContain('含上一轮检查延续未完成整改的2个');
    const other = (
      await sup.request('POST', '/api/ledger/inspections', {
        kind: 'self_check',
        team: '督查科',
        inspectedUnit: '别的单位',
      })
    ).body;
    expect(
      (
        await sup.request('POST', '/api/reviews/carry-over', {
          fromInspectionId: a.id,
          toInspectionId: other.id,
        })
      ).status,
    ).toBe(400);
  });

  it('SOD-1: a breach the record proves and the reviewer confirms opens one review_sod_breach draft, once', async () => {
    const plan = (
      await sup.request(
        'POST',
        '/api/reviews/plans',
        planInput({ departmentIds: [dept('云溪县市场监督管理局')], casesPerDepartment: 1 }),
      )
    ).body;
    const file = (await sup.request('POST', `/api/reviews/plans/${plan.id}/draw`)).body.files[0];
    // Constructed record: the file's pre-fill as it reads when one person signed 审查 and 决定.
    await t.deps.db
      .updateTable('reviewFile')
      .set({
        prefill: JSON.stringify({
          ...file.prefill,
          signatures: { suggested: 0, evidence: ['同一人（郑可欣）签署了审查、决定2个环节'] },
        }),
      })
      .where('id', '=', file.id)
      .execute();
    const reviewer = await client(users.find((u) => u.id === file.reviewerUserId)!.username);
    const full = {
      legal_basis: 20,
      materials_complete: 20,
      time_limits: 20,
      signatures: 0,
      notices: 15,
      archive: 10,
    };
    expect(
      (await reviewer.request('POST', `/api/reviews/files/${file.id}/score`, { scores: full })).status,
    ).toBe(200);
    const mine = (await sup.request('GET', '/api/reviews/auto-findings')).body.items.filter(
      (f: { causeKey: string }) => f.causeKey === `file:${file.id}`,
    );
    expect(mine.map((f: { rule: string }) => f.rule)).toEqual(['review_sod_breach']);
    expect(mine[0].description).toContain('郑可欣');
    expect(
      (await reviewer.request('POST', `/api/reviews/files/${file.id}/score`, { scores: full })).status,
    ).toBe(409);
  });
});
