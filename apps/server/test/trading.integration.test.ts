import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashSeed } from '../src/modules/trading/expert-draw';
import { insertRelations } from '../src/modules/trading/trading.repository';
import { createTestApp, dbKinds, signIn, type Client, type TestApp } from './harness';

/** Issue 22: a tender from registration to contract through the HTTP app (BID-1, BID-2, BID-3). */
describe.each(dbKinds())('trading (%s)', (kind) => {
  let t: TestApp;
  let clerk: Client;
  let sup: Client;
  const HOUR = 3_600_000;
  const DAY = 24 * HOUR;
  beforeAll(async () => {
    t = await createTestApp(kind);
    clerk = await signIn(t.app, 'clerk');
    sup = await signIn(t.app, 'supervisor');
  });
  afterAll(() => t.close());

  // Sessions idle out when the clock jumps: sign in again after each jump.
  const jump = async (d: Date) => {
    t.clock.set(d);
    clerk = await signIn(t.app, 'clerk');
    sup = await signIn(t.app, 'supervisor');
  };
  const count = async (table: 'tradingDeposit' | 'tradingDraw' | 'tradingBidder') =>
    Number(
      (
        await t.deps.db
          .selectFrom(table)
          .select((e) => e.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('runs a construction tender from registration to acceptance with its rules enforced', async () => {
    const tenderer = '测试县第一中学';
    const created = await clerk.request('POST', '/api/trading/projects', {
      name: '第一中学教学楼改造工程',
      kind: 'construction',
      method: 'open',
      tendererName: tenderer,
      agencyName: '测试招标代理有限公司',
      estimateYuan: 1_000_000,
    });
    expect(created.status, JSON.stringify(created.body)).toBe(200);
    const id = created.body.id as string;
    const deadline = new Date(t.clock.now().getTime() + 2 * DAY);
    expect(
      (
        await clerk.request('POST', `/api/trading/projects/${id}/transition`, {
          action: 'announce',
          bidDeadline: deadline.toISOString(),
        })
      ).status,
    ).toBe(200);

    const bid = (name: string, fileAuthor: string) =>
      clerk.request('POST', `/api/trading/projects/${id}/bids`, { name, fileAuthor, priceYuan: 950_000 });
    const a = (await bid('甲建设有限公司', 'zhang')).body;
    const b = (await bid('乙建设有限公司', 'ZHANG')).body;
    const c = (await bid('丙建设（集团）有限公司', 'li')).body;

    // BID-2: at most 2% of the estimate; nothing is written when over.
    const before = await count('tradingDeposit');
    const over = await clerk.request('POST', `/api/trading/projects/${id}/deposits`, {
      bidderId: a.id,
      amountYuan: 20_000.01,
      payerAccount: '6222000011112222',
      paidOn: '2026-11-19',
    });
    expect(over.status).toBe(400);
    expect(over.body.code).toBe('TRADING_DEPOSIT_OVER_CAP');
    expect(await count('tradingDeposit')).toBe(before);
    for (const [bidder, account] of [
      [a, '6222000011112222'],
      [b, '6222000011112222'],
      [c, '6222000099998888'],
    ] as const) {
      const r = await clerk.request('POST', `/api/trading/projects/${id}/deposits`, {
        bidderId: bidder.id,
        amountYuan: 20_000,
        payerAccount: account,
        paidOn: '2026-11-19',
      });
      expect(r.status, JSON.stringify(r.body)).toBe(200);
    }
    const detail = (await clerk.request('GET', `/api/trading/projects/${id}`)).body;
    expect(detail.signals.map((s: { kind: string }) => s.kind).sort()).toEqual([
      'same_account',
      'same_author',
    ]);
    const inbox = (await sup.request('GET', '/api/inbox?filter=todo')).body;
    expect(inbox.items.some((i: { kind: string }) => i.kind === 'trading.collusion_signal')).toBe(true);

    // A bid after the deadline is refused.
    await jump(new Date(deadline.getTime() + HOUR));
    const bidders = await count('tradingBidder');
    const late = await bid('丁建设有限公司', 'wang');
    expect(late.status).toBe(409);
    expect(late.body.code).toBe('TRADING_BID_AFTER_DEADLINE');
    expect(await count('tradingBidder')).toBe(bidders);
    expect(
      (await clerk.request('POST', `/api/trading/projects/${id}/transition`, { action: 'open_bids' })).status,
    ).toBe(200);

    // The pool: eligible experts and one per BID-1 exclusion ground.
    const expert = (name: string, specialty: string, employer: string, relations: unknown[] = []) =>
      clerk.request('POST', '/api/trading/experts', { name, specialties: [specialty], employer, relations });
    for (let i = 0; i < 8; i++)
      await expect(expert(`土建专家${i}`, '房建土建', `设计院${i}`)).resolves.toMatchObject({ status: 200 });
    for (let i = 0; i < 3; i++) await expert(`造价专家${i}`, '工程造价', `造价所${i}`);
    const conflicted = [
      (await expert('回避甲', '房建土建', tenderer)).body.id,
      (await expert('回避乙', '房建土建', '甲建设有限公司')).body.id,
      (await expert('回避丙', '房建土建', '设计院X', [{ kind: 'employment', companyName: '乙建设有限公司' }]))
        .body.id,
      (
        await expert('回避丁', '房建土建', '设计院Y', [
          { kind: 'ownership', companyName: '丙建设(集团)有限公司' },
        ])
      ).body.id,
      (await expert('回避戊', '工程造价', '造价所Z', [{ kind: 'kin', companyName: '甲建设有限公司' }])).body
        .id,
    ];

    // BID-1: panel composition (≥ 5, odd, ≥ 2/3 experts).
    const openAt = new Date(t.clock.now().getTime() + HOUR).toISOString();
    const draws = await count('tradingDraw');
    const plan = (panelSize: number, ownerReps: number, requests: { specialty: string; count: number }[]) =>
      clerk.request('POST', `/api/trading/projects/${id}/draws`, {
        panelSize,
        ownerReps,
        reserveCount: 2,
        requests,
        openAt,
      });
    for (const [size, reps, n] of [
      [4, 0, 4],
      [6, 0, 6],
      [5, 2, 3],
    ] as const) {
      const r = await plan(size, reps, [{ specialty: '房建土建', count: n }]);
      expect(r.status).toBe(400);
      expect(r.body.code).toBe('TRADING_PANEL_INVALID');
    }
    expect(await count('tradingDraw')).toBe(draws);
    const committed = await plan(5, 1, [
      { specialty: '房建土建', count: 3 },
      { specialty: '工程造价', count: 1 },
    ]);
    expect(committed.status, JSON.stringify(committed.body)).toBe(200);
    const drawId = committed.body.id as string;
    const seedHash = committed.body.seedHash as string;
    expect(committed.body.seed).toBeNull();
    const ran = await clerk.request('POST', `/api/trading/draws/${drawId}/run`);
    expect(ran.status, JSON.stringify(ran.body)).toBe(200);
    expect(ran.body.seedHash).toBe(seedHash);
    expect(ran.body.drawnCount).toBe(6);
    expect(ran.body.members).toEqual([]);
    expect(ran.body.excludedCount).toBe(5);

    // Nobody sees names before the set time; only the supervisor opens.
    expect(
      (await clerk.request('POST', `/api/trading/projects/${id}/transition`, { action: 'start_evaluation' }))
        .body.code,
    ).toBe('TRADING_PANEL_NOT_READY');
    expect((await sup.request('POST', `/api/trading/draws/${drawId}/open`)).body.code).toBe(
      'TRADING_DRAW_SEALED',
    );
    await jump(new Date(openAt));
    expect((await clerk.request('POST', `/api/trading/draws/${drawId}/open`)).status).toBe(403);
    const opened = await sup.request('POST', `/api/trading/draws/${drawId}/open`);
    expect(opened.status).toBe(200);
    expect(hashSeed(opened.body.seed)).toBe(seedHash);
    const ids = opened.body.members.map((m: { expertId: string }) => m.expertId);
    expect(ids.filter((x: string) => conflicted.includes(x))).toEqual([]);
    expect(opened.body.exclusions.map((e: { grounds: string[] }) => e.grounds[0]).sort()).toEqual(
      ['kin_of_bidder', 'owns_bidder', 'works_for_bidder', 'worked_for_bidder', 'works_for_tenderer'].sort(),
    );
    const replay = await clerk.request('GET', `/api/trading/draws/${drawId}/replay`);
    expect(replay.body).toMatchObject({ seedHashMatches: true, matchesRecorded: true });

    // BID-1: a reserve who declared a conflict after the draw is not seated; nothing changes.
    type M = { expertId: string; isReserve: boolean };
    const reserve = opened.body.members.find((m: M) => m.isReserve) as M;
    const seated = opened.body.members.find((m: M) => !m.isReserve) as M;
    const row = await t.deps.db
      .selectFrom('tradingExpert')
      .select('regionCode')
      .where('id', '=', reserve.expertId)
      .executeTakeFirstOrThrow();
    await insertRelations(t.deps.db, [
      { regionCode: row.regionCode, expertId: reserve.expertId, kind: 'kin', companyName: '甲建设有限公司' },
    ]);
    const membersBefore = JSON.stringify(
      await t.deps.db.selectFrom('tradingPanelMember').selectAll().where('drawId', '=', drawId).execute(),
    );
    const conflict = await sup.request('POST', `/api/trading/draws/${drawId}/substitute`, {
      expertId: seated.expertId,
      replacementId: reserve.expertId,
    });
    expect(conflict.status).toBe(409);
    expect(conflict.body.code).toBe('TRADING_EXPERT_CONFLICT');
    expect(conflict.body.message).toContain('回避');
    expect(
      JSON.stringify(
        await t.deps.db.selectFrom('tradingPanelMember').selectAll().where('drawId', '=', drawId).execute(),
      ),
    ).toBe(membersBefore);

    expect(
      (await clerk.request('POST', `/api/trading/projects/${id}/transition`, { action: 'start_evaluation' }))
        .status,
    ).toBe(200);

    // BID-3: published within 3 days of the report, for at least 3 days; no award before the end.
    const now = t.clock.now().getTime();
    const pub = (reportAgo: number, days: number) =>
      clerk.request('POST', `/api/trading/projects/${id}/transition`, {
        action: 'publish_candidates',
        evaluationReportAt: new Date(now - reportAgo).toISOString(),
        publicityDays: days,
      });
    expect((await pub(4 * DAY, 3)).body.code).toBe('TRADING_PUBLICITY_LATE');
    expect((await pub(HOUR, 2)).body.code).toBe('TRADING_PUBLICITY_TOO_SHORT');
    expect((await pub(HOUR, 3)).status).toBe(200);
    const early = await clerk.request('POST', `/api/trading/projects/${id}/transition`, {
      action: 'award',
      winnerBidderId: a.id,
    });
    expect(early.status).toBe(409);
    expect(early.body.code).toBe('TRADING_PUBLICITY_NOT_ENDED');
    expect((await clerk.request('GET', `/api/trading/projects/${id}`)).body.status).toBe('publicity');
    await jump(new Date(now + 3 * DAY + HOUR));
    expect(
      (
        await clerk.request('POST', `/api/trading/projects/${id}/transition`, {
          action: 'award',
          winnerBidderId: a.id,
        })
      ).status,
    ).toBe(200);

    // A refund before its trigger is refused; the contract starts every clock (招标投标: 5 days).
    const deps = (await clerk.request('GET', `/api/trading/deposits?view=all&projectId=${id}`)).body.items;
    expect(
      (
        await clerk.request('POST', `/api/trading/deposits/${deps[0].id}/refund`, {
          refundedOn: '2026-11-24',
          bankRef: 'BANK0001',
        })
      ).body.code,
    ).toBe('TRADING_REFUND_NOT_TRIGGERED');
    expect(
      (await clerk.request('POST', `/api/trading/projects/${id}/transition`, { action: 'sign_contract' }))
        .status,
    ).toBe(200);
    const triggered = (await clerk.request('GET', `/api/trading/deposits?view=all&projectId=${id}`)).body
      .items;
    // Contract on Wed 2026-11-25 → +5 days = Mon 11-30 (a working day; the holiday cases are in trading.policy.test.ts).
    expect(triggered.map((d: { refundDueOn: string }) => d.refundDueOn)).toEqual([
      '2026-11-30',
      '2026-11-30',
      '2026-11-30',
    ]);
    expect(
      (
        await clerk.request('POST', `/api/trading/deposits/${deps[0].id}/refund`, {
          refundedOn: '2026-11-24',
          bankRef: 'BANK0001',
        })
      ).body.code,
    ).toBe('TRADING_REFUND_BEFORE_TRIGGER');
    const refunded = await clerk.request('POST', `/api/trading/deposits/${deps[0].id}/refund`, {
      refundedOn: '2026-11-25',
      bankRef: 'BANK0001',
    });
    expect(refunded.status, JSON.stringify(refunded.body)).toBe(200);
    // Interest at the demand rate: 20,000 × 0.35% × 6/360 = 1.17.
    expect(refunded.body.interestYuan).toBe(1.17);
    expect(
      (
        await clerk.request('POST', `/api/trading/deposits/${deps[0].id}/refund`, {
          refundedOn: '2026-11-25',
          bankRef: 'BANK0002',
        })
      ).body.code,
    ).toBe('TRADING_REFUND_TWICE');

    // Past the due day, the others are overdue (red) and reach the supervisor's to-dos.
    await jump(new Date('2026-12-02T02:00:00Z'));
    const board = (await sup.request('GET', '/api/trading/deposits?view=overdue')).body;
    const mine = board.items.filter((d: { projectId: string }) => d.projectId === id);
    expect(mine).toHaveLength(2);
    expect(mine[0]).toMatchObject({ status: 'overdue', daysOverdue: 2 });
    expect((await sup.request('POST', '/api/trading/deposits/sweep')).status).toBe(200);
    const todos = (await sup.request('GET', '/api/inbox?filter=todo')).body.items;
    expect(
      todos.filter((i: { kind: string }) => i.kind === 'trading.deposit_overdue').length,
    ).toBeGreaterThanOrEqual(2);

    expect(
      (await clerk.request('POST', `/api/trading/projects/${id}/transition`, { action: 'accept' })).body.code,
    ).toBe('TRADING_FIELD_REQUIRED');
    expect(
      (
        await clerk.request('POST', `/api/trading/projects/${id}/transition`, {
          action: 'accept',
          evidence: '验收报告及现场照片',
        })
      ).status,
    ).toBe(200);
    const pubPage = await t.app.inject({
      method: 'GET',
      url: `/api/public/trading/projects/${detail.projectNo}`,
    });
    expect(pubPage.statusCode).toBe(200);
    expect(pubPage.json()).toMatchObject({ status: 'accepted', winnerName: '甲建设有限公司' });
    expect(pubPage.json().announcements.map((x: { title: string }) => x.title)).toContain('中标候选人公示');
  });
});
