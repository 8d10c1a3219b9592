// Pure rules of 电子监察 (issue 16): the colour of a case's clock (SUP-1), which escalation levels
// are due (SUP-2), the non-time triggers, and what a case counts for in the figures (RATE-1).
// No I/O: the job loads events and the calendar and asks here.
import type { EscalationLevel, SupervisionColour } from '@tongban/contracts';
import {
  computeCaseClock,
  countWorkingDaysBetween,
  type CaseClock,
  type CaseClockInput,
  type CompiledCalendar,
  type LimitClock,
  type SuspensionKind,
} from '@tongban/calendar';
import type { caseFeed } from '../cases';

type CaseState = caseFeed.CaseState;
type CaseEvent = caseFeed.CaseEvent;

/** What the figures and the clock need of a case's pinned catalog version. */
export type ItemLimits = {
  legalLimitDays: number | null;
  promisedLimitDays: number | null;
  handling: 'instant' | 'promised' | null;
  maxVisits: number | null;
  steps: readonly string[];
};

/** SUP-2: a 督办单 follows once the case has been red this many working days (or is past the legal limit). */
export const RED_CARD_AFTER_WORKING_DAYS = 3;
/** SUP-2: the head answers a 督办单 within this many working days. */
export const ORDER_REPLY_WORKING_DAYS = 3;

/** The clock input of a case; mirrors the cases module's own (a refused or withdrawn case has none). */
export function clockInputOf(s: CaseState, limits: ItemLimits): CaseClockInput | undefined {
  if (!s.receivedAt || s.status === 'draft' || s.status === 'refused' || s.status === 'withdrawn')
    return undefined;
  // 即办件 have a limit of 0; the clock needs at least one day.
  const legal = Math.max(1, limits.legalLimitDays ?? 20);
  const promised = Math.min(limits.promisedLimitDays ?? legal, legal);
  return {
    materialsReceivedAt: s.receivedAt,
    ...(s.acceptedAt ? { acceptedAt: s.acceptedAt } : {}),
    ...(s.status === 'supplement_requested' && s.supplementRequestedAt
      ? { supplementRequestedAt: s.supplementRequestedAt }
      : {}),
    suspensions: s.suspensions.map((x) => ({
      kind: x.kind as SuspensionKind,
      countsInLimit: x.countsInLimit,
      start: x.start,
      ...(x.end ? { end: x.end } : {}),
    })),
    ...(s.extension?.status === 'approved' ? { extension: { days: s.extension.days } } : {}),
    ...(s.decidedAt ? { decidedAt: s.decidedAt } : {}),
    ...(s.deliveredAt ? { deliveredAt: s.deliveredAt } : {}),
    legalLimitDays: legal,
    promisedLimitDays: promised,
    isBundle: false,
  };
}

/** The clock of a case at `now`, or null when it has none (or its dates lie outside the calendar). */
export function clockOf(s: CaseState, limits: ItemLimits, calendar: CompiledCalendar, now: Date) {
  const input = clockInputOf(s, limits);
  if (!input) return null;
  try {
    return computeCaseClock(input, calendar, undefined, now);
  } catch {
    return null;
  }
}

/** SUP-1: the item's own threshold, else 20% of the limit (rounded up), at least 1 working day. */
export function warningDaysOf(limitDays: number, override: number | null | undefined): number {
  if (override !== null && override !== undefined) return override;
  return Math.max(1, Math.ceil(0.2 * limitDays - 1e-9));
}

export type CaseColour = {
  colour: SupervisionColour;
  phase: CaseClock['phase'];
  deadline: string | null;
  leftWorkingDays: number | null;
  warningDays: number;
  /** 超法定时限: past the legal limit (with its extension) while deciding. */
  pastLegal: boolean;
  overdueWorkingDays: number;
};

function phaseClock(c: CaseClock): LimitClock {
  switch (c.phase) {
    case 'acceptance':
    case 'awaiting_supplement':
      return c.acceptance;
    case 'decision':
      return c.decision!.promised;
    case 'delivery':
    case 'done':
      return c.delivery!;
  }
}

/**
 * SUP-1: green, yellow (left ≤ warning threshold), red (past the promised deadline) or paused
 * (suspended, or waiting for 补正). The item's threshold applies to the decision clock; the
 * acceptance and delivery clocks use the default share of their own limits.
 */
export function colourOf(c: CaseClock, itemWarningDays: number | null | undefined): CaseColour {
  const lc = phaseClock(c);
  const warningDays = warningDaysOf(lc.limitDays, c.phase === 'decision' ? itemWarningDays : null);
  const pastLegal = c.phase === 'decision' && c.decision!.legal.state === 'red';
  let colour: SupervisionColour;
  if (c.phase === 'awaiting_supplement' || c.state === 'paused') colour = 'paused';
  else if (lc.state === 'red') colour = 'red';
  else if (lc.leftWorkingDays <= warningDays) colour = 'yellow';
  else colour = 'green';
  return {
    colour,
    phase: c.phase,
    deadline: lc.deadline,
    leftWorkingDays: lc.leftWorkingDays,
    warningDays,
    pastLegal,
    overdueWorkingDays: colour === 'red' ? Math.max(1, -lc.leftWorkingDays) : 0,
  };
}

const LADDER: readonly EscalationLevel[] = ['warning', 'yellow_card', 'red_card'];

/**
 * SUP-2: the time levels due for a colour, lowest first: yellow → 预警; red → 黄牌; red for
 * RED_CARD_AFTER_WORKING_DAYS or past the legal limit → 红牌 and a 督办单. (The leader level follows
 * an unanswered 督办单, not the colour.) Paused cases escalate nothing.
 */
export function dueLevels(
  c: Pick<CaseColour, 'colour' | 'pastLegal' | 'overdueWorkingDays'>,
): EscalationLevel[] {
  switch (c.colour) {
    case 'green':
    case 'paused':
      return [];
    case 'yellow':
      return ['warning'];
    case 'red':
      return c.pastLegal || c.overdueWorkingDays >= RED_CARD_AFTER_WORKING_DAYS
        ? [...LADDER]
        : ['warning', 'yellow_card'];
  }
}

/**
 * SUP-2: of the levels due, the ones not fired yet; only the highest of them is delivered (a case
 * that turns red overnight sends one 黄牌, not a warning and a 黄牌), the others are recorded.
 */
export function levelsToFire(due: readonly EscalationLevel[], fired: ReadonlySet<string>) {
  const fresh = due.filter((l) => !fired.has(l));
  return fresh.map((level, i) => ({ level, deliver: i === fresh.length - 1 }));
}

/**
 * Non-time triggers the record shows (SUP-2, 电子监察 practice): a denial without reasons or legal
 * basis, and a license issued by a case that skipped its back-office steps (handled outside).
 */
export function recordTriggers(events: readonly CaseEvent[], limits: ItemLimits): EscalationLevel[] {
  const out: EscalationLevel[] = [];
  const decided = events.find((e) => e.type === 'decided');
  if (decided && decided.outcome === 'deny' && (!decided.reason.trim() || !decided.legalBasis.trim()))
    out.push('no_reasons');
  const licensed = events.some((e) => e.type === 'license_issued');
  const instant = decided?.instant === true || limits.handling === 'instant';
  const stepsDone = events.filter((e) => e.type === 'step_completed').length;
  if (licensed && !instant && stepsDone === 0) out.push('skipped_steps');
  return out;
}

const shanghaiDay = (d: Date) => new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 10);

/** The back-office steps of an item: its steps without 受理 and 办结 (the cases module's stepIndex). */
export const backOfficeSteps = (steps: readonly string[]) =>
  steps.filter((s) => s !== '受理' && s !== '办结');

/**
 * Each back-office step's own time in working days: the item's own setting, else the promised
 * limit shared evenly among the back-office steps (rounded down), at least 1 working day.
 */
export function stepDaysOf(limits: ItemLimits, override: number | null | undefined): number {
  if (override !== null && override !== undefined) return override;
  const legal = Math.max(1, limits.legalLimitDays ?? 20);
  const promised = Math.max(1, Math.min(limits.promisedLimitDays ?? legal, legal));
  return Math.max(1, Math.floor(promised / Math.max(1, backOfficeSteps(limits.steps).length)));
}

export type StepOverdue = {
  stepIndex: number;
  stepName: string;
  since: string;
  usedDays: number;
  stepDays: number;
};

/**
 * 电子监察: the back-office step a case is at has run over its own time. The step started at the
 * acceptance or when the step before it was completed (or the case was returned to it); working
 * days while the case was suspended do not count. Null while not at a back-office step (not yet
 * accepted, decided), suspended, or within the step's time.
 */
export function stepOverdueOf(
  events: readonly CaseEvent[],
  s: CaseState,
  limits: ItemLimits,
  stepDays: number,
  calendar: CompiledCalendar,
  now: Date,
): StepOverdue | null {
  if (s.status !== 'accepted' || s.suspension) return null;
  let started: Date | null = null;
  for (const e of events)
    if (e.type === 'accepted' || e.type === 'step_completed' || e.type === 'returned') started = e.at;
  if (!started) return null;
  const since = shanghaiDay(started);
  const today = shanghaiDay(now);
  try {
    let used = countWorkingDaysBetween(calendar, since, today);
    for (const x of s.suspensions)
      if (x.end && x.start >= started)
        used -= Math.max(0, countWorkingDaysBetween(calendar, shanghaiDay(x.start), shanghaiDay(x.end)));
    if (used <= stepDays) return null;
    const names = backOfficeSteps(limits.steps);
    return {
      stepIndex: s.stepIndex,
      stepName: names[s.stepIndex] ?? `第 ${s.stepIndex + 1} 步`,
      since,
      usedDays: used,
      stepDays,
    };
  } catch {
    return null;
  }
}

/** RATE-1: what one case counts for (docs/figures.md defines each figure from these). */
export type CaseFacts = {
  receivedMonth: string | null;
  concludedMonth: string | null;
  channel: string;
  online: boolean;
  fullOnline: boolean;
  zeroVisitItem: boolean;
  zeroVisit: boolean;
  instant: boolean;
  onTime: boolean;
  early: boolean;
  overduePromised: boolean;
  overdueLegal: boolean;
  workingDays: number;
  firstTime: boolean;
};

const month = (d: Date | null) => (d ? new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 7) : null);

/** RATE-1: the facts of a case from its events and state (the clock is the one at its decision). */
export function factsOf(
  events: readonly CaseEvent[],
  s: CaseState,
  limits: ItemLimits,
  clock: CaseClock | null,
): CaseFacts {
  const decided = s.decidedAt !== null;
  const channel = s.channel ?? 'window';
  const promised = clock?.decision?.promised;
  const legal = clock?.decision?.legal;
  const onTime = decided && promised?.onTime === true;
  return {
    receivedMonth: s.status === 'draft' ? null : month(s.receivedAt),
    concludedMonth: month(s.decidedAt),
    channel,
    online: channel === 'online',
    fullOnline: channel === 'online' && s.visits === 0,
    zeroVisitItem: limits.maxVisits === 0,
    zeroVisit: s.visits === 0,
    instant: events.some((e) => e.type === 'decided' && e.instant === true),
    onTime,
    early: onTime && promised !== undefined && promised.stoppedOn! < promised.deadline,
    overduePromised: decided && !onTime,
    overdueLegal: decided && legal?.onTime === false,
    workingDays: decided ? Math.max(0, promised?.usedWorkingDays ?? 0) : 0,
    firstTime: !events.some((e) => e.type === 'supplement_requested'),
  };
}
