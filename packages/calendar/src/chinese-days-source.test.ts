import { isWorkday } from 'chinese-days';
import { describe, expect, it } from 'vitest';
import { compileCalendar, isWorkingDay } from './calendar';
import { daysFromChineseDays } from './chinese-days-source';
import { fromDayNumber, toDayNumber } from './dates';

describe('chinese-days as the national source', () => {
  const days = daysFromChineseDays();

  it('CAL-2: carries every year from 2004, holidays and make-up days with Chinese names', () => {
    const years = new Set(days.map((d) => Number(d.date.slice(0, 4))));
    for (let year = 2004; year <= 2026; year++) expect(years.has(year), String(year)).toBe(true);
    expect(days).toContainEqual({ date: '2026-02-15', kind: 'holiday', name: '春节' });
    expect(days).toContainEqual({ date: '2026-02-14', kind: 'workday', name: '春节调休' });
    expect(days).toContainEqual({ date: '2026-10-10', kind: 'workday', name: '国庆节调休' });
  });

  it('CAL-1: every day 2019-01-01 … 2026-12-31 agrees with chinese-days isWorkday', () => {
    const calendar = compileCalendar(days, { from: '2004-01-01', to: '2035-12-31' });
    const mismatches: string[] = [];
    for (let day = toDayNumber('2019-01-01'); day <= toDayNumber('2026-12-31'); day++) {
      const date = fromDayNumber(day);
      if (isWorkingDay(calendar, date) !== isWorkday(date)) mismatches.push(date);
    }
    expect(mismatches).toEqual([]);
  });
});
