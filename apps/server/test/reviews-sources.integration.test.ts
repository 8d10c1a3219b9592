import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoQuarter } from '../src/demo/seed-reviews-demo';
import { verifyAssessments } from '../src/modules/reviews';
import { createTestApp, dbKinds, signIn, type Client, type TestApp } from './harness';

/**
 * Issue 21: the automatic rules and assessment indicators fed by evaluations (差评), complaints and
 * hall patrols, on records constructed in a month the demo leaves empty; and ASSESS-1's recompute in
 * truth:verify (TRUTH-1). Each rule fires once, never twice, and a dismissed cause stays dismissed.
 */
const MONTH = '2021-03';
const at = (day: number) => new Date(`${MONTH}-${String(day).padStart(2, '0')}T10:00:00+08:00`);

describe.each(dbKinds())('reviews sources (%s)', (kind) => {
  let t: TestApp;
  let sup: Client;
  let dept: { id: string; name: string };
  let item: { id: string; name: string };
  let otherItem: { id: string; name: string };
  let window: { id: string; hallId: string; departmentId: string; otherId: string };
  let patrolId: string;
  let seq = 0;

  const db = () => t.deps.db;
  const badRating = (it: { id: string; name: string }, day: number, excluded = false) =>
    db()
      .insertInto('evalRating')
      .values({
        regionCode: '350999',
        channel: 'online',
        caseId: randomUUID(),
        level: 1,
        realName: true,
        reasonCategory: 'attitude',
        createdAt: at(day),
        caseConcludedAt: at(day),
        departmentId: dept.id,
        departmentName: dept.name,
        itemId: it.id,
        itemName: it.name,
        excluded,
        excludedReason: excluded ? '申诉复核：误评' : null,
      })
      .execute();
  const goodRating = (day: number) =>
    db()
      .insertInto('evalRating')
      .values({
        regionCode: '350999',
        channel: 'online',
        caseId: randomUUID(),
        level: 5,
        realName: true,
        createdAt: at(day),
        caseConcludedAt: at(day),
        departmentId: dept.id,
        departmentName: dept.name,
        itemId: item.id,
        itemName: item.name,
      })
      .execute();
  const complaintAbout = (windowId: string, day: number) =>
    db()
      .insertInto('complaint')
      .values({
        regionCode: '350999',
        orderNo: `TEST-RV-${kind}-${++seq}`,
        source: 'window',
        type: 'complain',
        title: '窗口服务问题',
        content: '窗口人员态度生硬',
        anonymous: true,
        subjectKind: 'window',
        subjectId: windowId,
        status: 'received',
        receivedAt: at(day),
        dueDate: `${MONTH}-28`,
      })
      .execute();
  const problem = (kind: 'absent' | 'dress', windowId: string, day: number) =>
    db()
      .insertInto('hallPatrolProblem')
      .values({ regionCode: '350999', patrolId, hallId: window.hallId, windowId, kind, foundAt: at(day) })
      .execute();
  const evaluate = async () => {
    const r = await sup.request('POST', '/api/reviews/auto-findings/evaluate', { month: MONTH });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    return r.body.opened as number;
  };
  const findings = async (rule: string) =>
    (
      (await sup.request('GET', '/api/reviews/auto-findings')).body.items as {
        id: string;
        rule: string;
        causeKey: string;
        status: string;
        title: string;
        evidence: { kind: string; id: string }[];
      }[]
    ).filter((f) => f.rule === rule && f.causeKey.endsWith(MONTH));

  beforeAll(async () => {
    t = await createTestApp(kind);
    sup = await signIn(t.app, 'supervisor');
    const w = await db()
      .selectFrom('hallWindow')
      .select(['id', 'hallId', 'departmentId'])
      .where('regionCode', '=', '350999')
      .where('departmentId', 'is not', null)
      .orderBy('number')
      .execute();
    const d = await db()
      .selectFrom('department')
      .select(['id', 'name'])
      .where('id', '=', w[0]!.departmentId!)
      .executeTakeFirstOrThrow();
    dept = d;
    window = {
      id: w[0]!.id,
      hallId: w[0]!.hallId,
      departmentId: d.id,
      otherId: w.find((x) => x.departmentId !== d.id)!.id,
    };
    const items = await db()
      .selectFrom('catalogItemVersion')
      .select(['itemId as id', 'name'])
      .where('regionCode', '=', '350999')
      .where('status', '=', 'published')
      .orderBy('name')
      .limit(2)
      .execute();
    [item, otherItem] = [items[0]!, items[1]!];
    patrolId = (
      await db()
        .insertInto('hallPatrol')
        .values({
          regionCode: '350999',
          hallId: window.hallId,
          day: `${MONTH}-05`,
          plannedAt: at(5),
          status: 'done',
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
    // 差评: three on one item (one more excluded on appeal, not counted), two on another; four good ones.
    for (const day of [3, 9, 17]) await badRating(item, day);
    await badRating(item, 18, true);
    for (const day of [4, 11]) await badRating(otherItem, day);
    for (const day of [5, 6, 7, 8]) await goodRating(day);
    // Complaints: two about one window, one about another.
    await complaintAbout(window.id, 10);
    await complaintAbout(window.id, 20);
    await complaintAbout(window.otherId, 12);
    // Patrols: 脱岗 three times at one window, 着装 twice.
    for (const day of [5, 12, 19]) await problem('absent', window.id, day);
    for (const day of [6, 13]) await problem('dress', window.id, day);
  });
  afterAll(() => t.close());

  it('TRUTH-1: the demo quarter’s stored assessment agrees with the second path (cases’ own record)', async () => {
    const q = demoQuarter(t.deps.clock.now());
    const r = await verifyAssessments(t.deps, { regionCode: '350999', from: q.months[0]!, to: q.months[2]! });
    expect(r.assessments).toBeGreaterThan(0);
    expect(r.compared).toBeGreaterThan(0);
    expect(r.disagreements).toEqual([]);
  });

  it('a 差评 cluster on one item, repeat complaints about one window and the same patrol problem three times each open one draft with the records behind it', async () => {
    await evaluate();
    const bad = await findings('bad_review_cluster');
    expect(bad.map((f) => f.causeKey)).toEqual([`item:${item.id}:${MONTH}`]);
    expect(bad[0]!.evidence).toHaveLength(3);
    expect(bad[0]!.evidence.every((e) => e.kind === 'rating')).toBe(true);
    const cpl = await findings('repeat_complaints_window');
    expect(cpl.map((f) => f.causeKey)).toEqual([`window:${window.id}:${MONTH}`]);
    expect(cpl[0]!.evidence.map((e) => e.kind)).toEqual(['complaint', 'complaint']);
    const patrol = await findings('patrol_problem_repeat');
    expect(patrol.map((f) => f.causeKey)).toEqual([`patrol:window:${window.id}:absent:${MONTH}`]);
    expect(patrol[0]!.title).toContain('窗口无人');
    expect(patrol[0]!.evidence).toHaveLength(3);
  });

  it('evaluating the month again opens nothing; a dismissed cause stays dismissed when more records come', async () => {
    expect(await evaluate()).toBe(0);
    const [bad] = await findings('bad_review_cluster');
    const [cpl] = await findings('repeat_complaints_window');
    const [patrol] = await findings('patrol_problem_repeat');
    for (const f of [bad!, cpl!, patrol!])
      expect(
        (
          await sup.request('POST', `/api/reviews/auto-findings/${f.id}/dismiss`, {
            reason: '已当场整改，另有记录',
          })
        ).status,
      ).toBe(200);
    await badRating(item, 25);
    await complaintAbout(window.id, 26);
    await problem('absent', window.id, 27);
    expect(await evaluate()).toBe(0);
    for (const rule of ['bad_review_cluster', 'repeat_complaints_window', 'patrol_problem_repeat']) {
      const all = await findings(rule);
      expect(all).toHaveLength(1);
      expect(all[0]!.status).toBe('dismissed');
    }
  });

  it('a threshold set higher keeps a cluster below it from firing', async () => {
    await sup.request('PUT', '/api/reviews/rules/patrol_problem_repeat', { threshold: 3 });
    // 着装 twice at the window: below three, never a draft.
    expect((await findings('patrol_problem_repeat')).some((f) => f.causeKey.includes(':dress:'))).toBe(false);
  });

  it('ASSESS-1: 差评 and loop closure, complaints and repeats, patrol problems are computed from their records', async () => {
    const scheme = (
      await sup.request('POST', '/api/reviews/schemes', {
        unitKind: 'department',
        name: '测试：各来源考核方案',
        indicators: [
          { key: 'bad_review_rate', weight: 40 },
          { key: 'complaints', weight: 30 },
          { key: 'patrol_problems', weight: 30 },
        ],
      })
    ).body;
    const r = await sup.request('POST', '/api/reviews/assessments', {
      schemeId: scheme.id,
      periodKind: 'month',
      period: MONTH,
    });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    const unit = (
      r.body.units as {
        unitId: string;
        score: number;
        indicators: { key: string; numerator: number; denominator: number; status: string }[];
      }[]
    ).find((u) => u.unitId === dept.id)!;
    const by = (k: string) => unit.indicators.find((i) => i.key === k)!;
    // 4 good + 6 counted 差评 (one excluded on appeal), none closed: (10 − 6) / 10.
    expect([by('bad_review_rate').numerator, by('bad_review_rate').denominator]).toEqual([4, 10]);
    // Three complaints about its window this month, two of them repeats: 3 + 2 of 10.
    expect(by('complaints').numerator).toBe(5);
    // Six patrol problems at its window.
    expect(by('patrol_problems').numerator).toBe(6);
    expect(unit.score).toBeCloseTo((40 * 0.4 + 30 * 0.5 + 30 * 0.4) * 1, 2);

    // TRUTH-1: the second path agrees with the stored assessment; a corrupted stored score is caught.
    const clean = await verifyAssessments(t.deps, { regionCode: '350999', from: MONTH, to: MONTH });
    expect(clean.disagreements.filter((d) => d.id === r.body.id)).toEqual([]);
    const row = await db()
      .selectFrom('reviewAssessment')
      .selectAll()
      .where('id', '=', r.body.id)
      .executeTakeFirstOrThrow();
    const units = (row.result as { units: { unitId: string; score: number }[] }).units;
    const forged = units.map((u) => (u.unitId === dept.id ? { ...u, score: u.score + 5 } : u));
    const { id: _id, ...rest } = row;
    const copy = await db()
      .insertInto('reviewAssessment')
      .values({ ...rest, result: JSON.stringify({ units: forged }) })
      .returning('id')
      .executeTakeFirstOrThrow();
    const caught = await verifyAssessments(t.deps, { regionCode: '350999', from: MONTH, to: MONTH });
    const mine = caught.disagreements.filter((d) => d.id === copy.id);
    expect(mine.map((d) => d.what).sort()).toEqual(['得分', '得分与分项之和']);
    expect(mine.every((d) => d.unit === dept.name)).toBe(true);
  });
});
