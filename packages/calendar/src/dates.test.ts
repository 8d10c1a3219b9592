import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  fromDayNumber,
  getWeekday,
  toDayNumber,
  toEndOfShanghaiDay,
  toShanghaiDate,
  toStartOfShanghaiDay,
} from './dates';
import { CalendarError } from './errors';

describe('day numbers', () => {
  it('counts days from 1970-01-01', () => {
    expect(toDayNumber('1970-01-01')).toBe(0);
    expect(toDayNumber('2026-02-15')).toBe(Date.UTC(2026, 1, 15) / 86_400_000);
    expect(fromDayNumber(-1)).toBe('1969-12-31');
  });

  it('round-trips and agrees with Date.UTC for every day 1900–2100', () => {
    fc.assert(
      fc.property(fc.integer({ min: toDayNumber('1900-01-01'), max: toDayNumber('2100-12-31') }), (day) => {
        const date = fromDayNumber(day);
        expect(date).toBe(new Date(day * 86_400_000).toISOString().slice(0, 10));
        expect(toDayNumber(date)).toBe(day);
      }),
    );
  });

  it('rejects what is not a real YYYY-MM-DD date', () => {
    for (const bad of [
      '2026-02-29',
      '2026-2-01',
      '2026-13-01',
      '2026-00-10',
      '2026-04-31',
      '20260101',
      'x',
    ]) {
      expect(() => toDayNumber(bad), bad).toThrow(CalendarError);
    }
    expect(toDayNumber('2024-02-29')).toBe(toDayNumber('2024-03-01') - 1);
  });

  it('knows the weekday (0 = Sunday)', () => {
    expect(getWeekday('2026-02-14')).toBe(6);
    expect(getWeekday('2026-02-15')).toBe(0);
    expect(getWeekday('2026-10-01')).toBe(4);
  });
});

describe('Asia/Shanghai (UTC+8, no DST)', () => {
  it('CAL-1: an instant belongs to its Shanghai date, not its UTC date', () => {
    expect(toShanghaiDate(new Date('2026-02-14T15:59:59.999Z'))).toBe('2026-02-14');
    expect(toShanghaiDate(new Date('2026-02-14T16:00:00.000Z'))).toBe('2026-02-15');
    expect(toShanghaiDate(new Date('2026-07-01T00:00:00+08:00'))).toBe('2026-07-01');
  });

  it('CAL-1: a limit ends at 24:00 Shanghai time of its last day', () => {
    expect(toEndOfShanghaiDay('2026-02-24').toISOString()).toBe('2026-02-24T16:00:00.000Z');
    expect(toStartOfShanghaiDay('2026-02-24').toISOString()).toBe('2026-02-23T16:00:00.000Z');
  });

  it('rejects an invalid instant', () => {
    expect(() => toShanghaiDate(new Date('nope'))).toThrow(CalendarError);
  });
});
