import { describe, expect, it } from 'vitest';
import {
  bookingsInPeriod,
  drawPatrolTimes,
  noticeNext,
  noticeOverdue,
  overlaps,
  percentile,
  PRIORITY_RANK,
  shanghaiInstant,
  shouldSuspend,
  suggestTidalSwitches,
} from './hall.policy';

const at = (hhmm: string, day = '2026-11-20') => shanghaiInstant(day, hhmm);

describe('hall policy', () => {
  it('APT-1: overlapping bookings are detected, adjacent ones are not', () => {
    const b = [{ groupId: 'g', startsAt: at('09:00'), endsAt: at('09:30') }];
    expect(overlaps(b, at('09:15'), at('09:45'))).toBe(true);
    expect(overlaps(b, at('09:30'), at('10:00'))).toBe(false);
  });

  it('APT-1: the per-person limit counts active bookings of the group within the period', () => {
    const b = [
      { groupId: 'g', startsAt: at('09:00', '2026-11-01'), endsAt: at('09:30', '2026-11-01') },
      { groupId: 'h', startsAt: at('09:00', '2026-11-02'), endsAt: at('09:30', '2026-11-02') },
    ];
    expect(bookingsInPeriod(b, 'g', at('10:00', '2026-11-20'), 30)).toBe(1);
    expect(bookingsInPeriod(b, 'g', at('10:00', '2026-12-20'), 30)).toBe(0);
  });

  it('APT-1: enough no-shows suspend', () => {
    expect(shouldSuspend(2, 3)).toBe(false);
    expect(shouldSuspend(3, 3)).toBe(true);
  });

  it('QUE-1: green channel before appointments before the rest', () => {
    expect(PRIORITY_RANK.green).toBeLessThan(PRIORITY_RANK.appointment);
    expect(PRIORITY_RANK.appointment).toBeLessThan(PRIORITY_RANK.normal);
  });

  it('PAT-1: four or more patrol times in opening hours, at least 40 minutes apart, differing by draw', () => {
    let seed = 1;
    const rnd = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    const a = drawPatrolTimes('2026-11-20', 4, rnd);
    const b = drawPatrolTimes('2026-11-20', 4, rnd);
    expect(a).toHaveLength(4);
    for (let i = 1; i < a.length; i++)
      expect(a[i]!.getTime() - a[i - 1]!.getTime()).toBeGreaterThanOrEqual(40 * 60_000 - 60_000);
    expect(a[0]!.getTime()).toBeGreaterThanOrEqual(at('08:30').getTime());
    expect(a[3]!.getTime()).toBeLessThanOrEqual(at('17:30').getTime());
    expect(a.map(Number)).not.toEqual(b.map(Number));
  });

  it('PAT-1: a notice is replied, then followed up; overdue only while issued past its deadline', () => {
    expect(noticeNext('issued', 'reply')).toBe('replied');
    expect(noticeNext('replied', 'reply')).toBeNull();
    expect(noticeNext('replied', 'followUp')).toBe('closed');
    expect(noticeNext('closed', 'followUp')).toBeNull();
    expect(noticeOverdue('issued', '2026-11-19', '2026-11-20')).toBe(true);
    expect(noticeOverdue('replied', '2026-11-19', '2026-11-20')).toBe(false);
  });

  it('p90 by nearest rank', () => {
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 90)).toBe(9);
    expect(percentile([], 90)).toBe(0);
  });

  it('tidal: the busiest group takes an open tidal window from a quiet one', () => {
    const s = suggestTidalSwitches(
      [
        { groupId: 'A', waiting: 1, bookingsLeft: 0, windows: 2 },
        { groupId: 'S', waiting: 14, bookingsLeft: 0, windows: 1 },
      ],
      [
        { windowId: 'w1', tidal: false, open: true, groupIds: ['A'] },
        { windowId: 'w3', tidal: true, open: true, groupIds: ['A'] },
        { windowId: 'w5', tidal: false, open: true, groupIds: ['S'] },
      ],
    );
    expect(s).toEqual([{ windowId: 'w3', fromGroupIds: ['A'], toGroupId: 'S' }]);
    expect(suggestTidalSwitches([{ groupId: 'A', waiting: 2, bookingsLeft: 0, windows: 1 }], [])).toEqual([]);
  });
});
