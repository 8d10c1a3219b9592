import { describe, expect, it } from 'vitest';
import { compileCalendar } from './calendar';
import { computeCaseClock } from './case-clock';
import { daysFromChineseDays } from './chinese-days-source';
import { explainCaseClock, explainSkippedDays } from './explain';

const calendar = compileCalendar(daysFromChineseDays(), {
  from: '2025-01-01',
  to: '2027-12-31',
  local: [{ date: '2026-10-13', kind: 'closure', name: '台风停工' }],
});

describe('explanations for tooltips', () => {
  it('CAL-1: names the holiday days skipped and the make-up days that counted', () => {
    const notes = explainSkippedDays(calendar, { from: '2026-02-13', to: '2026-02-24' });
    expect(notes[0]).toEqual({ date: '2026-02-14', counted: true, reason: 'workday', name: '春节调休' });
    expect(notes.filter((n) => n.reason === 'holiday')).toHaveLength(9);
    expect(notes.every((n) => n.date > '2026-02-13' && n.date <= '2026-02-24')).toBe(true);
  });

  it('CAL-2 / SUS-1: a case clock lists weekends, 中秋/国庆, the closure and the suspended working days', () => {
    const clock = computeCaseClock(
      {
        materialsReceivedAt: new Date('2026-09-21T09:00:00+08:00'),
        acceptedAt: new Date('2026-09-21T10:00:00+08:00'),
        suspensions: [
          {
            kind: 'expert_review',
            countsInLimit: false,
            start: new Date('2026-09-23T10:00:00+08:00'),
            end: new Date('2026-09-24T10:00:00+08:00'),
          },
        ],
        isBundle: false,
      },
      calendar,
      undefined,
      new Date('2026-09-30T10:00:00+08:00'),
    );
    const notes = explainCaseClock(calendar, clock);
    const byDate = new Map(notes.map((n) => [n.date, n]));
    expect(byDate.get('2026-09-24')).toEqual({
      date: '2026-09-24',
      counted: false,
      reason: 'suspension',
      suspensionKind: 'expert_review',
    });
    expect(byDate.get('2026-09-25')).toMatchObject({ counted: false, reason: 'holiday', name: '中秋' });
    expect(byDate.get('2026-10-01')).toMatchObject({ counted: false, reason: 'holiday', name: '国庆节' });
    expect(byDate.get('2026-10-10')).toMatchObject({ counted: true, reason: 'workday' });
    expect(byDate.get('2026-10-13')).toMatchObject({ counted: false, reason: 'closure', name: '台风停工' });
    expect(byDate.get('2026-10-11')).toMatchObject({ counted: false, reason: 'weekend' });
    // 20 counted days + 1 suspended + 1 closure: every skipped working day is explained.
    expect(clock.decision?.legal.deadline).toBe('2026-10-28');
    expect(notes.at(-1)!.date <= '2026-10-28').toBe(true);
  });
});
