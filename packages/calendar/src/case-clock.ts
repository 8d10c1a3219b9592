import {
  addWorkingDaysToDayNumber,
  countWorkingDaysBetweenDayNumbers,
  getDayIndex,
  type CompiledCalendar,
} from './calendar';
import { toEndOfShanghaiDayNumber, toShanghaiDayNumber } from './dates';
import { CalendarError, type CalendarErrorCode } from './errors';

/** ACC-1: incomplete materials must be answered within 5 working days of receipt. */
export const ACCEPTANCE_LIMIT_DAYS = 5;
/** DEC-1: decide within 20 working days unless the item's legal limit says otherwise. */
export const ORDINARY_DECISION_LIMIT_DAYS = 20;
/** DEC-1: one extension of up to 10 working days. */
export const ORDINARY_EXTENSION_CAP_DAYS = 10;
/** DEC-2: bundles (joint / concentrated handling) get 45 working days … */
export const BUNDLE_DECISION_LIMIT_DAYS = 45;
/** DEC-2: … and one extension of up to 15. */
export const BUNDLE_EXTENSION_CAP_DAYS = 15;
/** DEL-1: deliver within 10 working days of the decision. */
export const DELIVERY_LIMIT_DAYS = 10;

/** SUS-1 special procedures (特殊环节): 听证、招标、拍卖、检验、检测、检疫、鉴定、专家评审、现场勘查, or other. */
export const SUSPENSION_KINDS = [
  'hearing',
  'tender',
  'auction',
  'inspection',
  'testing',
  'quarantine',
  'appraisal',
  'expert_review',
  'site_survey',
  'other',
] as const;
export type SuspensionKind = (typeof SUSPENSION_KINDS)[number];

export type Suspension = {
  kind: SuspensionKind;
  /** From the catalog: true when the procedure's time counts in the limit (the clock keeps running). */
  countsInLimit: boolean;
  start: Date;
  /** Absent while the procedure is still going on. */
  end?: Date;
};

export type Extension = { days: number };

/** The recorded events of one case (instants; the clock reads their Asia/Shanghai dates). */
export type CaseClockInput = {
  materialsReceivedAt: Date;
  acceptedAt?: Date;
  /** ACC-1 一次性告知 of everything missing, for the current submission. */
  supplementRequestedAt?: Date;
  suspensions?: readonly Suspension[];
  extension?: Extension;
  decidedAt?: Date;
  deliveredAt?: Date;
  /** The item's legal limit; absent → DEC-1 20 (DEC-2 45 for a bundle). */
  legalLimitDays?: number;
  /** The item's promised limit (≤ legal); absent → the legal limit. */
  promisedLimitDays?: number;
  isBundle: boolean;
};

export type CaseClockSettings = {
  /** Yellow when at most this many working days are left … */
  yellowMinWorkingDays: number;
  /** … or at most this share of the limit (rounded up) — whichever is larger. */
  yellowRatio: number;
};

export const DEFAULT_CASE_CLOCK_SETTINGS: CaseClockSettings = { yellowMinWorkingDays: 2, yellowRatio: 0.2 };

export type ClockState = 'green' | 'yellow' | 'red' | 'paused';

export type LimitClock = {
  limitDays: number;
  /** The day the period starts; it does not count. */
  startDate: string;
  /** The last working day of the limit; the limit ends at 24:00 Asia/Shanghai of this day. */
  deadline: string;
  deadlineAt: Date;
  /** Working days by which clock-stopping suspensions (SUS-1) pushed the deadline. */
  suspendedWorkingDays: number;
  /** Working days in (startDate, today or stop day], not counting suspended ones. */
  usedWorkingDays: number;
  /** limitDays − usedWorkingDays; negative once overdue. */
  leftWorkingDays: number;
  /** At `now`, or — once stopped — as it stood on the stop day. */
  state: ClockState;
  /** The date of the event that stopped this clock. */
  stoppedOn?: string;
  /** Set once the clock has stopped (or, for ACC-1, once acceptance is deemed). */
  onTime?: boolean;
};

export type AcceptanceOutcome = 'pending' | 'accepted' | 'supplement_requested' | 'deemed_accepted';

export type AcceptanceClock = LimitClock & { outcome: AcceptanceOutcome };

export type SuspendedPeriod = {
  kind: SuspensionKind;
  /** The day the procedure started; it still counts in the limit. */
  from: string;
  /** The last suspended day (today while still open). */
  to: string;
  open: boolean;
  /** Working days in (from, to] after the decision clock started. */
  workingDays: number;
};

export type DecisionClock = {
  startDate: string;
  /** ACC-1: not answered within 5 working days, so the clock runs from receipt. */
  deemedAccepted: boolean;
  extensionDays: number;
  legal: LimitClock;
  promised: LimitClock;
  /** Clock-stopping suspensions (countsInLimit = false) only. */
  suspendedPeriods: SuspendedPeriod[];
  /** The worse of legal and promised. */
  state: ClockState;
};

export type CasePhase = 'acceptance' | 'awaiting_supplement' | 'decision' | 'delivery' | 'done';

export type CaseClock = {
  today: string;
  phase: CasePhase;
  /** The state of the clock that matters in this phase. */
  state: ClockState;
  acceptance: AcceptanceClock;
  decision?: DecisionClock;
  delivery?: LimitClock;
};

export type ExtensionErrorCode = Extract<
  CalendarErrorCode,
  'EXTENSION_ALREADY_GRANTED' | 'EXTENSION_DAYS_INVALID' | 'EXTENSION_EXCEEDS_CAP'
>;

/** DEC-1 / DEC-2: the extension cap for a case. */
export function getExtensionCapDays(isBundle: boolean): number {
  return isBundle ? BUNDLE_EXTENSION_CAP_DAYS : ORDINARY_EXTENSION_CAP_DAYS;
}

/** DEC-1 / DEC-2: the legal limit before any extension. */
export function getLegalLimitDays(input: Pick<CaseClockInput, 'legalLimitDays' | 'isBundle'>): number {
  return input.legalLimitDays ?? (input.isBundle ? BUNDLE_DECISION_LIMIT_DAYS : ORDINARY_DECISION_LIMIT_DAYS);
}

/**
 * DEC-1 / DEC-2: may a case that already has `existing` get an extension of `requestedDays`?
 * Returns undefined when allowed, else the error code. Extensions are granted once, for a whole
 * positive number of working days up to the cap (10, bundles 15).
 */
export function checkExtension(
  existing: Extension | undefined,
  requestedDays: number,
  isBundle: boolean,
): ExtensionErrorCode | undefined {
  if (existing !== undefined) return 'EXTENSION_ALREADY_GRANTED';
  if (!Number.isSafeInteger(requestedDays) || requestedDays < 1) return 'EXTENSION_DAYS_INVALID';
  if (requestedDays > getExtensionCapDays(isBundle)) return 'EXTENSION_EXCEEDS_CAP';
  return undefined;
}

/** Yellow threshold: max(yellowMinWorkingDays, ⌈yellowRatio × limit⌉). */
export function getYellowThreshold(limitDays: number, settings: CaseClockSettings): number {
  // The epsilon keeps 0.2 × 35 = 7.000000000000001 from rounding up to 8.
  return Math.max(settings.yellowMinWorkingDays, Math.ceil(settings.yellowRatio * limitDays - 1e-9));
}

/** A suspension as the half-open day range (from, to] of day numbers whose working days are suspended. */
type DayRange = { from: number; to: number };

type LimitClockSpec = {
  start: number;
  limitDays: number;
  /** Sorted, disjoint, each from ≥ start. */
  suspended: readonly DayRange[];
  stop: number | undefined;
  today: number;
  paused: boolean;
};

function countSuspendedWithin(
  calendar: CompiledCalendar,
  ranges: readonly DayRange[],
  from: number,
  to: number,
): number {
  let total = 0;
  for (const range of ranges) {
    const a = Math.max(range.from, from);
    const b = Math.min(range.to, to);
    if (b > a) total += countWorkingDaysBetweenDayNumbers(calendar, a, b);
  }
  return total;
}

function computeLimitClock(
  calendar: CompiledCalendar,
  spec: LimitClockSpec,
  settings: CaseClockSettings,
): LimitClock {
  // CAL-1: the limit's last day is the limitDays-th working day after the start day.
  let deadline = addWorkingDaysToDayNumber(calendar, spec.start, spec.limitDays);
  // SUS-1: every suspension that begins before the (current) deadline pushes it by its working days.
  // Ranges are sorted and disjoint, so one pass suffices: a range starting after the pushed deadline
  // cannot matter, and one starting before it is wholly inside the limit's running time.
  for (const range of spec.suspended) {
    if (range.from >= deadline) break;
    deadline = addWorkingDaysToDayNumber(
      calendar,
      deadline,
      countWorkingDaysBetweenDayNumbers(calendar, range.from, range.to),
    );
  }
  const end = spec.stop ?? spec.today;
  const used =
    end > spec.start
      ? countWorkingDaysBetweenDayNumbers(calendar, spec.start, end) -
        countSuspendedWithin(calendar, spec.suspended, spec.start, end)
      : 0;
  const left = spec.limitDays - used;
  let state: ClockState;
  if (spec.paused && spec.stop === undefined) state = 'paused';
  else if (end > deadline) state = 'red';
  else if (left <= getYellowThreshold(spec.limitDays, settings)) state = 'yellow';
  else state = 'green';

  const clock: LimitClock = {
    limitDays: spec.limitDays,
    startDate: fromIndex(calendar, spec.start),
    deadline: fromIndex(calendar, deadline),
    deadlineAt: toEndOfShanghaiDayNumber(deadline),
    // limit 0 from a non-working start is the only case where the deadline is not a working day.
    suspendedWorkingDays: Math.max(
      0,
      countWorkingDaysBetweenDayNumbers(calendar, spec.start, deadline) - spec.limitDays,
    ),
    usedWorkingDays: used,
    leftWorkingDays: left,
    state,
  };
  if (spec.stop !== undefined) {
    clock.stoppedOn = fromIndex(calendar, spec.stop);
    clock.onTime = spec.stop <= deadline;
  }
  return clock;
}

const SEVERITY: Readonly<Record<ClockState, number>> = { green: 0, yellow: 1, red: 2, paused: -1 };

function pickWorseState(a: ClockState, b: ClockState): ClockState {
  if (a === 'paused' || b === 'paused') return 'paused';
  return SEVERITY[a] >= SEVERITY[b] ? a : b;
}

function assertOrder(earlier: Date | undefined, later: Date | undefined, what: string): void {
  if (earlier !== undefined && later !== undefined && later.getTime() < earlier.getTime()) {
    throw new CalendarError('INVALID_EVENT_ORDER', {
      what,
      earlier: earlier.toISOString(),
      later: later.toISOString(),
    });
  }
}

function assertLimit(value: number, min: number, field: string): void {
  if (!Number.isSafeInteger(value) || value < min)
    throw new CalendarError('INVALID_LIMIT', { [field]: value });
}

function assertSettings(settings: CaseClockSettings): void {
  const { yellowMinWorkingDays, yellowRatio } = settings;
  if (
    !Number.isSafeInteger(yellowMinWorkingDays) ||
    yellowMinWorkingDays < 0 ||
    !(yellowRatio >= 0 && yellowRatio <= 1)
  ) {
    throw new CalendarError('INVALID_SETTINGS', { yellowMinWorkingDays, yellowRatio });
  }
}

function minDate(a: Date | undefined, b: Date | undefined): Date | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return b.getTime() < a.getTime() ? b : a;
}

/**
 * The clock of a case at `now`: the ACC-1 acceptance clock, the DEC-1/DEC-2 decision clock (legal
 * and promised deadlines, stopped by SUS-1 suspensions, lengthened by one extension) and the DEL-1
 * delivery clock. Pure and O(number of suspensions); throws CalendarError on inconsistent input.
 */
export function computeCaseClock(
  input: CaseClockInput,
  calendar: CompiledCalendar,
  settings: CaseClockSettings = DEFAULT_CASE_CLOCK_SETTINGS,
  now: Date = new Date(),
): CaseClock {
  assertSettings(settings);
  const legalBase = getLegalLimitDays(input);
  assertLimit(legalBase, 1, 'legalLimitDays');
  const promisedBase = input.promisedLimitDays ?? legalBase;
  assertLimit(promisedBase, 0, 'promisedLimitDays');
  if (promisedBase > legalBase) {
    throw new CalendarError('PROMISED_EXCEEDS_LEGAL', {
      legalLimitDays: legalBase,
      promisedLimitDays: promisedBase,
    });
  }
  // DEC-1/DEC-2: the input can carry one extension only; its size is checked like a new request.
  let extensionDays = 0;
  if (input.extension !== undefined) {
    const error = checkExtension(undefined, input.extension.days, input.isBundle);
    if (error !== undefined)
      throw new CalendarError(error, { days: input.extension.days, isBundle: input.isBundle });
    extensionDays = input.extension.days;
  }

  const received = toShanghaiDayNumber(input.materialsReceivedAt);
  const today = toShanghaiDayNumber(now);
  assertOrder(input.materialsReceivedAt, input.acceptedAt, 'acceptedAt');
  assertOrder(input.materialsReceivedAt, input.supplementRequestedAt, 'supplementRequestedAt');
  assertOrder(input.acceptedAt ?? input.materialsReceivedAt, input.decidedAt, 'decidedAt');
  assertOrder(input.decidedAt, input.deliveredAt, 'deliveredAt');
  if (input.deliveredAt !== undefined && input.decidedAt === undefined) {
    throw new CalendarError('INVALID_EVENT_ORDER', {
      what: 'deliveredAt',
      reason: 'delivered without a decision',
    });
  }
  for (const suspension of input.suspensions ?? []) {
    assertOrder(input.materialsReceivedAt, suspension.start, 'suspension.start');
    assertOrder(suspension.start, suspension.end, 'suspension.end');
    assertOrder(suspension.start, input.decidedAt, 'suspension.start before decidedAt');
    if (suspension.end === undefined && input.decidedAt !== undefined) {
      throw new CalendarError('SUSPENSION_OPEN_AFTER_DECISION', { kind: suspension.kind });
    }
  }

  // ---- ACC-1: acceptance clock ----
  const answeredAt = minDate(input.acceptedAt, input.supplementRequestedAt);
  const answered = answeredAt === undefined ? undefined : toShanghaiDayNumber(answeredAt);
  const acceptanceBase = computeLimitClock(
    calendar,
    {
      start: received,
      limitDays: ACCEPTANCE_LIMIT_DAYS,
      suspended: [],
      stop: answered,
      today,
      paused: false,
    },
    settings,
  );
  const acceptanceDeadline = addWorkingDaysToDayNumber(calendar, received, ACCEPTANCE_LIMIT_DAYS);
  let outcome: AcceptanceOutcome;
  if (answered !== undefined && answered <= acceptanceDeadline) {
    outcome = answeredAt === input.acceptedAt ? 'accepted' : 'supplement_requested';
  } else if (answered !== undefined || today > acceptanceDeadline) {
    // ACC-1: no answer within 5 working days → accepted from the day the materials were received.
    outcome = 'deemed_accepted';
  } else {
    outcome = 'pending';
  }
  const acceptance: AcceptanceClock = { ...acceptanceBase, outcome };
  if (outcome === 'deemed_accepted') acceptance.onTime = false;

  if (
    outcome === 'supplement_requested' &&
    (input.decidedAt !== undefined || input.acceptedAt !== undefined)
  ) {
    // The applicant resubmits; the caller passes the new submission's receipt, not the old round's events.
    throw new CalendarError('INVALID_EVENT_ORDER', {
      what: 'supplementRequestedAt',
      reason: 'events after a supplement request belong to the next submission',
    });
  }
  if (outcome === 'pending' && input.decidedAt !== undefined) {
    throw new CalendarError('DECISION_WITHOUT_ACCEPTANCE');
  }
  if (outcome === 'pending')
    return { today: fromIndex(calendar, today), phase: 'acceptance', state: acceptance.state, acceptance };
  if (outcome === 'supplement_requested') {
    return { today: fromIndex(calendar, today), phase: 'awaiting_supplement', state: 'paused', acceptance };
  }

  // ---- DEC-1 / DEC-2 with SUS-1: decision clock ----
  const deemedAccepted = outcome === 'deemed_accepted';
  const start = deemedAccepted ? received : toShanghaiDayNumber(input.acceptedAt!);
  const decided = input.decidedAt === undefined ? undefined : toShanghaiDayNumber(input.decidedAt);
  const stopping = (input.suspensions ?? []).filter((suspension) => !suspension.countsInLimit);
  const periods: SuspendedPeriod[] = [];
  const ranges: DayRange[] = [];
  let paused = false;
  for (const suspension of stopping) {
    const from = toShanghaiDayNumber(suspension.start);
    // An open suspension is projected to today: the clock has been stopped at least that long.
    const to = suspension.end === undefined ? Math.max(today, from) : toShanghaiDayNumber(suspension.end);
    if (suspension.end === undefined) paused = true;
    // SUS-1: the day a procedure starts still counts; its days are (from, to], clipped to the clock.
    const clippedFrom = Math.max(from, start);
    periods.push({
      kind: suspension.kind,
      from: fromIndex(calendar, from),
      to: fromIndex(calendar, to),
      open: suspension.end === undefined,
      workingDays: to > clippedFrom ? countWorkingDaysBetweenDayNumbers(calendar, clippedFrom, to) : 0,
    });
    if (to > clippedFrom) ranges.push({ from: clippedFrom, to });
  }
  const merged = mergeRanges(ranges);
  const legal = computeLimitClock(
    calendar,
    { start, limitDays: legalBase + extensionDays, suspended: merged, stop: decided, today, paused },
    settings,
  );
  // Design choice: an approved extension also moves the promised date, because the applicant is
  // told the new date in writing (DEC-1 "reason told"); promised + extension ≤ legal + extension.
  const promised = computeLimitClock(
    calendar,
    { start, limitDays: promisedBase + extensionDays, suspended: merged, stop: decided, today, paused },
    settings,
  );
  const decision: DecisionClock = {
    startDate: fromIndex(calendar, start),
    deemedAccepted,
    extensionDays,
    legal,
    promised,
    suspendedPeriods: periods,
    state: pickWorseState(legal.state, promised.state),
  };
  if (decided === undefined) {
    return {
      today: fromIndex(calendar, today),
      phase: 'decision',
      state: decision.state,
      acceptance,
      decision,
    };
  }

  // ---- DEL-1: delivery clock ----
  const delivered = input.deliveredAt === undefined ? undefined : toShanghaiDayNumber(input.deliveredAt);
  const delivery = computeLimitClock(
    calendar,
    { start: decided, limitDays: DELIVERY_LIMIT_DAYS, suspended: [], stop: delivered, today, paused: false },
    settings,
  );
  return {
    today: fromIndex(calendar, today),
    phase: delivered === undefined ? 'delivery' : 'done',
    state: delivery.state,
    acceptance,
    decision,
    delivery,
  };
}

function fromIndex(calendar: CompiledCalendar, dayNumber: number): string {
  return calendar.dates[getDayIndex(calendar, dayNumber)]!;
}

function mergeRanges(ranges: DayRange[]): DayRange[] {
  if (ranges.length <= 1) return ranges;
  const sorted = [...ranges].sort((x, y) => x.from - y.from);
  const merged: DayRange[] = [];
  for (const range of sorted) {
    const last = merged[merged.length - 1];
    // Overlapping procedures (检验 while 鉴定 runs) stop the clock once, not twice.
    if (last !== undefined && range.from <= last.to) last.to = Math.max(last.to, range.to);
    else merged.push({ ...range });
  }
  return merged;
}
