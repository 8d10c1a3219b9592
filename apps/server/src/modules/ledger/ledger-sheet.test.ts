import { describe, expect, it } from 'vitest';
import { formatDue, parseDue, parseSheetDate } from './ledger-sheet';

describe('完成时限 in the 整改台账 sheet', () => {
  it('reads the ways offices write a date', () => {
    expect(parseSheetDate('2026-12-31')).toBe('2026-12-31');
    expect(parseSheetDate('2026/3/5')).toBe('2026-03-05');
    expect(parseSheetDate('2026.03.05')).toBe('2026-03-05');
    expect(parseSheetDate('2026年3月5日前')).toBe('2026-03-05');
    expect(parseSheetDate('2026 年 2 月底前')).toBe('2026-02-28');
    expect(parseSheetDate('2028年2月')).toBe('2028-02-29');
    expect(parseSheetDate('2026年底')).toBe('2026-12-31');
    expect(parseSheetDate('立行立改')).toBeUndefined();
    expect(parseSheetDate('2026-02-30')).toBeNull();
    expect(parseSheetDate('3个月内')).toBeNull();
  });

  it('gives the kind from the words and needs a date for 限期整改', () => {
    expect(parseDue('立行立改')).toEqual({ kind: 'immediate', dueDate: null });
    expect(parseDue('长期坚持（2026-12-31）')).toEqual({ kind: 'ongoing', dueDate: '2026-12-31' });
    expect(parseDue(new Date('2026-11-30T00:00:00Z'))).toEqual({ kind: 'deadline', dueDate: '2026-11-30' });
    expect(parseDue(46356)).toEqual({ kind: 'deadline', dueDate: '2026-11-30' });
    expect(parseDue('限期整改')).toEqual({ kind: 'deadline', dueDate: null });
    expect(parseDue('尽快')).toHaveProperty('reason');
    expect(parseDue('')).toHaveProperty('reason');
    expect(parseDue('2026-13-01')).toHaveProperty('reason');
  });

  it('writes what it reads back', () => {
    for (const [kind, due] of [
      ['deadline', '2026-11-30'],
      ['deadline', null],
      ['immediate', null],
      ['immediate', '2026-11-30'],
      ['ongoing', null],
      ['ongoing', '2027-06-30'],
    ] as const)
      expect(parseDue(formatDue(kind, due))).toEqual({ kind, dueDate: due });
  });
});
