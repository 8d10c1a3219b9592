import {
  CALENDAR_MAX_SPAN_DAYS,
  SUSPENSION_KIND_LABELS,
  regionPrefix,
  type DayNoteReason,
  type LocalDayKind,
  type SuspensionKind,
} from '@tongban/contracts';
import type { CalendarErrorCode } from './calendar.errors';

/** The first year chinese-days carries; the compiled calendar starts on its 1 January. */
export const CALENDAR_FIRST_DATE = '2004-01-01';
/** Years compiled past the last year with national data (plain weekends there), so long limits still resolve. */
export const CALENDAR_YEARS_AHEAD = 3;

/** [from, to] of the compiled calendar: 2004 up to three years past the later of the data and today. */
export function getCalendarRange(dataThroughYear: number | undefined, currentYear: number) {
  const last = Math.max(dataThroughYear ?? currentYear, currentYear) + CALENDAR_YEARS_AHEAD;
  return { from: CALENDAR_FIRST_DATE, to: `${last}-12-31` };
}

/**
 * CAL-2: the notice for next year arrives in November; from 1 December (Asia/Shanghai) the admin home
 * warns while next year's national days are still missing.
 */
export function isNextYearMissing(today: string, dataThroughYear: number | undefined): boolean {
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  return month === 12 && (dataThroughYear ?? 0) < year + 1;
}

export type LocalDayRow = { regionCode: string; date: string; kind: LocalDayKind; reason: string };

/**
 * CAL-2: a region's local days apply to it and every region below it; when a county and one of its
 * townships both set the same date, the township (the more specific region) wins. Returns one entry
 * per date.
 */
export function mergeLocalDays<T extends LocalDayRow>(rows: readonly T[]): Map<string, T> {
  const byDate = new Map<string, T>();
  for (const row of rows) {
    const current = byDate.get(row.date);
    if (
      current === undefined ||
      regionPrefix(row.regionCode).length > regionPrefix(current.regionCode).length
    ) {
      byDate.set(row.date, row);
    }
  }
  return byDate;
}

/** A closure on a day that is already not worked (or an extra working day on a worked one) changes nothing. */
export function checkLocalDayUseful(
  kind: LocalDayKind,
  currentlyWorking: boolean,
): CalendarErrorCode | undefined {
  if (kind === 'closure' && !currentlyWorking) return 'CALENDAR_LOCAL_DAY_REDUNDANT';
  if (kind === 'extra_workday' && currentlyWorking) return 'CALENDAR_LOCAL_DAY_REDUNDANT';
  return undefined;
}

export function checkSpan(from: string, to: string): CalendarErrorCode | undefined {
  const days = (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000;
  return days > CALENDAR_MAX_SPAN_DAYS ? 'CALENDAR_SPAN_TOO_LONG' : undefined;
}

const REASON_TEXT: Record<DayNoteReason, string> = {
  weekend: '周末，不计入',
  holiday: '法定节假日，不计入',
  closure: '本地停工，不计入',
  suspension: '特别程序期间，暂停计时',
  workday: '调休上班，计入',
  extra_workday: '本地加班日，计入',
};

/** The Chinese line a tooltip shows for one notable day, e.g. "2026-10-01（国庆节）法定节假日，不计入". */
export function describeDayNote(note: {
  date: string;
  reason: DayNoteReason;
  name?: string | undefined;
  suspensionKind?: SuspensionKind | undefined;
}): string {
  const label =
    note.reason === 'suspension' && note.suspensionKind
      ? SUSPENSION_KIND_LABELS[note.suspensionKind]
      : note.name;
  return `${note.date}${label ? `（${label}）` : ''}${REASON_TEXT[note.reason]}`;
}
