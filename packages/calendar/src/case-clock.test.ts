import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addWorkingDays, compileCalendar } from './calendar';
import {
  checkExtension,
  computeCaseClock,
  getYellowThreshold,
  DEFAULT_CASE_CLOCK_SETTINGS,
  type CaseClockInput,
  type Suspension,
} from './case-clock';
import { daysFromChineseDays } from './chinese-days-source';
import { fromDayNumber, toDayNumber } from './dates';
import { CalendarError } from './errors';

const NATIONAL = daysFromChineseDays();
const calendar = compileCalendar(NATIONAL, { from: '2004-01-01', to: '2035-12-31' });

/** An instant at hh:00 Asia/Shanghai on a date. */
function at(date: string, hour = 10): Date {
  return new Date(`${date}T${String(hour).padStart(2, '0')}:00:00+08:00`);
}

/** A case accepted on the spot (Monday 2026-09-21), the week before 中秋 and 国庆. */
const ACCEPTED_0921: CaseClockInput = {
  materialsReceivedAt: at('2026-09-21', 9),
  acceptedAt: at('2026-09-21'),
  isBundle: false,
};

function expectCode(fn: () => unknown, code: string): void {
  try {
    fn();
    expect.unreachable(`expected ${code}`);
  } catch (error) {
    expect(error).toBeInstanceOf(CalendarError);
    expect((error as CalendarError).code).toBe(code);
  }
}

describe('ACC-1 acceptance clock', () => {
  const received = at('2026-02-12', 9); // Thursday before 春节

  it('ACC-1: 5 working days after receipt, across 春节 (2/13, 2/14 make-up, 2/24, 2/25, 2/26)', () => {
    const clock = computeCaseClock(
      { materialsReceivedAt: received, isBundle: false },
      calendar,
      undefined,
      at('2026-02-24'),
    );
    expect(clock.phase).toBe('acceptance');
    expect(clock.acceptance.outcome).toBe('pending');
    expect(clock.acceptance.deadline).toBe('2026-02-26');
    expect(clock.acceptance.deadlineAt.toISOString()).toBe('2026-02-26T16:00:00.000Z');
    expect(clock.acceptance.usedWorkingDays).toBe(3);
    expect(clock.acceptance.leftWorkingDays).toBe(2);
    expect(clock.state).toBe('yellow');
    expect(clock.decision).toBeUndefined();
  });

  it('ACC-1: no answer within 5 working days → deemed accepted from the day of receipt, flagged', () => {
    const clock = computeCaseClock(
      { materialsReceivedAt: received, isBundle: false },
      calendar,
      undefined,
      at('2026-02-27'),
    );
    expect(clock.acceptance.outcome).toBe('deemed_accepted');
    expect(clock.acceptance.onTime).toBe(false);
    expect(clock.acceptance.state).toBe('red');
    expect(clock.phase).toBe('decision');
    expect(clock.decision?.deemedAccepted).toBe(true);
    expect(clock.decision?.startDate).toBe('2026-02-12');
    // DEC-1 from receipt: 2/13, 2/14, 2/24–2/28 (7), 3/2–3/6 (12), 3/9–3/13 (17), 3/16–3/18 (20).
    expect(clock.decision?.legal.deadline).toBe('2026-03-18');
  });

  it('ACC-1: a late acceptance does not move the start: still deemed accepted from receipt', () => {
    const clock = computeCaseClock(
      { materialsReceivedAt: received, acceptedAt: at('2026-02-27'), isBundle: false },
      calendar,
      undefined,
      at('2026-03-02'),
    );
    expect(clock.acceptance.outcome).toBe('deemed_accepted');
    expect(clock.decision?.startDate).toBe('2026-02-12');
  });

  it('ACC-1: accepted on day 5 → the decision clock starts on the acceptance day', () => {
    const clock = computeCaseClock(
      { materialsReceivedAt: received, acceptedAt: at('2026-02-26', 17), isBundle: false },
      calendar,
      undefined,
      at('2026-03-02'),
    );
    expect(clock.acceptance.outcome).toBe('accepted');
    expect(clock.acceptance.onTime).toBe(true);
    expect(clock.decision?.deemedAccepted).toBe(false);
    expect(clock.decision?.startDate).toBe('2026-02-26');
    expect(clock.decision?.legal.deadline).toBe(addWorkingDays(calendar, '2026-02-26', 20));
  });

  it('ACC-1: a one-time supplement request in time stops the clock until the applicant resubmits', () => {
    const clock = computeCaseClock(
      { materialsReceivedAt: received, supplementRequestedAt: at('2026-02-13'), isBundle: false },
      calendar,
      undefined,
      at('2026-03-10'),
    );
    expect(clock.acceptance.outcome).toBe('supplement_requested');
    expect(clock.phase).toBe('awaiting_supplement');
    expect(clock.state).toBe('paused');
  });
});

describe('DEC-1 / DEC-2 decision clock', () => {
  it('DEC-1: 20 working days by default; 国庆 and 中秋 are skipped, 10/10 make-up day counts', () => {
    const clock = computeCaseClock(ACCEPTED_0921, calendar, undefined, at('2026-09-30'));
    const legal = clock.decision!.legal;
    expect(legal.limitDays).toBe(20);
    expect(legal.deadline).toBe('2026-10-26');
    expect(legal.usedWorkingDays).toBe(6);
    expect(legal.leftWorkingDays).toBe(14);
    expect(clock.state).toBe('green');
  });

  it('DEC-1: the promised limit gives its own, earlier deadline', () => {
    const clock = computeCaseClock(
      { ...ACCEPTED_0921, promisedLimitDays: 10 },
      calendar,
      undefined,
      at('2026-09-30'),
    );
    // 9/22, 9/23, 9/24, 9/28, 9/29, 9/30, 10/8, 10/9, 10/10 (Saturday make-up), 10/12.
    expect(clock.decision?.promised.deadline).toBe('2026-10-12');
    expect(clock.decision?.legal.deadline).toBe('2026-10-26');
  });

  it("DEC-1: the item's own legal limit replaces the default 20", () => {
    const clock = computeCaseClock(
      { ...ACCEPTED_0921, legalLimitDays: 5 },
      calendar,
      undefined,
      at('2026-09-22'),
    );
    expect(clock.decision?.legal.deadline).toBe('2026-09-29');
  });

  it('DEC-1: one extension of up to 10 working days moves both deadlines', () => {
    const clock = computeCaseClock(
      { ...ACCEPTED_0921, extension: { days: 10 } },
      calendar,
      undefined,
      at('2026-09-30'),
    );
    expect(clock.decision?.extensionDays).toBe(10);
    expect(clock.decision?.legal.limitDays).toBe(30);
    // 10/26 + 10: 10/27–10/30 (4), 11/2–11/6 (9), 11/9 (10).
    expect(clock.decision?.legal.deadline).toBe('2026-11-09');
    expect(clock.decision?.promised.deadline).toBe('2026-11-09');
  });

  it('DEC-1: an extension over 10 days is rejected with a typed error', () => {
    expectCode(
      () => computeCaseClock({ ...ACCEPTED_0921, extension: { days: 11 } }, calendar),
      'EXTENSION_EXCEEDS_CAP',
    );
    expectCode(
      () => computeCaseClock({ ...ACCEPTED_0921, extension: { days: 0 } }, calendar),
      'EXTENSION_DAYS_INVALID',
    );
  });

  it('DEC-2: a bundle gets 45 working days (清明 4/4–4/6 skipped) and an extension of up to 15', () => {
    const bundle: CaseClockInput = {
      materialsReceivedAt: at('2026-02-12', 9),
      acceptedAt: at('2026-02-12'),
      isBundle: true,
    };
    const clock = computeCaseClock(bundle, calendar, undefined, at('2026-02-13'));
    expect(clock.decision?.legal.limitDays).toBe(45);
    expect(clock.decision?.legal.deadline).toBe('2026-04-23');
    const extended = computeCaseClock(
      { ...bundle, extension: { days: 15 } },
      calendar,
      undefined,
      at('2026-02-13'),
    );
    expect(extended.decision?.legal.deadline).toBe(addWorkingDays(calendar, '2026-04-23', 15));
    expectCode(
      () => computeCaseClock({ ...bundle, extension: { days: 16 } }, calendar),
      'EXTENSION_EXCEEDS_CAP',
    );
  });

  it('DEC-1 / DEC-2: checkExtension allows one extension, a whole number of days, up to the cap', () => {
    expect(checkExtension(undefined, 10, false)).toBeUndefined();
    expect(checkExtension(undefined, 11, false)).toBe('EXTENSION_EXCEEDS_CAP');
    expect(checkExtension(undefined, 15, true)).toBeUndefined();
    expect(checkExtension(undefined, 16, true)).toBe('EXTENSION_EXCEEDS_CAP');
    expect(checkExtension({ days: 3 }, 2, false)).toBe('EXTENSION_ALREADY_GRANTED');
    expect(checkExtension(undefined, 0, false)).toBe('EXTENSION_DAYS_INVALID');
    expect(checkExtension(undefined, 2.5, true)).toBe('EXTENSION_DAYS_INVALID');
  });

  it('DEC-1: promised must not exceed legal', () => {
    expectCode(
      () => computeCaseClock({ ...ACCEPTED_0921, legalLimitDays: 10, promisedLimitDays: 11 }, calendar),
      'PROMISED_EXCEEDS_LEGAL',
    );
    expectCode(() => computeCaseClock({ ...ACCEPTED_0921, legalLimitDays: 0 }, calendar), 'INVALID_LIMIT');
  });
});

describe('states (电子监察)', () => {
  it('threshold = max(2 working days, ⌈20% of the limit⌉)', () => {
    expect(getYellowThreshold(5, DEFAULT_CASE_CLOCK_SETTINGS)).toBe(2);
    expect(getYellowThreshold(20, DEFAULT_CASE_CLOCK_SETTINGS)).toBe(4);
    expect(getYellowThreshold(35, DEFAULT_CASE_CLOCK_SETTINGS)).toBe(7);
    expect(getYellowThreshold(45, DEFAULT_CASE_CLOCK_SETTINGS)).toBe(9);
  });

  it('DEC-1: green → yellow at 4 days left of 20 → red after 24:00 of the deadline day', () => {
    const stateOn = (date: string, hour = 10): string =>
      computeCaseClock(ACCEPTED_0921, calendar, undefined, at(date, hour)).state;
    expect(stateOn('2026-10-19')).toBe('green'); // 15 used, 5 left
    expect(stateOn('2026-10-20')).toBe('yellow'); // 16 used, 4 left
    expect(stateOn('2026-10-26', 23)).toBe('yellow'); // the last day, until 24:00
    expect(stateOn('2026-10-27', 0)).toBe('red');
    const late = computeCaseClock(ACCEPTED_0921, calendar, undefined, at('2026-10-28'));
    expect(late.decision?.legal.leftWorkingDays).toBe(-2);
  });

  it('CAL-1: red the day after the deadline even when that day is a weekend (no working day used)', () => {
    const clock = computeCaseClock(
      { ...ACCEPTED_0921, legalLimitDays: 19 },
      calendar,
      undefined,
      at('2026-10-24'),
    );
    expect(clock.decision?.legal.deadline).toBe('2026-10-23');
    expect(clock.decision?.legal.leftWorkingDays).toBe(0);
    expect(clock.state).toBe('red');
  });

  it('the threshold is a setting', () => {
    const settings = { yellowMinWorkingDays: 2, yellowRatio: 0 };
    expect(computeCaseClock(ACCEPTED_0921, calendar, settings, at('2026-10-20')).state).toBe('green');
    expectCode(
      () =>
        computeCaseClock(
          ACCEPTED_0921,
          calendar,
          { yellowMinWorkingDays: -1, yellowRatio: 0.2 },
          at('2026-10-20'),
        ),
      'INVALID_SETTINGS',
    );
  });
});

describe('SUS-1 suspensions', () => {
  const testing = (start: string, end?: string, countsInLimit = false): Suspension =>
    end === undefined
      ? { kind: 'testing', countsInLimit, start: at(start) }
      : { kind: 'testing', countsInLimit, start: at(start), end: at(end) };

  it('SUS-1: 检测 from 9/23 to 9/29 stops the clock for 9/24, 9/28, 9/29 (the start day still counts)', () => {
    const clock = computeCaseClock(
      { ...ACCEPTED_0921, promisedLimitDays: 10, suspensions: [testing('2026-09-23', '2026-09-29')] },
      calendar,
      undefined,
      at('2026-09-30'),
    );
    const decision = clock.decision!;
    expect(decision.legal.suspendedWorkingDays).toBe(3);
    expect(decision.legal.deadline).toBe('2026-10-29');
    expect(decision.promised.deadline).toBe('2026-10-15');
    expect(decision.legal.usedWorkingDays).toBe(3); // 9/22, 9/23, 9/30
    expect(decision.suspendedPeriods).toEqual([
      { kind: 'testing', from: '2026-09-23', to: '2026-09-29', open: false, workingDays: 3 },
    ]);
    expect(clock.state).toBe('green');
  });

  it('SUS-1: a procedure the catalog counts in the limit does not stop the clock', () => {
    const clock = computeCaseClock(
      { ...ACCEPTED_0921, suspensions: [testing('2026-09-23', '2026-09-29', true)] },
      calendar,
      undefined,
      at('2026-09-30'),
    );
    expect(clock.decision?.legal.deadline).toBe('2026-10-26');
    expect(clock.decision?.suspendedPeriods).toEqual([]);
  });

  it('SUS-1: an open suspension pauses the case and pushes the deadline at least to today', () => {
    const clock = computeCaseClock(
      { ...ACCEPTED_0921, suspensions: [testing('2026-09-23')] },
      calendar,
      undefined,
      at('2026-09-30'),
    );
    expect(clock.state).toBe('paused');
    expect(clock.decision?.legal.suspendedWorkingDays).toBe(4); // 9/24, 9/28, 9/29, 9/30
    expect(clock.decision?.legal.deadline).toBe('2026-10-30');
    expect(clock.decision?.legal.usedWorkingDays).toBe(2);
  });

  it('SUS-1: overlapping procedures stop the clock once', () => {
    const clock = computeCaseClock(
      {
        ...ACCEPTED_0921,
        suspensions: [
          testing('2026-09-23', '2026-09-29'),
          { ...testing('2026-09-24', '2026-09-28'), kind: 'appraisal' },
        ],
      },
      calendar,
      undefined,
      at('2026-09-30'),
    );
    expect(clock.decision?.legal.deadline).toBe('2026-10-29');
  });

  it('SUS-1: inconsistent suspensions are rejected', () => {
    expectCode(
      () =>
        computeCaseClock({ ...ACCEPTED_0921, suspensions: [testing('2026-09-25', '2026-09-23')] }, calendar),
      'INVALID_EVENT_ORDER',
    );
    expectCode(
      () =>
        computeCaseClock(
          { ...ACCEPTED_0921, suspensions: [testing('2026-09-23')], decidedAt: at('2026-09-30') },
          calendar,
          undefined,
          at('2026-10-08'),
        ),
      'SUSPENSION_OPEN_AFTER_DECISION',
    );
  });
});

describe('DEL-1 delivery clock', () => {
  const decided: CaseClockInput = { ...ACCEPTED_0921, decidedAt: at('2026-09-30') };

  it('DEL-1: 10 working days after the decision, across 国庆 (10/10 make-up counts)', () => {
    const clock = computeCaseClock(decided, calendar, undefined, at('2026-10-08'));
    expect(clock.phase).toBe('delivery');
    expect(clock.decision?.legal.onTime).toBe(true);
    expect(clock.decision?.legal.stoppedOn).toBe('2026-09-30');
    expect(clock.delivery?.deadline).toBe('2026-10-20');
    expect(clock.delivery?.usedWorkingDays).toBe(1);
    expect(clock.state).toBe('green');
  });

  it('DEL-1: delivered on 10/20 is on time, on 10/21 is late', () => {
    const onTime = computeCaseClock(
      { ...decided, deliveredAt: at('2026-10-20', 23) },
      calendar,
      undefined,
      at('2026-11-30'),
    );
    expect(onTime.phase).toBe('done');
    expect(onTime.delivery?.onTime).toBe(true);
    const late = computeCaseClock(
      { ...decided, deliveredAt: at('2026-10-21', 8) },
      calendar,
      undefined,
      at('2026-11-30'),
    );
    expect(late.delivery?.onTime).toBe(false);
    expect(late.state).toBe('red');
  });

  it('DEL-1: delivery without a decision, or before it, is rejected', () => {
    expectCode(
      () => computeCaseClock({ ...ACCEPTED_0921, deliveredAt: at('2026-09-30') }, calendar),
      'INVALID_EVENT_ORDER',
    );
    expectCode(
      () => computeCaseClock({ ...decided, deliveredAt: at('2026-09-29') }, calendar),
      'INVALID_EVENT_ORDER',
    );
  });

  it('ACC-1: a decision without acceptance inside the 5 days is rejected', () => {
    expectCode(
      () =>
        computeCaseClock(
          { materialsReceivedAt: at('2026-09-21'), decidedAt: at('2026-09-22'), isBundle: false },
          calendar,
          undefined,
          at('2026-09-23'),
        ),
      'DECISION_WITHOUT_ACCEPTANCE',
    );
  });
});

describe('properties', () => {
  const from = toDayNumber('2025-01-01');
  const acceptedDay = fc.integer({ min: from, max: from + 600 });
  const suspension = fc.record({
    offset: fc.integer({ min: 0, max: 90 }),
    length: fc.integer({ min: 0, max: 40 }),
    countsInLimit: fc.boolean(),
    open: fc.boolean(),
  });

  it('SUS-1: a suspension never shortens a deadline; used + left = limit', () => {
    fc.assert(
      fc.property(
        acceptedDay,
        fc.integer({ min: 1, max: 60 }),
        fc.array(suspension, { maxLength: 3 }),
        fc.integer({ min: 0, max: 200 }),
        (accepted, limit, raw, nowOffset) => {
          const base: CaseClockInput = {
            materialsReceivedAt: at(fromDayNumber(accepted), 9),
            acceptedAt: at(fromDayNumber(accepted)),
            legalLimitDays: limit,
            isBundle: false,
          };
          const now = at(fromDayNumber(accepted + Math.max(nowOffset, 0)), 12);
          const suspensions: Suspension[] = raw.map((s) => {
            const start = at(fromDayNumber(accepted + s.offset), 11);
            return s.open
              ? { kind: 'testing', countsInLimit: s.countsInLimit, start }
              : {
                  kind: 'testing',
                  countsInLimit: s.countsInLimit,
                  start,
                  end: at(fromDayNumber(accepted + s.offset + s.length), 11),
                };
          });
          const without = computeCaseClock(base, calendar, undefined, now).decision!.legal;
          const withSuspensions = computeCaseClock({ ...base, suspensions }, calendar, undefined, now)
            .decision!.legal;
          expect(withSuspensions.deadline >= without.deadline).toBe(true);
          expect(withSuspensions.usedWorkingDays + withSuspensions.leftWorkingDays).toBe(limit);
          expect(without.deadline).toBe(addWorkingDays(calendar, fromDayNumber(accepted), limit));
        },
      ),
      { numRuns: 500 },
    );
  });

  it('CAL-2: adding a closure never shortens a case deadline', () => {
    const range = { from: '2025-01-01', to: '2027-12-31' };
    const base = compileCalendar(NATIONAL, range);
    fc.assert(
      fc.property(
        acceptedDay,
        fc.integer({ min: 1, max: 45 }),
        fc.uniqueArray(fc.integer({ min: from, max: from + 700 }), { maxLength: 6 }),
        (accepted, limit, closures) => {
          const regional = compileCalendar(NATIONAL, {
            ...range,
            local: closures.map((day) => ({
              date: fromDayNumber(day),
              kind: 'closure' as const,
              name: '台风',
            })),
          });
          const input: CaseClockInput = {
            materialsReceivedAt: at(fromDayNumber(accepted), 9),
            acceptedAt: at(fromDayNumber(accepted)),
            legalLimitDays: limit,
            isBundle: false,
          };
          const now = at(fromDayNumber(accepted));
          const before = computeCaseClock(input, base, undefined, now).decision!.legal.deadline;
          const after = computeCaseClock(input, regional, undefined, now).decision!.legal.deadline;
          expect(after >= before).toBe(true);
        },
      ),
      { numRuns: 200 },
    );
  });
});
