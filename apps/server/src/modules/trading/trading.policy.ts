import {
  addWorkingDays,
  countWorkingDaysBetween,
  fromDayNumber,
  getWorkingDayOnOrAfter,
  toDayNumber,
  toShanghaiDate,
  type CompiledCalendar,
} from '@tongban/calendar';
import type {
  TradingComplaintStatus,
  DepositRegime,
  DepositStatus,
  ExclusionGround,
  ProjectAction,
  ProjectStatus,
  RefundTrigger,
  TradingKind,
} from '@tongban/contracts';

// Pure rules of public resource trading (issue 22): the project state machine, BID-1 panel
// composition and exclusion grounds, BID-2 deposit cap and refund clocks, BID-3 publicity.

export type ProjectFacts = {
  status: ProjectStatus;
  bidDeadline: Date | null;
  evaluationReportAt: Date | null;
  publicityEnd: Date | null;
  /** The sealed list is open and its composition passed checkPanel (BID-1). */
  panelReady: boolean;
  activeBidders: number;
  /** BID-3: complaints filed and neither refused nor decided. */
  openComplaints?: number;
  /** The last day of the bid validity (投标有效期), when the announcement set one. */
  bidValidUntil?: string | null;
};

const DAY_MS = 86_400_000;

/** Where each action may start from and where it leads (the Prozorro-like lifecycle). */
export const TRANSITIONS: Record<ProjectAction, { from: readonly ProjectStatus[]; to: ProjectStatus }> = {
  announce: { from: ['draft'], to: 'tendering' },
  open_bids: { from: ['tendering'], to: 'opened' },
  start_evaluation: { from: ['opened'], to: 'evaluating' },
  publish_candidates: { from: ['evaluating'], to: 'publicity' },
  award: { from: ['publicity'], to: 'awarded' },
  sign_contract: { from: ['awarded'], to: 'contracted' },
  accept: { from: ['contracted'], to: 'accepted' },
  cancel: { from: ['draft', 'tendering', 'opened', 'evaluating', 'publicity'], to: 'cancelled' },
  fail: { from: ['tendering', 'opened', 'evaluating'], to: 'unsuccessful' },
};

/** Why an action cannot happen now (a TradingError code), or null when it may. */
export function checkAction(p: ProjectFacts, action: ProjectAction, now: Date): string | null {
  if (!TRANSITIONS[action].from.includes(p.status)) return 'TRADING_ACTION_NOT_ALLOWED';
  switch (action) {
    case 'open_bids':
      return p.bidDeadline && now >= p.bidDeadline ? null : 'TRADING_DEADLINE_NOT_REACHED';
    case 'start_evaluation':
      // BID-1: the panel's composition is checked before the evaluation can start.
      return p.panelReady ? null : 'TRADING_PANEL_NOT_READY';
    case 'award':
      // BID-3: no award notice before the candidates' publicity has ended, nor while a complaint is open.
      if (!(p.publicityEnd && now >= p.publicityEnd)) return 'TRADING_PUBLICITY_NOT_ENDED';
      if (p.openComplaints) return 'TRADING_COMPLAINT_PENDING';
      // The bids bind their bidders only within their validity: no award once it has run out.
      if (p.bidValidUntil && shanghaiDayOf(now) > p.bidValidUntil) return 'TRADING_BID_VALIDITY_EXPIRED';
      return null;
    case 'sign_contract':
      return p.openComplaints ? 'TRADING_COMPLAINT_PENDING' : null;
    case 'announce':
    case 'publish_candidates':
    case 'accept':
    case 'cancel':
    case 'fail':
      return null;
  }
}

/** The actions the screen offers now (the web asks the server, never decides itself). */
export function allowedActions(p: ProjectFacts, now: Date): ProjectAction[] {
  return (Object.keys(TRANSITIONS) as ProjectAction[]).filter((a) => checkAction(p, a, now) === null);
}

export const PUBLICITY_MIN_DAYS = 3;
export const PUBLICITY_PUBLISH_WITHIN_DAYS = 3;
export const COMPLAINT_WITHIN_DAYS = 10;

/**
 * BID-3: candidates are published within 3 days of the evaluation report and stay published at
 * least 3 days. Returns the publicity window or the error code.
 */
export function planPublicity(
  reportAt: Date,
  now: Date,
  days: number,
): { start: Date; end: Date; complaintsUntil: Date } | { error: string } {
  if (reportAt.getTime() > now.getTime()) return { error: 'TRADING_FIELD_REQUIRED' };
  if (now.getTime() - reportAt.getTime() > PUBLICITY_PUBLISH_WITHIN_DAYS * DAY_MS)
    return { error: 'TRADING_PUBLICITY_LATE' };
  if (days < PUBLICITY_MIN_DAYS) return { error: 'TRADING_PUBLICITY_TOO_SHORT' };
  return {
    start: now,
    end: new Date(now.getTime() + days * DAY_MS),
    complaintsUntil: new Date(now.getTime() + COMPLAINT_WITHIN_DAYS * DAY_MS),
  };
}

/** The Asia/Shanghai calendar day of an instant. */
export const shanghaiDayOf = (d: Date): string => toShanghaiDate(d);

// ── Bid validity (投标有效期) ──

export const DEFAULT_BID_VALIDITY_DAYS = 90;

/** The last day bids stay valid: the deadline's day plus the validity days. */
export function bidValidUntil(bidDeadline: Date, days: number): string {
  return fromDayNumber(toDayNumber(shanghaiDayOf(bidDeadline)) + days);
}

/**
 * A deposit's own checks beyond the 2% cap (实施条例 Art. 26): paid by the bid deadline and not in
 * the future; a guarantee's validity reaching the end of the bid validity. Returns the error code.
 */
export function checkDepositDates(
  d: { paidOn: string; validUntil: string | null },
  bidDeadline: Date | null,
  validUntil: string | null,
  today: string,
): string | null {
  if (d.paidOn > today) return 'TRADING_DEPOSIT_DATE_FUTURE';
  if (bidDeadline && d.paidOn > shanghaiDayOf(bidDeadline)) return 'TRADING_DEPOSIT_AFTER_DEADLINE';
  if (d.validUntil && validUntil && d.validUntil < validUntil) return 'TRADING_DEPOSIT_VALIDITY_SHORT';
  return null;
}

// ── BID-3: complaints ──

export const COMPLAINT_ACCEPT_WORKING_DAYS = 3;
export const COMPLAINT_DECIDE_WORKING_DAYS = 30;

/** BID-3: complaints within 10 days of the publicity's start; a last day on a rest day moves to the next working day. */
export function complaintsUntil(cal: CompiledCalendar, publicityStart: Date): string {
  return getWorkingDayOnOrAfter(
    cal,
    fromDayNumber(toDayNumber(shanghaiDayOf(publicityStart)) + COMPLAINT_WITHIN_DAYS),
  );
}

/** BID-3: accepted or not within 3 working days of filing. */
export function acceptanceDueOn(cal: CompiledCalendar, filedOn: string): string {
  return addWorkingDays(cal, filedOn, COMPLAINT_ACCEPT_WORKING_DAYS);
}

/** BID-3: decided within 30 working days of acceptance; the working days of expert review do not count. */
export function decisionDueOn(cal: CompiledCalendar, acceptedOn: string, expertDays: number): string {
  return addWorkingDays(cal, acceptedOn, COMPLAINT_DECIDE_WORKING_DAYS + expertDays);
}

/** The working days an expert review took, its first and last day included. */
export function expertWorkingDays(cal: CompiledCalendar, startedOn: string, endedOn: string): number {
  return countWorkingDaysBetween(cal, fromDayNumber(toDayNumber(startedOn) - 1), endedOn);
}

export type ComplaintFacts = {
  accepted: boolean | null;
  expertStartedOn: string | null;
  outcome: string | null;
};

export function complaintStatus(c: ComplaintFacts): TradingComplaintStatus {
  if (c.accepted === null) return 'awaiting_acceptance';
  if (!c.accepted) return 'refused';
  if (c.outcome) return 'decided';
  return c.expertStartedOn ? 'expert_review' : 'under_review';
}

export const complaintOpen = (c: ComplaintFacts) =>
  c.accepted === null || (c.accepted === true && c.outcome === null);

type ComplaintAction = 'accept' | 'refuse' | 'start_expert_review' | 'end_expert_review' | 'decide';

/** What the supervision may do with a complaint in its state. */
export function complaintActions(c: ComplaintFacts): ComplaintAction[] {
  switch (complaintStatus(c)) {
    case 'awaiting_acceptance':
      return ['accept', 'refuse'];
    case 'under_review':
      return ['start_expert_review', 'decide'];
    case 'expert_review':
      return ['end_expert_review'];
    default:
      return [];
  }
}

// ── BID-1: panel composition and exclusion ──

export type PanelPlan = { panelSize: number; ownerReps: number; requests: { count: number }[] };

/** BID-1: at least 5 members, an odd number, at least two thirds experts; the requests fill the expert seats. */
export function checkPanel(p: PanelPlan): string[] {
  const problems: string[] = [];
  const experts = p.panelSize - p.ownerReps;
  const requested = p.requests.reduce((s, r) => s + r.count, 0);
  if (p.panelSize < 5) problems.push('评标委员会成员不得少于 5 人');
  if (p.panelSize % 2 === 0) problems.push('评标委员会成员人数须为单数');
  if (experts * 3 < p.panelSize * 2) problems.push('技术、经济等方面的专家不得少于成员总数的三分之二');
  if (requested !== experts) problems.push(`各专业抽取人数之和（${requested}）须等于专家席位（${experts}）`);
  return problems;
}

/** Company names compared without spaces, bracket widths or case: 「云溪建工（集团）」 = 「云溪建工(集团)」. */
export function normalizeCompany(name: string): string {
  return name
    .replace(/[\s\u3000]/g, '')
    .replace(/（/g, '(')
    .replace(/）/g, ')')
    .toLowerCase();
}

export type ExpertConflictFacts = {
  employer: string;
  relations: readonly { kind: 'employment' | 'ownership' | 'kin'; companyName: string }[];
};

/**
 * BID-1: an expert is excluded who works for the tenderer, works or worked for a bidder, owns part
 * of a bidder, or is kin (spouse, lineal, within three degrees collateral, close in-laws) to someone
 * who works for or owns a bidder — by the names declared in the pool and the project's names.
 */
export function exclusionGrounds(
  expert: ExpertConflictFacts,
  tendererName: string,
  bidderNames: readonly string[],
): ExclusionGround[] {
  return conflictChecker(tendererName, bidderNames)(expert);
}

/**
 * The same rule with the project's names normalized once, for checking a whole pool: a draw checks
 * thousands of candidates against the same tenderer and bidders.
 */
export function conflictChecker(
  tendererName: string,
  bidderNames: readonly string[],
): (expert: ExpertConflictFacts) => ExclusionGround[] {
  const bidders = new Set(bidderNames.map(normalizeCompany));
  const tenderer = normalizeCompany(tendererName);
  return (expert) => {
    const grounds = new Set<ExclusionGround>();
    const employer = normalizeCompany(expert.employer);
    if (employer === tenderer) grounds.add('works_for_tenderer');
    if (bidders.has(employer)) grounds.add('works_for_bidder');
    for (const r of expert.relations) {
      const company = normalizeCompany(r.companyName);
      if (r.kind === 'employment' && company === tenderer) grounds.add('works_for_tenderer');
      if (!bidders.has(company)) continue;
      if (r.kind === 'employment' && company !== employer) grounds.add('worked_for_bidder');
      if (r.kind === 'ownership') grounds.add('owns_bidder');
      if (r.kind === 'kin') grounds.add('kin_of_bidder');
    }
    return [...grounds];
  };
}

/** Cool-down: two experts who sat together this many times in the last year are not drawn together again. */
export const COOL_DOWN_PANELS = 3;
export const COOL_DOWN_DAYS = 365;

// ── BID-2: deposits ──

/** 招标投标 (工程建设, property, land) or 政府采购: the two laws set different refund clocks. */
export function regimeOf(kind: TradingKind): DepositRegime {
  return kind === 'procurement' ? 'procurement' : 'tender';
}

/** BID-2: a deposit of at most 2% of the estimate, compared in fen. */
export function depositWithinCap(amountYuan: number, estimateYuan: number): boolean {
  return Math.round(amountYuan * 100) <= Math.floor(Math.round(estimateYuan * 100) * 0.02);
}

/**
 * BID-2: the last day to refund, from the trigger's date on the region's calendar.
 * - 政府采购 (政府采购法实施条例 Art. 33): 5 working days (CAL-1) of the award notice (losers), of the
 *   contract (winner) or of a withdrawal.
 * - 招标投标 (实施条例 Art. 35, 57): 5 days of the written contract or of a withdrawal before the
 *   deadline; days count as calendar days and a last day falling on a rest day moves to the next
 *   working day (民法典 Art. 203). A termination is refunded on the same clock (Art. 31).
 */
export function refundDueOn(
  cal: CompiledCalendar,
  regime: DepositRegime,
  _trigger: RefundTrigger,
  triggeredOn: string,
): string {
  if (regime === 'procurement') return addWorkingDays(cal, triggeredOn, 5);
  return getWorkingDayOnOrAfter(cal, fromDayNumber(toDayNumber(triggeredOn) + 5));
}

/** Which deposits an event starts the refund clock of (BID-2). */
export function triggerFor(
  regime: DepositRegime,
  event: 'award' | 'contract' | 'termination',
  isWinner: boolean,
): RefundTrigger | null {
  if (event === 'termination') return 'termination';
  if (regime === 'procurement') {
    if (event === 'award') return isWinner ? null : 'award_notice';
    return isWinner ? 'contract' : null;
  }
  return event === 'contract' ? 'contract' : null;
}

/** Demand-deposit rate (活期) for the interest refunded with a deposit; a year of 360 days as banks count. */
export const DEMAND_RATE = 0.0035;
export function depositInterest(amountYuan: number, paidOn: string, refundedOn: string): number {
  const days = Math.max(0, toDayNumber(refundedOn) - toDayNumber(paidOn));
  return Math.round(amountYuan * DEMAND_RATE * (days / 360) * 100) / 100;
}

/** Why a refund cannot be recorded (a TradingError code), or null. */
export function checkRefund(
  d: { triggeredOn: string | null; refundedOn: string | null },
  refundedOn: string,
): string | null {
  if (d.refundedOn) return 'TRADING_REFUND_TWICE';
  if (!d.triggeredOn) return 'TRADING_REFUND_NOT_TRIGGERED';
  if (refundedOn < d.triggeredOn) return 'TRADING_REFUND_BEFORE_TRIGGER';
  return null;
}

export function depositStatus(
  d: { refundDueOn: string | null; refundedOn: string | null },
  today: string,
): { status: DepositStatus; daysOverdue: number } {
  if (d.refundedOn) return { status: 'refunded', daysOverdue: 0 };
  if (!d.refundDueOn) return { status: 'held', daysOverdue: 0 };
  if (today > d.refundDueOn)
    return { status: 'overdue', daysOverdue: toDayNumber(today) - toDayNumber(d.refundDueOn) };
  return { status: 'due', daysOverdue: 0 };
}

/** Masks a bank account to its last four digits (the board is read by many). */
export function maskAccount(account: string): string {
  return account.length <= 4 ? account : `****${account.slice(-4)}`;
}
