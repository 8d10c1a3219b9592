import { getDayInfoOfDayNumber, type CompiledCalendar } from './calendar';
import type { CaseClock, SuspendedPeriod, SuspensionKind } from './case-clock';
import { toDayNumber } from './dates';
import { CalendarError } from './errors';

export type DayNoteReason = 'weekend' | 'holiday' | 'closure' | 'suspension' | 'workday' | 'extra_workday';

/** One notable day of a period, for UI tooltips: why it was skipped, or why a weekend day counted. */
export type DayNote = {
  date: string;
  /** Whether the day counted in the limit. */
  counted: boolean;
  reason: DayNoteReason;
  /** Holiday name or closure reason from the calendar. */
  name?: string;
  suspensionKind?: SuspensionKind;
};

export type ExplainPeriodInput = {
  /** The day the period starts (not itself explained: it never counts). */
  from: string;
  /** The last day to explain, usually the deadline. */
  to: string;
  /** Suspended ranges: the working days in (from, to] of each were skipped (SUS-1). */
  suspensions?: readonly Pick<SuspendedPeriod, 'kind' | 'from' | 'to'>[];
};

/**
 * CAL-1 / SUS-1: every day in (from, to] that did not count — weekend, holiday (with its name),
 * local closure (with its reason), or a working day inside a suspension — plus the weekend days that
 * did count (调休 make-up days, local extra working days). Ordinary weekdays are left out.
 * A non-working day inside a suspension is reported with its calendar reason: it would not have
 * counted anyway. Walks the period day by day: meant for one tooltip, not for bulk use.
 */
export function explainSkippedDays(calendar: CompiledCalendar, input: ExplainPeriodInput): DayNote[] {
  const from = toDayNumber(input.from);
  const to = toDayNumber(input.to);
  if (to < from) throw new CalendarError('INVALID_RANGE', { from: input.from, to: input.to });
  const suspensions = (input.suspensions ?? []).map((s) => ({
    kind: s.kind,
    from: toDayNumber(s.from),
    to: toDayNumber(s.to),
  }));
  const notes: DayNote[] = [];
  for (let day = from + 1; day <= to; day++) {
    const info = getDayInfoOfDayNumber(calendar, day);
    let note: DayNote | undefined;
    if (!info.working) {
      const reason =
        info.status === 'closure' ? 'closure' : info.status === 'holiday' ? 'holiday' : 'weekend';
      note = { date: info.date, counted: false, reason };
    } else {
      const suspension = suspensions.find((s) => day > s.from && day <= s.to);
      if (suspension !== undefined) {
        note = { date: info.date, counted: false, reason: 'suspension', suspensionKind: suspension.kind };
      } else if (info.status === 'workday' || info.status === 'extra_workday') {
        note = { date: info.date, counted: true, reason: info.status };
      }
    }
    if (note === undefined) continue;
    if (info.name !== undefined && note.reason !== 'suspension') note.name = info.name;
    notes.push(note);
  }
  return notes;
}

/**
 * The tooltip of a case clock: the notable days between the running clock's start and its legal
 * deadline (the decision clock once accepted, else the ACC-1 acceptance clock; DEL-1 once decided).
 */
export function explainCaseClock(calendar: CompiledCalendar, clock: CaseClock): DayNote[] {
  if (clock.delivery !== undefined) {
    return explainSkippedDays(calendar, { from: clock.delivery.startDate, to: clock.delivery.deadline });
  }
  if (clock.decision !== undefined) {
    return explainSkippedDays(calendar, {
      from: clock.decision.startDate,
      to: clock.decision.legal.deadline,
      suspensions: clock.decision.suspendedPeriods,
    });
  }
  return explainSkippedDays(calendar, { from: clock.acceptance.startDate, to: clock.acceptance.deadline });
}
