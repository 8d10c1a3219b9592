import { CalendarError } from './errors';

/**
 * Dates are 'YYYY-MM-DD' strings at the API and integer day numbers (days since 1970-01-01) inside,
 * so that arithmetic is integer arithmetic and never goes through `Date` or a time zone library.
 */

const MS_PER_DAY = 86_400_000;
/** Asia/Shanghai is UTC+8 all year: China has had no daylight saving time since 1991. */
const SHANGHAI_OFFSET_MS = 8 * 3_600_000;

const DASH = 45;
const ZERO = 48;

function readDigits(text: string, from: number, to: number): number {
  let value = 0;
  for (let i = from; i < to; i++) {
    const digit = text.charCodeAt(i) - ZERO;
    if (digit < 0 || digit > 9) return -1;
    value = value * 10 + digit;
  }
  return value;
}

function countDaysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil). */
export function convertCivilToDayNumber(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

/** Parses 'YYYY-MM-DD' strictly (a real calendar date, four-digit year); throws INVALID_DATE. */
export function toDayNumber(date: string): number {
  if (
    typeof date !== 'string' ||
    date.length !== 10 ||
    date.charCodeAt(4) !== DASH ||
    date.charCodeAt(7) !== DASH
  ) {
    throw new CalendarError('INVALID_DATE', { date });
  }
  const year = readDigits(date, 0, 4);
  const month = readDigits(date, 5, 7);
  const day = readDigits(date, 8, 10);
  if (year < 0 || month < 1 || month > 12 || day < 1 || day > countDaysInMonth(year, month)) {
    throw new CalendarError('INVALID_DATE', { date });
  }
  return convertCivilToDayNumber(year, month, day);
}

/** Formats a day number as 'YYYY-MM-DD' (H. Hinnant's civil_from_days). */
export function fromDayNumber(dayNumber: number): string {
  if (!Number.isSafeInteger(dayNumber)) throw new CalendarError('INVALID_DATE', { dayNumber });
  const z = dayNumber + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor(
    (dayOfEra -
      Math.floor(dayOfEra / 1460) +
      Math.floor(dayOfEra / 36_524) -
      Math.floor(dayOfEra / 146_096)) /
      365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  if (year < 0 || year > 9999) throw new CalendarError('INVALID_DATE', { dayNumber });
  return `${String(year).padStart(4, '0')}-${month < 10 ? '0' : ''}${month}-${day < 10 ? '0' : ''}${day}`;
}

/** 0 = Sunday … 6 = Saturday, like `Date#getDay`. 1970-01-01 was a Thursday. */
export function getWeekdayOfDayNumber(dayNumber: number): number {
  return (((dayNumber + 4) % 7) + 7) % 7;
}

/** 0 = Sunday … 6 = Saturday. */
export function getWeekday(date: string): number {
  return getWeekdayOfDayNumber(toDayNumber(date));
}

function assertValidInstant(instant: Date): number {
  const time = instant instanceof Date ? instant.getTime() : Number.NaN;
  if (Number.isNaN(time)) throw new CalendarError('INVALID_DATE', { instant: String(instant) });
  return time;
}

/** The Asia/Shanghai calendar day (as a day number) on which an instant falls. */
export function toShanghaiDayNumber(instant: Date): number {
  return Math.floor((assertValidInstant(instant) + SHANGHAI_OFFSET_MS) / MS_PER_DAY);
}

/** The Asia/Shanghai calendar date ('YYYY-MM-DD') on which an instant falls. */
export function toShanghaiDate(instant: Date): string {
  return fromDayNumber(toShanghaiDayNumber(instant));
}

/** The instant at which an Asia/Shanghai day ends (24:00, i.e. 00:00 of the next day): when a limit expires. */
export function toEndOfShanghaiDay(date: string): Date {
  return toEndOfShanghaiDayNumber(toDayNumber(date));
}

export function toEndOfShanghaiDayNumber(dayNumber: number): Date {
  return new Date((dayNumber + 1) * MS_PER_DAY - SHANGHAI_OFFSET_MS);
}

/** The instant at which an Asia/Shanghai day starts (00:00). */
export function toStartOfShanghaiDay(date: string): Date {
  return new Date(toDayNumber(date) * MS_PER_DAY - SHANGHAI_OFFSET_MS);
}
