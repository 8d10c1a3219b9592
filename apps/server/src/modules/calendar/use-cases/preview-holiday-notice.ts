import { HolidayNoticeError, parseHolidayNotice, type HolidayNoticeResult } from '@tongban/calendar';
import type { HolidayNoticeInput, HolidayNoticePreview } from '@tongban/contracts';
import { assertAccess, type Actor } from '../../../platform/access';
import type { Deps } from '../../../platform/app-types';
import type { Executor } from '../../../platform/db';
import { shanghaiToday } from '../../../platform/time';
import { CalendarModuleError } from '../calendar.errors';
import * as repo from '../calendar.repository';

/** Parses the notice and refuses what may not be loaded: an unreadable text, a year already past. */
export function readNotice(deps: Deps, text: string): HolidayNoticeResult {
  let parsed: HolidayNoticeResult;
  try {
    parsed = parseHolidayNotice(text);
  } catch (err) {
    if (err instanceof HolidayNoticeError)
      throw new CalendarModuleError('CALENDAR_NOTICE_UNREADABLE', err.message);
    throw err;
  }
  const thisYear = Number(shanghaiToday(deps.clock.now()).slice(0, 4));
  // Past deadlines were computed and told to applicants with the days then known; they stay.
  if (parsed.year < thisYear) {
    throw new CalendarModuleError(
      'CALENDAR_NOTICE_PAST_YEAR',
      `${parsed.year} 年已过去，不能再改动当年的节假日`,
      {
        year: parsed.year,
      },
    );
  }
  if (parsed.year > thisYear + 1) {
    throw new CalendarModuleError(
      'CALENDAR_NOTICE_PAST_YEAR',
      `只能导入今年或明年的节假日通知（读到的是 ${parsed.year} 年）`,
      {
        year: parsed.year,
      },
    );
  }
  return parsed;
}

/** What loading the notice would change against the days held for its year. */
export async function compareWithHeld(
  db: Executor,
  parsed: HolidayNoticeResult,
): Promise<HolidayNoticePreview['change']> {
  const held = await repo.listNationalDaysOfYear(db, parsed.year);
  const before = new Map(held.map((d) => [String(d.date), d.kind]));
  const after = new Map(parsed.days.map((d) => [d.date, d.kind]));
  return {
    yearLoaded: held.length > 0,
    added: [...after.keys()].filter((d) => !before.has(d)),
    removed: [...before.keys()].filter((d) => !after.has(d)),
    changed: [...after.keys()].filter((d) => before.has(d) && before.get(d) !== after.get(d)),
  };
}

/** CAL-2: shows what a pasted notice says, day by day, before anything is saved. */
export async function previewHolidayNotice(
  deps: Deps,
  actor: Actor,
  input: HolidayNoticeInput,
): Promise<HolidayNoticePreview> {
  assertAccess(actor, 'calendar.national.write');
  const parsed = readNotice(deps, input.text);
  return {
    year: parsed.year,
    blocks: parsed.blocks,
    days: parsed.days.map((d) => ({
      date: d.date,
      kind: d.kind === 'workday' ? 'workday' : 'holiday',
      name: d.name ?? '',
    })),
    warnings: parsed.warnings,
    change: await compareWithHeld(deps.db, parsed),
  };
}
