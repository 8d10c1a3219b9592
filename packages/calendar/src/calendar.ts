import { fromDayNumber, getWeekdayOfDayNumber, toDayNumber } from './dates';
import { CalendarError } from './errors';

/**
 * Kinds of dated days a calendar is built from. Ordinary weekdays and weekends are implicit
 * (Mon–Fri working, Sat–Sun not) and need no entry.
 * - `workday`: a 调休 make-up working day (a weekend day the State Council notice makes a working day).
 * - `holiday`: a statutory holiday day (法定节假日, including the weekend days inside a holiday block).
 * - `closure`: a local closure such as a typhoon day (CAL-2) — not a working day.
 * - `extra_workday`: a local extra working day — a working day.
 */
export const DAY_KINDS = ['workday', 'holiday', 'closure', 'extra_workday'] as const;
export type DayKind = (typeof DAY_KINDS)[number];

export type CalendarDay = { date: string; kind: DayKind; name?: string };

/** What a compiled day is: an explicit kind, or the implicit `weekday` / `weekend`. */
export type DayStatus = 'weekday' | 'weekend' | DayKind;

export type DayInfo = { date: string; status: DayStatus; working: boolean; name?: string };

export type CompileCalendarOptions = {
  /** First covered date, 'YYYY-MM-DD' (inclusive). */
  from: string;
  /** Last covered date, 'YYYY-MM-DD' (inclusive). */
  to: string;
  /** A region's own days (closures, extra working days, …); on the same date they win over `days`. */
  local?: readonly CalendarDay[];
};

/**
 * A calendar compiled for O(1) working-day arithmetic. Treat it as opaque and immutable: build it
 * with `compileCalendar`, query it with the functions below.
 */
export type CompiledCalendar = {
  readonly from: string;
  readonly to: string;
  /** Day number (days since 1970-01-01) of `from`; day index i is day number firstDay + i. */
  readonly firstDay: number;
  readonly lastDay: number;
  /** Per day index: index into STATUS_CODES. */
  readonly statuses: Uint8Array;
  /** cumulative[i] = number of working days among day indices 0 … i-1 (length = days + 1). */
  readonly cumulative: Uint32Array;
  /** workingDays[k] = day index of the (k+1)-th working day in the range. */
  readonly workingDays: Uint32Array;
  /** Names (holiday name, closure reason) by day index. */
  readonly names: ReadonlyMap<number, string>;
  /** 'YYYY-MM-DD' by day index, so results need no formatting work. */
  readonly dates: readonly string[];
  /**
   * The last year with at least one `holiday` or `workday` entry (CAL-2: the next year's notice
   * arrives in November; later years are plain weekends until it is loaded), or undefined.
   */
  readonly dataThroughYear: number | undefined;
};

const STATUS_CODES: readonly DayStatus[] = [
  'weekday',
  'weekend',
  'workday',
  'holiday',
  'closure',
  'extra_workday',
];
const WORKING_BY_CODE: readonly boolean[] = [true, false, true, false, false, true];
const WEEKDAY_CODE = 0;
const WEEKEND_CODE = 1;

function encodeKind(kind: unknown, date: string): number {
  const code =
    typeof kind === 'string' && kind !== 'weekday' && kind !== 'weekend'
      ? STATUS_CODES.indexOf(kind as DayStatus)
      : -1;
  if (code < 0) throw new CalendarError('INVALID_DAY_KIND', { date, kind });
  return code;
}

/**
 * Builds the calendar for [from, to]. National days come first; `local` days override them on the
 * same date (a typhoon closure on a 调休 Saturday makes it non-working). Entries outside the range
 * are ignored; two different kinds for one date within one layer are a data error.
 */
export function compileCalendar(
  days: readonly CalendarDay[],
  options: CompileCalendarOptions,
): CompiledCalendar {
  const firstDay = toDayNumber(options.from);
  const lastDay = toDayNumber(options.to);
  if (lastDay < firstDay) throw new CalendarError('INVALID_RANGE', { from: options.from, to: options.to });
  const size = lastDay - firstDay + 1;

  const statuses = new Uint8Array(size);
  const dates: string[] = new Array<string>(size);
  for (let i = 0; i < size; i++) {
    const weekday = getWeekdayOfDayNumber(firstDay + i);
    statuses[i] = weekday === 0 || weekday === 6 ? WEEKEND_CODE : WEEKDAY_CODE;
    dates[i] = fromDayNumber(firstDay + i);
  }

  const names = new Map<number, string>();
  let dataThroughYear: number | undefined;
  const applyLayer = (layer: readonly CalendarDay[]): void => {
    const seen = new Map<number, number>();
    for (const entry of layer) {
      const code = encodeKind(entry.kind, entry.date);
      const dayNumber = toDayNumber(entry.date);
      const previous = seen.get(dayNumber);
      if (previous !== undefined && previous !== code) {
        throw new CalendarError('DUPLICATE_DAY', {
          date: entry.date,
          kinds: [STATUS_CODES[previous], entry.kind],
        });
      }
      seen.set(dayNumber, code);
      if (entry.kind === 'holiday' || entry.kind === 'workday') {
        const year = Number(entry.date.slice(0, 4));
        if (dataThroughYear === undefined || year > dataThroughYear) dataThroughYear = year;
      }
      const index = dayNumber - firstDay;
      if (index < 0 || index >= size) continue;
      statuses[index] = code;
      // A local entry replaces the national name too: the tooltip must say why the day is what it is.
      if (entry.name) names.set(index, entry.name);
      else names.delete(index);
    }
  };
  applyLayer(days);
  if (options.local) applyLayer(options.local);

  const cumulative = new Uint32Array(size + 1);
  let count = 0;
  for (let i = 0; i < size; i++) {
    cumulative[i] = count;
    if (WORKING_BY_CODE[statuses[i]!]) count++;
  }
  cumulative[size] = count;
  const workingDays = new Uint32Array(count);
  for (let i = 0, k = 0; i < size; i++) {
    if (WORKING_BY_CODE[statuses[i]!]) workingDays[k++] = i;
  }

  return {
    from: dates[0]!,
    to: dates[size - 1]!,
    firstDay,
    lastDay,
    statuses,
    cumulative,
    workingDays,
    names,
    dates,
    dataThroughYear,
  };
}

// ---- Day-number primitives (used by the case clock; O(1) each) ----

/** Day index of a day number; throws DATE_OUT_OF_RANGE outside the compiled range. */
export function getDayIndex(calendar: CompiledCalendar, dayNumber: number): number {
  const index = dayNumber - calendar.firstDay;
  if (!(index >= 0 && dayNumber <= calendar.lastDay)) {
    throw new CalendarError('DATE_OUT_OF_RANGE', {
      date: Number.isSafeInteger(dayNumber) ? fromDayNumber(dayNumber) : dayNumber,
      from: calendar.from,
      to: calendar.to,
    });
  }
  return index;
}

/** Number of working days in [calendar.from, day] — the "working-day ordinal" of a day. */
export function getWorkingOrdinal(calendar: CompiledCalendar, dayNumber: number): number {
  return calendar.cumulative[getDayIndex(calendar, dayNumber) + 1]!;
}

/** The day number of the working day whose ordinal is `ordinal` (≥ 1). */
export function getDayOfWorkingOrdinal(calendar: CompiledCalendar, ordinal: number): number {
  const index = calendar.workingDays[ordinal - 1];
  if (index === undefined || ordinal < 1) {
    throw new CalendarError('DATE_OUT_OF_RANGE', { ordinal, from: calendar.from, to: calendar.to });
  }
  return calendar.firstDay + index;
}

/** CAL-1: the n-th working day strictly after `dayNumber` (n = 0: the day itself). */
export function addWorkingDaysToDayNumber(calendar: CompiledCalendar, dayNumber: number, n: number): number {
  if (!Number.isSafeInteger(n) || n < 0) throw new CalendarError('INVALID_COUNT', { n });
  if (n === 0) {
    getDayIndex(calendar, dayNumber);
    return dayNumber;
  }
  return getDayOfWorkingOrdinal(calendar, getWorkingOrdinal(calendar, dayNumber) + n);
}

/** CAL-1: number of working days in (a, b]; negative when b < a. */
export function countWorkingDaysBetweenDayNumbers(calendar: CompiledCalendar, a: number, b: number): number {
  return getWorkingOrdinal(calendar, b) - getWorkingOrdinal(calendar, a);
}

export function isWorkingDayNumber(calendar: CompiledCalendar, dayNumber: number): boolean {
  return WORKING_BY_CODE[calendar.statuses[getDayIndex(calendar, dayNumber)]!]!;
}

// ---- The public 'YYYY-MM-DD' API ----

/** CAL-1: Mon–Fri and 调休/local extra working days are working days; weekends, holidays, closures are not. */
export function isWorkingDay(calendar: CompiledCalendar, date: string): boolean {
  return isWorkingDayNumber(calendar, toDayNumber(date));
}

/**
 * CAL-1: the n-th working day strictly after `start` — the last day of a limit of n working days
 * that starts on `start` (the limit ends at 24:00 Asia/Shanghai of that day). The start day never
 * counts; when `start` is not a working day the next working day is day 1, exactly as if the event
 * had happened at 00:00 of that working day. n = 0 returns `start`. O(1).
 */
export function addWorkingDays(calendar: CompiledCalendar, start: string, n: number): string {
  if (!Number.isSafeInteger(n) || n < 0) throw new CalendarError('INVALID_COUNT', { n });
  const index = getDayIndex(calendar, toDayNumber(start));
  if (n === 0) return calendar.dates[index]!;
  const target = calendar.workingDays[calendar.cumulative[index + 1]! + n - 1];
  if (target === undefined) {
    throw new CalendarError('DATE_OUT_OF_RANGE', { start, n, from: calendar.from, to: calendar.to });
  }
  return calendar.dates[target]!;
}

/**
 * CAL-1: the number of working days in (a, b] — a excluded, b included; negative when b is before a.
 * For every covered d and n ≥ 0: countWorkingDaysBetween(d, addWorkingDays(d, n)) === n.
 */
export function countWorkingDaysBetween(calendar: CompiledCalendar, a: string, b: string): number {
  return countWorkingDaysBetweenDayNumbers(calendar, toDayNumber(a), toDayNumber(b));
}

/** The first working day strictly after `date` (= addWorkingDays(date, 1)). */
export function getNextWorkingDay(calendar: CompiledCalendar, date: string): string {
  return addWorkingDays(calendar, date, 1);
}

/** `date` itself when it is a working day, else the next working day. */
export function getWorkingDayOnOrAfter(calendar: CompiledCalendar, date: string): string {
  return isWorkingDay(calendar, date) ? fromDayNumber(toDayNumber(date)) : getNextWorkingDay(calendar, date);
}

/** The last working day strictly before `date`. */
export function getPreviousWorkingDay(calendar: CompiledCalendar, date: string): string {
  const dayNumber = toDayNumber(date);
  getDayIndex(calendar, dayNumber);
  const index = calendar.cumulative[dayNumber - calendar.firstDay]!;
  return fromDayNumber(getDayOfWorkingOrdinal(calendar, index));
}

function describeIndex(calendar: CompiledCalendar, index: number): DayInfo {
  const code = calendar.statuses[index]!;
  const name = calendar.names.get(index);
  const info: DayInfo = {
    date: calendar.dates[index]!,
    status: STATUS_CODES[code]!,
    working: WORKING_BY_CODE[code]!,
  };
  if (name !== undefined) info.name = name;
  return info;
}

/** What a day is and why (for month views and tooltips). */
export function getDayInfo(calendar: CompiledCalendar, date: string): DayInfo {
  return describeIndex(calendar, getDayIndex(calendar, toDayNumber(date)));
}

export function getDayInfoOfDayNumber(calendar: CompiledCalendar, dayNumber: number): DayInfo {
  return describeIndex(calendar, getDayIndex(calendar, dayNumber));
}

/** Every day in [from, to] (inclusive), e.g. a month view. */
export function listDayInfos(calendar: CompiledCalendar, from: string, to: string): DayInfo[] {
  const first = getDayIndex(calendar, toDayNumber(from));
  const last = getDayIndex(calendar, toDayNumber(to));
  if (last < first) throw new CalendarError('INVALID_RANGE', { from, to });
  const days: DayInfo[] = [];
  for (let i = first; i <= last; i++) days.push(describeIndex(calendar, i));
  return days;
}

/**
 * CAL-2: a date in a year whose national notice is not loaded is provisional: that year's holidays
 * are not counted yet, so a deadline that lands there may move once the notice is loaded.
 */
export function isProvisionalDate(calendar: CompiledCalendar, date: string): boolean {
  return calendar.dataThroughYear === undefined || Number(date.slice(0, 4)) > calendar.dataThroughYear;
}
