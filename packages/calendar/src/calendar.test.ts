import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addWorkingDays,
  compileCalendar,
  countWorkingDaysBetween,
  getDayInfo,
  getNextWorkingDay,
  getPreviousWorkingDay,
  getWorkingDayOnOrAfter,
  isWorkingDay,
  listDayInfos,
  type CalendarDay,
} from './calendar';
import { daysFromChineseDays } from './chinese-days-source';
import { fromDayNumber, toDayNumber } from './dates';
import { CalendarError } from './errors';

const NATIONAL = daysFromChineseDays();
const calendar = compileCalendar(NATIONAL, { from: '2004-01-01', to: '2035-12-31' });

describe('2026 春节 (2/15–2/23 off; Saturdays 2/14 and 2/28 worked)', () => {
  it('CAL-1: make-up Saturdays are working days, holiday days are not', () => {
    expect(isWorkingDay(calendar, '2026-02-14')).toBe(true);
    expect(isWorkingDay(calendar, '2026-02-28')).toBe(true);
    for (let day = toDayNumber('2026-02-15'); day <= toDayNumber('2026-02-23'); day++) {
      expect(isWorkingDay(calendar, fromDayNumber(day))).toBe(false);
    }
    expect(isWorkingDay(calendar, '2026-03-01')).toBe(false);
    expect(getDayInfo(calendar, '2026-02-16')).toEqual({
      date: '2026-02-16',
      status: 'holiday',
      working: false,
      name: '春节',
    });
  });

  it('CAL-1: the start day does not count; the make-up Saturday is day 1', () => {
    expect(addWorkingDays(calendar, '2026-02-13', 1)).toBe('2026-02-14');
    expect(addWorkingDays(calendar, '2026-02-13', 2)).toBe('2026-02-24');
    expect(addWorkingDays(calendar, '2026-02-12', 5)).toBe('2026-02-26');
  });

  it('CAL-1: an event on a holiday counts from the next working day, which is day 1', () => {
    expect(addWorkingDays(calendar, '2026-02-15', 1)).toBe('2026-02-24');
    expect(addWorkingDays(calendar, '2026-02-20', 3)).toBe('2026-02-26');
    // Same as an event on the last working day before the holiday (2/14): both give 2/24.
    expect(addWorkingDays(calendar, '2026-02-14', 1)).toBe('2026-02-24');
    expect(getNextWorkingDay(calendar, '2026-02-15')).toBe('2026-02-24');
    expect(getWorkingDayOnOrAfter(calendar, '2026-02-15')).toBe('2026-02-24');
    expect(getWorkingDayOnOrAfter(calendar, '2026-02-14')).toBe('2026-02-14');
    expect(getPreviousWorkingDay(calendar, '2026-02-24')).toBe('2026-02-14');
  });

  it('CAL-1: working days in (a, b] skip the holiday and include both Saturdays', () => {
    expect(countWorkingDaysBetween(calendar, '2026-02-13', '2026-02-28')).toBe(6);
    expect(countWorkingDaysBetween(calendar, '2026-02-14', '2026-02-23')).toBe(0);
    expect(countWorkingDaysBetween(calendar, '2026-02-28', '2026-02-13')).toBe(-6);
  });
});

describe('2026 国庆 (10/1–10/7 off; Sunday 9/20 and Saturday 10/10 worked)', () => {
  it('CAL-1: make-up days work, the golden week does not', () => {
    expect(isWorkingDay(calendar, '2026-09-20')).toBe(true);
    expect(isWorkingDay(calendar, '2026-10-10')).toBe(true);
    expect(isWorkingDay(calendar, '2026-10-01')).toBe(false);
    expect(isWorkingDay(calendar, '2026-10-07')).toBe(false);
    expect(isWorkingDay(calendar, '2026-10-08')).toBe(true);
  });

  it('CAL-1: deadlines across the golden week', () => {
    expect(addWorkingDays(calendar, '2026-09-18', 1)).toBe('2026-09-20');
    expect(addWorkingDays(calendar, '2026-09-30', 1)).toBe('2026-10-08');
    expect(addWorkingDays(calendar, '2026-09-30', 3)).toBe('2026-10-10');
    expect(addWorkingDays(calendar, '2026-10-03', 3)).toBe('2026-10-10');
    // DEL-1 shape: 10 working days from a decision on 9/30.
    expect(addWorkingDays(calendar, '2026-09-30', 10)).toBe('2026-10-20');
    // DEC-1 shape: 20 working days from an acceptance on Monday 9/21 — 中秋 (Friday 9/25) is skipped
    // too, so day 20 is Monday 10/26, not Friday 10/23.
    expect(isWorkingDay(calendar, '2026-09-25')).toBe(false);
    expect(addWorkingDays(calendar, '2026-09-21', 20)).toBe('2026-10-26');
  });
});

describe('compiled calendar', () => {
  it('CAL-2: local closures and extra working days override national days (local wins)', () => {
    const local: CalendarDay[] = [
      { date: '2026-02-14', kind: 'closure', name: '台风停工' },
      { date: '2026-02-16', kind: 'extra_workday', name: '窗口加班' },
      { date: '2026-03-03', kind: 'closure', name: '台风“海葵”' },
    ];
    const regional = compileCalendar(NATIONAL, { from: '2025-01-01', to: '2027-12-31', local });
    expect(isWorkingDay(regional, '2026-02-14')).toBe(false);
    expect(isWorkingDay(regional, '2026-02-16')).toBe(true);
    expect(getDayInfo(regional, '2026-03-03')).toEqual({
      date: '2026-03-03',
      status: 'closure',
      working: false,
      name: '台风“海葵”',
    });
    expect(addWorkingDays(regional, '2026-02-13', 1)).toBe('2026-02-16');
    // The national calendar is untouched.
    expect(isWorkingDay(calendar, '2026-02-14')).toBe(true);
  });

  it('CAL-1: weekends are implicit when no data is given', () => {
    const bare = compileCalendar([], { from: '2030-01-01', to: '2030-12-31' });
    expect(isWorkingDay(bare, '2030-01-05')).toBe(false);
    expect(addWorkingDays(bare, '2030-01-04', 1)).toBe('2030-01-07');
    expect(bare.dataThroughYear).toBeUndefined();
    expect(calendar.dataThroughYear).toBeGreaterThanOrEqual(2026);
  });

  it('lists a month for the calendar page', () => {
    const month = listDayInfos(calendar, '2026-10-01', '2026-10-31');
    expect(month).toHaveLength(31);
    expect(month.filter((d) => d.working)).toHaveLength(
      countWorkingDaysBetween(calendar, '2026-09-30', '2026-10-31'),
    );
  });

  it('rejects bad input with typed errors', () => {
    const expectCode = (fn: () => unknown, code: string): void => {
      try {
        fn();
        expect.unreachable();
      } catch (error) {
        expect(error).toBeInstanceOf(CalendarError);
        expect((error as CalendarError).code).toBe(code);
      }
    };
    expectCode(() => compileCalendar([], { from: '2026-01-02', to: '2026-01-01' }), 'INVALID_RANGE');
    expectCode(
      () =>
        compileCalendar(
          [
            { date: '2026-01-01', kind: 'holiday' },
            { date: '2026-01-01', kind: 'workday' },
          ],
          { from: '2026-01-01', to: '2026-12-31' },
        ),
      'DUPLICATE_DAY',
    );
    expectCode(
      () =>
        compileCalendar([{ date: '2026-01-01', kind: 'weekend' as never }], {
          from: '2026-01-01',
          to: '2026-12-31',
        }),
      'INVALID_DAY_KIND',
    );
    expectCode(() => addWorkingDays(calendar, '2026-01-01', -1), 'INVALID_COUNT');
    expectCode(() => addWorkingDays(calendar, '2026-01-01', 1.5), 'INVALID_COUNT');
    expectCode(() => addWorkingDays(calendar, '2003-12-31', 1), 'DATE_OUT_OF_RANGE');
    expectCode(() => addWorkingDays(calendar, '2035-12-28', 10), 'DATE_OUT_OF_RANGE');
    expectCode(() => isWorkingDay(calendar, '2026-02-30'), 'INVALID_DATE');
  });
});

describe('properties', () => {
  const day = fc
    .integer({ min: toDayNumber('2004-01-01'), max: toDayNumber('2034-06-30') })
    .map(fromDayNumber);
  const count = fc.integer({ min: 0, max: 300 });

  it('CAL-1: countWorkingDaysBetween(d, addWorkingDays(d, n)) === n for every covered d (working or not), n ≥ 0', () => {
    fc.assert(
      fc.property(day, count, (d, n) => {
        expect(countWorkingDaysBetween(calendar, d, addWorkingDays(calendar, d, n))).toBe(n);
      }),
      { numRuns: 2000 },
    );
  });

  it('CAL-1: addWorkingDays is strictly increasing in n and lands on a working day for n ≥ 1', () => {
    fc.assert(
      fc.property(day, count, count, (d, a, b) => {
        fc.pre(a !== b);
        const [lo, hi] = a < b ? [a, b] : [b, a];
        expect(addWorkingDays(calendar, d, lo) < addWorkingDays(calendar, d, hi)).toBe(true);
        expect(isWorkingDay(calendar, addWorkingDays(calendar, d, hi))).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });

  it('CAL-1: agrees with a day-by-day walk', () => {
    fc.assert(
      fc.property(day, fc.integer({ min: 0, max: 60 }), (d, n) => {
        let current = toDayNumber(d);
        for (let left = n; left > 0;) {
          current++;
          if (isWorkingDay(calendar, fromDayNumber(current))) left--;
        }
        expect(addWorkingDays(calendar, d, n)).toBe(fromDayNumber(current));
      }),
      { numRuns: 500 },
    );
  });

  it('CAL-2: adding closures never shortens a deadline', () => {
    const from = '2025-01-01';
    const to = '2027-12-31';
    const base = compileCalendar(NATIONAL, { from, to });
    const inRange = fc
      .integer({ min: toDayNumber('2025-01-01'), max: toDayNumber('2027-06-30') })
      .map(fromDayNumber);
    fc.assert(
      fc.property(
        inRange,
        fc.integer({ min: 0, max: 45 }),
        fc.uniqueArray(inRange, { maxLength: 8 }),
        (d, n, closed) => {
          const regional = compileCalendar(NATIONAL, {
            from,
            to,
            local: closed.map((date) => ({ date, kind: 'closure' as const })),
          });
          expect(addWorkingDays(regional, d, n) >= addWorkingDays(base, d, n)).toBe(true);
        },
      ),
      { numRuns: 200 },
    );
  });
});
