import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, dbKinds, signIn, type Client, type TestApp } from './harness';

/**
 * Issue 22: complaints against a tender's candidates (BID-3), the bid validity period, and the
 * bad inputs the issue lists — each a 4xx with a message, nothing changed.
 * The clock starts Fri 2026-11-20 10:00 (Asia/Shanghai); November 2026 has no holiday.
 */
describe.each(dbKinds())('trading complaints and bid validity (%s)', (kind) => {
  let t: TestApp;
  let clerk: Client;
  let sup: Client;
  const HOUR = 3_600_000;
  const DAY = 24 * HOUR;
  const start = new Date('2026-11-20T02:00:00Z');
  beforeAll(async () => {
    t = await createTestApp(kind);
    await jump(start);
  });
  afterAll(() => t.close());

  const jump = async (d: Date) => {
    t.clock.set(d);
    clerk = await signIn(t.app, 'clerk');
    sup = await signIn(t.app, 'supervisor');
  };
  /** Every row of the module's tables that a refused request could have touched, as one string. */
  const state = async () => {
    const db = t.deps.db;
    const rows = await Promise.all([
      db.selectFrom('tradingProject').selectAll().orderBy('id').execute(),
      db.selectFrom('tradingBidder').selectAll().orderBy('id').execute(),
      db.selectFrom('tradingDeposit').select(['id', 'refundedOn', 'bankRef']).orderBy('id').execute(),
      db.selectFrom('tradingComplaint').selectAll().orderBy('id').execute(),
      db.selectFrom('tradingProjectEntry').select('id').orderBy('id').execute(),
      db.selectFrom('tradingPanelMember').selectAll().orderBy('expertId').execute(),
    ]);
    return JSON.stringify(rows);
  };
  const refused = async (
    r: Promise<{ status: number; body: { code?: string; message?: string } }>,
    code: string,
  ) => {
    const before = await state();
    const res = await r;
    expect(res.status, JSON.stringify(res.body)).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    expect(res.body.code).toBe(code);
    expect(res.body.message).toMatch(/[\u4e00-\u9fa5]/);
    expect(await state()).toBe(before);
    return res;
  };

  /** A project with two bids, its deadline passed and bids opened, put in evaluation (the panel is trading.integration's part). */
  async function projectInEvaluation(validityDays: number) {
    const created = await clerk.request('POST', '/api/trading/projects', {
      name: `投诉测试项目${Math.random().toString(36).slice(2, 8)}`,
      kind: 'construction',
      method: 'open',
      tendererName: '测试县水利局',
      estimateYuan: 2_000_000,
    });
    const id = created.body.id as string;
    const deadline = new Date(t.clock.now().getTime() + DAY);
    expect(
      (
        await clerk.request('POST', `/api/trading/projects/${id}/transition`, {
          action: 'announce',
          bidDeadline: deadline.toISOString(),
          bidValidityDays: validityDays,
        })
      ).status,
    ).toBe(200);
    const a = (
      await clerk.request('POST', `/api/trading/projects/${id}/bids`, { name: '甲水利工程有限公司' })
    ).body;
    const b = (
      await clerk.request('POST', `/api/trading/projects/${id}/bids`, { name: '乙水利工程有限公司' })
    ).body;
    return { id, deadline, a, b };
  }
  async function toPublicity(id: string) {
    await t.deps.db
      .updateTable('tradingProject')
      .set({ status: 'evaluating' })
      .where('id', '=', id)
      .execute();
    const r = await clerk.request('POST', `/api/trading/projects/${id}/transition`, {
      action: 'publish_candidates',
      evaluationReportAt: new Date(t.clock.now().getTime() - HOUR).toISOString(),
      publicityDays: 3,
    });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
  }

  it('bid validity: a deposit checked against the deadline and the bid validity; no award after the validity ends', async () => {
    await jump(start);
    const { id, deadline, a, b } = await projectInEvaluation(1);
    const detail = (await clerk.request('GET', `/api/trading/projects/${id}`)).body;
    // Deadline Sat 11-21 10:00 → valid through Sun 11-22.
    expect(detail).toMatchObject({ bidValidityDays: 1, bidValidUntil: '2026-11-22' });
    const deposit = (body: object) => clerk.request('POST', `/api/trading/projects/${id}/deposits`, body);
    const base = {
      bidderId: a.id,
      amountYuan: 40_000,
      payerAccount: '6222000011113333',
      paidOn: '2026-11-20',
    };
    await refused(deposit({ ...base, amountYuan: 40_000.01 }), 'TRADING_DEPOSIT_OVER_CAP');
    await refused(deposit({ ...base, paidOn: '2026-11-21' }), 'TRADING_DEPOSIT_DATE_FUTURE');
    const short = await refused(
      deposit({ ...base, validUntil: '2026-11-21' }),
      'TRADING_DEPOSIT_VALIDITY_SHORT',
    );
    expect(short.body.message).toContain('2026-11-22');
    await refused(deposit({ ...base, amountYuan: 'much' }), 'VALIDATION');
    expect((await deposit({ ...base, validUntil: '2026-11-22' })).status).toBe(200);

    // After the deadline: neither a bid nor a deposit paid after it.
    await jump(new Date(deadline.getTime() + DAY));
    await refused(
      clerk.request('POST', `/api/trading/projects/${id}/bids`, { name: '丙水利工程有限公司' }),
      'TRADING_BID_AFTER_DEADLINE',
    );
    await refused(
      deposit({ ...base, bidderId: b.id, paidOn: '2026-11-22' }),
      'TRADING_DEPOSIT_AFTER_DEADLINE',
    );
    expect(
      (await clerk.request('POST', `/api/trading/projects/${id}/transition`, { action: 'open_bids' })).status,
    ).toBe(200);
    await toPublicity(id);
    const award = () =>
      clerk.request('POST', `/api/trading/projects/${id}/transition`, {
        action: 'award',
        winnerBidderId: a.id,
      });
    // BID-3: an award before the publicity ends is refused.
    await refused(award(), 'TRADING_PUBLICITY_NOT_ENDED');
    await jump(new Date(t.clock.now().getTime() + 3 * DAY + HOUR));
    const expired = await refused(award(), 'TRADING_BID_VALIDITY_EXPIRED');
    expect(expired.status).toBe(409);
    expect((await clerk.request('GET', `/api/trading/projects/${id}`)).body.actions).not.toContain('award');
  });

  it('BID-3: a complaint within 10 days holds the award until answered with reasons on its working-day clocks', async () => {
    await jump(start);
    const { id, deadline, a } = await projectInEvaluation(90);
    // No complaint before the candidates are published.
    await refused(
      clerk.request('POST', `/api/trading/projects/${id}/complaints`, {
        complainant: '乙水利工程有限公司',
        grounds: '评分有误',
      }),
      'TRADING_COMPLAINT_NOT_OPEN',
    );
    await jump(new Date(deadline.getTime() + HOUR));
    await clerk.request('POST', `/api/trading/projects/${id}/transition`, { action: 'open_bids' });
    // Publicity starts Mon 11-23 (within 3 days of the report), for 3 days.
    await jump(new Date('2026-11-23T02:00:00Z'));
    await toPublicity(id);
    expect((await clerk.request('GET', `/api/trading/projects/${id}`)).body).toMatchObject({
      canFileComplaint: true,
      // BID-3: complaints within 10 days of Mon 11-23 → Thu 12-03.
      complaintsUntil: '2026-12-03',
    });

    // Filed Tue 11-24 → to be accepted or not within 3 working days: Fri 11-27.
    await jump(new Date('2026-11-24T02:00:00Z'));
    const filed = await clerk.request('POST', `/api/trading/projects/${id}/complaints`, {
      complainant: '乙水利工程有限公司',
      grounds: '中标候选人业绩造假',
    });
    expect(filed.status, JSON.stringify(filed.body)).toBe(200);
    expect(filed.body).toMatchObject({
      status: 'awaiting_acceptance',
      acceptanceDueOn: '2026-11-27',
      actions: [],
    });
    const cid = filed.body.id as string;
    const todos = (await sup.request('GET', '/api/inbox?filter=todo')).body.items;
    expect(todos.some((i: { kind: string }) => i.kind === 'trading.complaint')).toBe(true);
    const answer = (who: Client, body: object) =>
      who.request('POST', `/api/trading/projects/${id}/complaints/${cid}/answer`, body);

    // The publicity has ended (Thu 11-26 10:00) but the complaint holds the award.
    await jump(new Date('2026-11-30T02:00:00Z'));
    const view = (await sup.request('GET', `/api/trading/projects/${id}`)).body;
    // Mon 11-30 is past the acceptance day: shown overdue.
    expect(view.complaints[0]).toMatchObject({ overdue: true, actions: ['accept', 'refuse'] });
    expect(view.actions).not.toContain('award');
    const award = () =>
      clerk.request('POST', `/api/trading/projects/${id}/transition`, {
        action: 'award',
        winnerBidderId: a.id,
      });
    await refused(award(), 'TRADING_COMPLAINT_PENDING');

    // Answered only by the supervision, with reasons.
    expect((await answer(clerk, { action: 'accept', reason: '符合受理条件' })).status).toBe(403);
    await refused(answer(sup, { action: 'accept' }), 'TRADING_COMPLAINT_REASON_REQUIRED');
    await refused(
      answer(sup, { action: 'decide', outcome: 'dismissed', reason: '驳回' }),
      'TRADING_COMPLAINT_STATE',
    );
    const accepted = await answer(sup, {
      action: 'accept',
      reason: '投诉人为投标人，在期限内提出，有具体请求和证明材料',
    });
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(200);
    // Accepted Mon 11-30 → 30 working days → Mon 2027-01-11 (New Year's Day 2027-01-01 is a holiday).
    const due = accepted.body.decisionDueOn as string;
    expect(accepted.body).toMatchObject({ status: 'under_review', overdue: false });
    expect(due).toBe('2027-01-11');

    // An expert review Tue 12-01 .. Thu 12-03 (3 working days) does not count.
    await jump(new Date('2026-12-01T02:00:00Z'));
    expect((await answer(sup, { action: 'start_expert_review' })).body.status).toBe('expert_review');
    await refused(award(), 'TRADING_COMPLAINT_PENDING');
    await jump(new Date('2026-12-03T02:00:00Z'));
    const ended = await answer(sup, { action: 'end_expert_review' });
    expect(ended.body).toMatchObject({ status: 'under_review', expertDays: 3, decisionDueOn: '2027-01-14' });

    await refused(answer(sup, { action: 'decide', reason: '经核查' }), 'TRADING_FIELD_REQUIRED');
    const decided = await answer(sup, {
      action: 'decide',
      outcome: 'dismissed',
      reason: '经核查业绩证明材料真实，投诉不成立',
    });
    expect(decided.body).toMatchObject({ status: 'decided', outcome: 'dismissed', actions: [] });
    await refused(answer(sup, { action: 'accept', reason: '再次' }), 'TRADING_COMPLAINT_STATE');
    expect((await award()).status).toBe(200);

    // The answer is on the public page, with its reasons.
    const no = (await clerk.request('GET', `/api/trading/projects/${id}`)).body.projectNo;
    const pub = await t.app.inject({ method: 'GET', url: `/api/public/trading/projects/${no}` });
    expect(pub.json().announcements.map((x: { title: string }) => x.title)).toContain('投诉处理决定');

    // A complaint after the 10 days (Thu 12-03) is refused; so is one by the same desk answered by itself (role).
    await jump(new Date('2026-12-04T02:00:00Z'));
    await refused(
      clerk.request('POST', `/api/trading/projects/${id}/complaints`, {
        complainant: '丙公司',
        grounds: '迟到的投诉',
      }),
      'TRADING_COMPLAINT_LATE',
    );
  });

  it('BID-3: a complaint refused with reasons no longer holds the award', async () => {
    await jump(start);
    const { id, deadline, a } = await projectInEvaluation(90);
    await jump(new Date(deadline.getTime() + HOUR));
    await clerk.request('POST', `/api/trading/projects/${id}/transition`, { action: 'open_bids' });
    await toPublicity(id);
    const filed = await clerk.request('POST', `/api/trading/projects/${id}/complaints`, {
      complainant: '某咨询公司',
      grounds: '无具体事实',
    });
    await jump(new Date(t.clock.now().getTime() + 3 * DAY + HOUR));
    const r = await sup.request('POST', `/api/trading/projects/${id}/complaints/${filed.body.id}/answer`, {
      action: 'refuse',
      reason: '投诉人不是投标人或其他利害关系人',
    });
    expect(r.body).toMatchObject({ status: 'refused', acceptanceReason: '投诉人不是投标人或其他利害关系人' });
    expect(
      (
        await clerk.request('POST', `/api/trading/projects/${id}/transition`, {
          action: 'award',
          winnerBidderId: a.id,
        })
      ).status,
    ).toBe(200);
  });
});
