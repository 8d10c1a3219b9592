import { compileCalendar, type CalendarDay } from '@tongban/calendar';
import { describe, expect, it } from 'vitest';
import { hashSeed, runDraw, SeedStream, type DrawSnapshot } from './expert-draw';
import {
  acceptanceDueOn,
  allowedActions,
  bidValidUntil,
  checkAction,
  checkDepositDates,
  complaintActions,
  complaintOpen,
  complaintsUntil,
  decisionDueOn,
  expertWorkingDays,
  checkPanel,
  checkRefund,
  depositInterest,
  depositStatus,
  depositWithinCap,
  exclusionGrounds,
  planPublicity,
  refundDueOn,
  triggerFor,
  type ProjectFacts,
} from './trading.policy';

// A worked calendar: National Day 2026-10-01..07 off, Sun 09-20 and Sat 10-10 make-up working days.
const days: CalendarDay[] = [
  ...[1, 2, 3, 4, 5, 6, 7].map((d) => ({ date: `2026-10-0${d}`, kind: 'holiday' as const })),
  { date: '2026-09-20', kind: 'workday' },
  { date: '2026-10-10', kind: 'workday' },
];
const cal = compileCalendar(days, { from: '2026-01-01', to: '2027-12-31' });

describe('BID-2 refund clocks on the working-day calendar', () => {
  it('BID-2: 招标投标 — 5 days of the contract; a last day in the holiday moves to the next working day', () => {
    // Mon 09-28 + 5 days = Sat 10-03 (holiday) → Thu 10-08.
    expect(refundDueOn(cal, 'tender', 'contract', '2026-09-28')).toBe('2026-10-08');
    expect(refundDueOn(cal, 'tender', 'contract', '2026-11-18')).toBe('2026-11-23');
  });
  it('BID-2: 政府采购 — 5 working days of the award notice (losers): 09-29, 09-30, 10-08, 10-09, 10-10 (调休)', () => {
    expect(refundDueOn(cal, 'procurement', 'award_notice', '2026-09-28')).toBe('2026-10-10');
  });
  it('BID-2: 政府采购 — 5 working days of the contract for the winner', () => {
    expect(refundDueOn(cal, 'procurement', 'contract', '2026-11-20')).toBe('2026-11-27');
  });
  it('BID-2: a withdrawal before the deadline — 5 days (tender), 5 working days (procurement)', () => {
    expect(refundDueOn(cal, 'tender', 'withdrawal', '2026-11-20')).toBe('2026-11-25');
    expect(refundDueOn(cal, 'procurement', 'withdrawal', '2026-11-20')).toBe('2026-11-27');
  });
  it('BID-2: which deposits each event triggers', () => {
    expect(triggerFor('procurement', 'award', false)).toBe('award_notice');
    expect(triggerFor('procurement', 'award', true)).toBeNull();
    expect(triggerFor('procurement', 'contract', true)).toBe('contract');
    expect(triggerFor('procurement', 'contract', false)).toBeNull();
    expect(triggerFor('tender', 'award', false)).toBeNull();
    expect(triggerFor('tender', 'contract', false)).toBe('contract');
    expect(triggerFor('tender', 'termination', false)).toBe('termination');
  });
  it('BID-2: at most 2% of the estimate, to the fen', () => {
    expect(depositWithinCap(20_000, 1_000_000)).toBe(true);
    expect(depositWithinCap(20_000.01, 1_000_000)).toBe(false);
  });
  it('BID-2: a refund never before its trigger, never twice; interest at the demand rate', () => {
    expect(checkRefund({ triggeredOn: null, refundedOn: null }, '2026-11-20')).toBe(
      'TRADING_REFUND_NOT_TRIGGERED',
    );
    expect(checkRefund({ triggeredOn: '2026-11-20', refundedOn: null }, '2026-11-19')).toBe(
      'TRADING_REFUND_BEFORE_TRIGGER',
    );
    expect(checkRefund({ triggeredOn: '2026-11-20', refundedOn: '2026-11-21' }, '2026-11-22')).toBe(
      'TRADING_REFUND_TWICE',
    );
    expect(checkRefund({ triggeredOn: '2026-11-20', refundedOn: null }, '2026-11-20')).toBeNull();
    // 36,000 × 0.35% × 360/360 days.
    expect(depositInterest(36_000, '2026-01-01', '2026-12-27')).toBe(126);
  });
  it('BID-2: a deposit past its due day is overdue by whole days; a 2012 deposit without a clock stays held', () => {
    expect(depositStatus({ refundDueOn: '2026-11-30', refundedOn: null }, '2026-12-02')).toEqual({
      status: 'overdue',
      daysOverdue: 2,
    });
    expect(depositStatus({ refundDueOn: null, refundedOn: null }, '2026-12-02').status).toBe('held');
    expect(depositStatus({ refundDueOn: '2026-11-30', refundedOn: '2026-12-01' }, '2026-12-02').status).toBe(
      'refunded',
    );
  });
});

describe('BID-1 panel and exclusions', () => {
  it('BID-1: a panel has at least 5 members', () => {
    expect(checkPanel({ panelSize: 3, ownerReps: 0, requests: [{ count: 3 }] })).toContain(
      '评标委员会成员不得少于 5 人',
    );
  });
  it('BID-1: a panel has an odd number of members', () => {
    expect(checkPanel({ panelSize: 6, ownerReps: 0, requests: [{ count: 6 }] })).toContain(
      '评标委员会成员人数须为单数',
    );
  });
  it('BID-1: at least two thirds are experts', () => {
    expect(checkPanel({ panelSize: 5, ownerReps: 2, requests: [{ count: 3 }] })).toHaveLength(1);
    expect(checkPanel({ panelSize: 7, ownerReps: 2, requests: [{ count: 5 }] })).toEqual([]);
  });
  it('BID-1: the requests fill exactly the expert seats', () => {
    expect(checkPanel({ panelSize: 5, ownerReps: 0, requests: [{ count: 3 }, { count: 1 }] })).toHaveLength(
      1,
    );
  });
  const bidders = ['甲建设有限公司', '丙建设（集团）有限公司'];
  const grounds = (
    employer: string,
    relations: { kind: 'employment' | 'ownership' | 'kin'; companyName: string }[] = [],
  ) => exclusionGrounds({ employer, relations }, '第一中学', bidders);
  it('BID-1: works for the tenderer', () => expect(grounds('第一中学')).toEqual(['works_for_tenderer']));
  it('BID-1: works for a bidder', () => expect(grounds('甲建设有限公司')).toEqual(['works_for_bidder']));
  it('BID-1: worked for a bidder', () =>
    expect(grounds('设计院', [{ kind: 'employment', companyName: '甲建设 有限公司' }])).toEqual([
      'worked_for_bidder',
    ]));
  it('BID-1: owns part of a bidder (bracket widths ignored)', () =>
    expect(grounds('设计院', [{ kind: 'ownership', companyName: '丙建设(集团)有限公司' }])).toEqual([
      'owns_bidder',
    ]));
  it('BID-1: kin to a bidder', () =>
    expect(grounds('设计院', [{ kind: 'kin', companyName: '甲建设有限公司' }])).toEqual(['kin_of_bidder']));
  it('BID-1: an unrelated expert has no ground', () =>
    expect(grounds('设计院', [{ kind: 'ownership', companyName: '乙公司' }])).toEqual([]));
});

describe('BID-1 the draw from a committed seed', () => {
  const ids = (p: string, n: number) =>
    Array.from({ length: n }, (_, i) => `${p}${String(i).padStart(3, '0')}`);
  const snap: DrawSnapshot = {
    requests: [
      { specialty: 'civil', count: 4 },
      { specialty: 'cost', count: 1 },
    ],
    reserveCount: 2,
    candidates: { civil: ids('c', 40), cost: ids('k', 10) },
    blockedPairs: [],
  };
  it('BID-1: the same seed replays the same panel; another seed gives another', () => {
    const seed = 'a'.repeat(64);
    const first = runDraw(seed, snap);
    expect(runDraw(seed, snap)).toEqual(first);
    expect(first.filter((m) => !m.isReserve)).toHaveLength(5);
    expect(first.filter((m) => m.isReserve)).toHaveLength(2);
    expect(new Set(first.map((m) => m.expertId)).size).toBe(7);
    expect(runDraw('b'.repeat(64), snap)).not.toEqual(first);
    expect(hashSeed(seed)).toMatch(/^[0-9a-f]{64}$/);
  });
  it('BID-1: the stream is uniform enough (every candidate drawn over many seeds)', () => {
    const seen = new Set<number>();
    const s = new SeedStream('x');
    for (let i = 0; i < 2000; i++) seen.add(s.below(40));
    expect(seen.size).toBe(40);
  });
  it('BID-1: cool-down — two experts who sat together too often are never drawn together', () => {
    const small: DrawSnapshot = {
      requests: [{ specialty: 'civil', count: 5 }],
      reserveCount: 0,
      candidates: { civil: ids('c', 6) },
      blockedPairs: [['c000', 'c001']],
    };
    for (let i = 0; i < 50; i++) {
      const got = runDraw(`seed${i}`, small).map((m) => m.expertId);
      expect(got.includes('c000') && got.includes('c001')).toBe(false);
    }
  });
  it('BID-1: too few eligible experts is an error, not a short panel', () => {
    expect(() => runDraw('s', { ...snap, candidates: { civil: ids('c', 3), cost: ids('k', 1) } })).toThrow(
      /pool too small/,
    );
  });
});

describe('project lifecycle (Prozorro-like states)', () => {
  const base: ProjectFacts = {
    status: 'draft',
    bidDeadline: null,
    evaluationReportAt: null,
    publicityEnd: null,
    panelReady: false,
    activeBidders: 0,
  };
  const now = new Date('2026-11-20T02:00:00Z');
  it('offers only the actions of the current state', () => {
    expect(allowedActions(base, now)).toEqual(['announce', 'cancel']);
    expect(checkAction({ ...base, status: 'accepted' }, 'cancel', now)).toBe('TRADING_ACTION_NOT_ALLOWED');
  });
  it('opens bids only after the deadline', () => {
    const p = { ...base, status: 'tendering' as const, bidDeadline: new Date(now.getTime() + 1000) };
    expect(checkAction(p, 'open_bids', now)).toBe('TRADING_DEADLINE_NOT_REACHED');
    expect(checkAction({ ...p, bidDeadline: now }, 'open_bids', now)).toBeNull();
  });
  it('BID-1: the evaluation starts only with a lawful opened panel', () => {
    expect(checkAction({ ...base, status: 'opened' }, 'start_evaluation', now)).toBe(
      'TRADING_PANEL_NOT_READY',
    );
    expect(checkAction({ ...base, status: 'opened', panelReady: true }, 'start_evaluation', now)).toBeNull();
  });
  it('BID-3: published within 3 days of the report, for at least 3 days; no award before the end', () => {
    const day = 86_400_000;
    expect(planPublicity(new Date(now.getTime() - 3 * day - 1), now, 3)).toEqual({
      error: 'TRADING_PUBLICITY_LATE',
    });
    expect(planPublicity(new Date(now.getTime() - day), now, 2)).toEqual({
      error: 'TRADING_PUBLICITY_TOO_SHORT',
    });
    const ok = planPublicity(new Date(now.getTime() - day), now, 3);
    expect('end' in ok && ok.end.getTime() - now.getTime()).toBe(3 * day);
    expect('complaintsUntil' in ok && ok.complaintsUntil.getTime() - now.getTime()).toBe(10 * day);
    const p = { ...base, status: 'publicity' as const, publicityEnd: new Date(now.getTime() + 1) };
    expect(checkAction(p, 'award', now)).toBe('TRADING_PUBLICITY_NOT_ENDED');
    expect(checkAction({ ...p, publicityEnd: now }, 'award', now)).toBeNull();
  });
});

describe('BID-3 complaint clocks on the working-day calendar', () => {
  it('BID-3: complaints within 10 days of the publicity; a last day in the holiday moves to the next working day', () => {
    // Publicity from Wed 09-23 (10:00 Shanghai) → 10-03, in the National Day holiday → Thu 10-08.
    expect(complaintsUntil(cal, new Date('2026-09-23T02:00:00Z'))).toBe('2026-10-08');
    expect(complaintsUntil(cal, new Date('2026-11-23T02:00:00Z'))).toBe('2026-12-03');
  });
  it('BID-3: accepted or not within 3 working days: filed Tue 09-29 → 09-30, 10-08, 10-09', () => {
    expect(acceptanceDueOn(cal, '2026-09-29')).toBe('2026-10-09');
  });
  it('BID-3: decided within 30 working days of acceptance, expert review days excluded', () => {
    // Accepted Fri 09-18: 30 working days counting Sun 09-20 (调休), skipping 10-01..07, with Sat 10-10 worked.
    expect(decisionDueOn(cal, '2026-09-18', 0)).toBe('2026-11-04');
    // Experts had it Tue 10-13 .. Thu 10-15: 3 working days added.
    const expert = expertWorkingDays(cal, '2026-10-13', '2026-10-15');
    expect(expert).toBe(3);
    expect(decisionDueOn(cal, '2026-09-18', expert)).toBe('2026-11-09');
    // A review over the holiday counts only its working days: 09-30 .. 10-08 → 09-30, 10-08.
    expect(expertWorkingDays(cal, '2026-09-30', '2026-10-08')).toBe(2);
  });
  it('BID-3: an open complaint holds the award and the contract; a refused or decided one does not', () => {
    const facts: ProjectFacts = {
      status: 'publicity',
      bidDeadline: null,
      evaluationReportAt: null,
      publicityEnd: new Date('2026-11-26T02:00:00Z'),
      panelReady: false,
      activeBidders: 2,
      openComplaints: 1,
    };
    const later = new Date('2026-11-27T02:00:00Z');
    expect(checkAction(facts, 'award', later)).toBe('TRADING_COMPLAINT_PENDING');
    expect(checkAction({ ...facts, openComplaints: 0 }, 'award', later)).toBeNull();
    expect(checkAction({ ...facts, status: 'awarded' }, 'sign_contract', later)).toBe(
      'TRADING_COMPLAINT_PENDING',
    );
    expect(complaintOpen({ accepted: null, expertStartedOn: null, outcome: null })).toBe(true);
    expect(complaintOpen({ accepted: false, expertStartedOn: null, outcome: null })).toBe(false);
    expect(complaintOpen({ accepted: true, expertStartedOn: '2026-10-13', outcome: null })).toBe(true);
    expect(complaintOpen({ accepted: true, expertStartedOn: null, outcome: 'dismissed' })).toBe(false);
    expect(complaintActions({ accepted: true, expertStartedOn: '2026-10-13', outcome: null })).toEqual([
      'end_expert_review',
    ]);
  });
  it('bid validity: no award once the bid validity has run out; a deposit paid after the deadline or valid too briefly', () => {
    const deadline = new Date('2026-11-21T02:00:00Z');
    expect(bidValidUntil(deadline, 90)).toBe('2027-02-19');
    const facts: ProjectFacts = {
      status: 'publicity',
      bidDeadline: deadline,
      evaluationReportAt: null,
      publicityEnd: new Date('2026-11-26T02:00:00Z'),
      panelReady: false,
      activeBidders: 2,
      bidValidUntil: '2026-11-26',
    };
    expect(checkAction(facts, 'award', new Date('2026-11-26T03:00:00Z'))).toBeNull();
    expect(checkAction(facts, 'award', new Date('2026-11-27T03:00:00Z'))).toBe(
      'TRADING_BID_VALIDITY_EXPIRED',
    );
    const today = '2026-11-25';
    expect(
      checkDepositDates({ paidOn: '2026-11-21', validUntil: null }, deadline, '2027-02-19', today),
    ).toBeNull();
    expect(checkDepositDates({ paidOn: '2026-11-22', validUntil: null }, deadline, '2027-02-19', today)).toBe(
      'TRADING_DEPOSIT_AFTER_DEADLINE',
    );
    expect(checkDepositDates({ paidOn: '2026-11-26', validUntil: null }, deadline, '2027-02-19', today)).toBe(
      'TRADING_DEPOSIT_DATE_FUTURE',
    );
    expect(
      checkDepositDates({ paidOn: '2026-11-20', validUntil: '2027-02-18' }, deadline, '2027-02-19', today),
    ).toBe('TRADING_DEPOSIT_VALIDITY_SHORT');
    expect(
      checkDepositDates({ paidOn: '2026-11-20', validUntil: '2027-02-19' }, deadline, '2027-02-19', today),
    ).toBeNull();
  });
});
