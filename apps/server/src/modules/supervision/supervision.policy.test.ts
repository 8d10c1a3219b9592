import { compileCalendar, type CalendarDay } from '@tongban/calendar';
import { describe, expect, it } from 'vitest';
import { caseFeed } from '../cases';
type CaseEvent = caseFeed.CaseEvent;
const { replayCase } = caseFeed;
import { FIGURES, emptyGroup, figuresOf } from './supervision-figures';
import { workLevelsDue } from './use-cases/escalate-work';
import {
  clockOf,
  colourOf,
  dueLevels,
  factsOf,
  levelsToFire,
  recordTriggers,
  stepDaysOf,
  stepOverdueOf,
  warningDaysOf,
  type ItemLimits,
} from './supervision.policy';

// A synthetic calendar (weekends off, nothing else) so every boundary below is exact; each test
// adds the holiday, 调休 or closure it is about.
const cal = (days: CalendarDay[] = []) => compileCalendar(days, { from: '2026-01-01', to: '2027-12-31' });
const at = (date: string, hour = 10) => new Date(`${date}T${String(hour).padStart(2, '0')}:00:00+08:00`);
const LIMITS: ItemLimits = {
  legalLimitDays: 20,
  promisedLimitDays: 10,
  handling: 'promised',
  maxVisits: 1,
  steps: ['受理', '审查', '决定', '办结'],
};
type Ev = CaseEvent extends infer E
  ? E extends CaseEvent
    ? Omit<E, 'actorId'> & { actorId?: string | null }
    : never
  : never;
const ev = (e: Ev) => ({ actorId: null, ...e }) as CaseEvent;

/** Received and accepted Monday 2026-11-02; promised 10 working days → deadline Monday 11-16. */
const accepted: CaseEvent[] = [
  ev({ type: 'submitted', channel: 'window', at: at('2026-11-02', 9) }),
  ev({ type: 'accepted', noticeNo: 'n1', deferred: [], deemed: false, at: at('2026-11-02') }),
];

function colourAt(
  events: CaseEvent[],
  date: string,
  days: CalendarDay[] = [],
  limits = LIMITS,
  threshold?: number,
) {
  const clock = clockOf(replayCase(events), limits, cal(days), at(date, 15));
  return colourOf(clock!, threshold);
}

describe('SUP-1 colours', () => {
  it('SUP-1: the default warning threshold is 20% of the promised limit, at least 1 working day', () => {
    expect(warningDaysOf(10, null)).toBe(2);
    expect(warningDaysOf(3, null)).toBe(1);
    expect(warningDaysOf(0, null)).toBe(1);
    expect(warningDaysOf(35, null)).toBe(7);
    expect(warningDaysOf(10, 4)).toBe(4);
  });

  it('SUP-1: green with 3 working days left, yellow at 2, yellow on the deadline day, red the day after', () => {
    expect(colourAt(accepted, '2026-11-11')).toMatchObject({
      colour: 'green',
      leftWorkingDays: 3,
      deadline: '2026-11-16',
    });
    expect(colourAt(accepted, '2026-11-12')).toMatchObject({ colour: 'yellow', leftWorkingDays: 2 });
    expect(colourAt(accepted, '2026-11-16')).toMatchObject({ colour: 'yellow', leftWorkingDays: 0 });
    expect(colourAt(accepted, '2026-11-17')).toMatchObject({
      colour: 'red',
      overdueWorkingDays: 1,
      pastLegal: false,
    });
  });

  it('SUP-1: working days only — a weekend does not use the limit', () => {
    expect(colourAt(accepted, '2026-11-13').leftWorkingDays).toBe(1);
    expect(colourAt(accepted, '2026-11-15').leftWorkingDays).toBe(1);
  });

  it('SUP-1 (CAL-1): a 调休 Saturday counts, a holiday does not', () => {
    // Saturday 11-07 is a make-up working day: the deadline moves a day earlier, so Monday is red.
    expect(colourAt(accepted, '2026-11-16', [{ date: '2026-11-07', kind: 'workday' }]).colour).toBe('red');
    // Wednesday 11-04 is a holiday: the deadline moves to Tuesday 11-17, still yellow that day.
    expect(colourAt(accepted, '2026-11-17', [{ date: '2026-11-04', kind: 'holiday' }]).colour).toBe('yellow');
  });

  it('SUP-1 (CAL-2): a calendar change (a local closure) turns a red case yellow', () => {
    expect(colourAt(accepted, '2026-11-17').colour).toBe('red');
    expect(colourAt(accepted, '2026-11-17', [{ date: '2026-11-10', kind: 'closure' }])).toMatchObject({
      colour: 'yellow',
      deadline: '2026-11-17',
    });
  });

  it('SUP-1 (SUS-1): an open suspension pauses the clock; a closed one pushes the deadline', () => {
    const suspended = [
      ...accepted,
      ev({
        type: 'suspended',
        kind: 'testing',
        expectedDays: 5,
        countsInLimit: false,
        noticeNo: 's1',
        at: at('2026-11-05'),
      }),
    ];
    expect(colourAt(suspended, '2026-11-20').colour).toBe('paused');
    const resumed = [...suspended, ev({ type: 'resumed', at: at('2026-11-09') })];
    // (11-05, 11-09] holds two working days: deadline 11-18, so 11-17 is yellow, 11-19 red.
    expect(colourAt(resumed, '2026-11-17')).toMatchObject({ colour: 'yellow', deadline: '2026-11-18' });
    expect(colourAt(resumed, '2026-11-19').colour).toBe('red');
  });

  it('SUP-1 (DEC-1): an approved extension lengthens the promised limit and its threshold', () => {
    const extended = [
      ...accepted,
      ev({ type: 'extension_requested', days: 5, reason: '征求意见', at: at('2026-11-09') }),
      ev({ type: 'extension_decided', approved: true, noticeNo: 'e1', at: at('2026-11-10') }),
    ];
    // 15 days → deadline 11-23, threshold ⌈3⌉ = 3: on 11-17 four days are left.
    expect(colourAt(extended, '2026-11-17')).toMatchObject({
      colour: 'green',
      leftWorkingDays: 4,
      warningDays: 3,
    });
    expect(colourAt(extended, '2026-11-18').colour).toBe('yellow');
    expect(colourAt(extended, '2026-11-24').colour).toBe('red');
  });

  it("SUP-1: an item's own threshold applies to the decision clock", () => {
    expect(colourAt(accepted, '2026-11-11', [], LIMITS, 3).colour).toBe('yellow');
    expect(colourAt(accepted, '2026-11-10', [], LIMITS, 3).colour).toBe('green');
  });

  it('SUP-1: 超法定时限 is a separate flag, past the legal limit', () => {
    const tight = { ...LIMITS, legalLimitDays: 12 };
    expect(colourAt(accepted, '2026-11-18', [], tight)).toMatchObject({ colour: 'red', pastLegal: false });
    expect(colourAt(accepted, '2026-11-19', [], tight)).toMatchObject({ colour: 'red', pastLegal: true });
  });

  it('SUP-1: waiting for 补正 is paused', () => {
    const waiting = [
      ev({ type: 'submitted', channel: 'online', at: at('2026-11-02', 9) }),
      ev({ type: 'supplement_requested', noticeNo: 'b1', items: [], at: at('2026-11-03') }),
    ];
    expect(colourAt(waiting, '2026-12-01').colour).toBe('paused');
  });
});

describe('SUP-2 ladder', () => {
  it('SUP-2: yellow warns, red gives a 黄牌, red for 3 working days or past legal gives a 红牌', () => {
    expect(dueLevels({ colour: 'green', pastLegal: false, overdueWorkingDays: 0 })).toEqual([]);
    expect(dueLevels({ colour: 'paused', pastLegal: true, overdueWorkingDays: 9 })).toEqual([]);
    expect(dueLevels({ colour: 'yellow', pastLegal: false, overdueWorkingDays: 0 })).toEqual(['warning']);
    expect(dueLevels({ colour: 'red', pastLegal: false, overdueWorkingDays: 2 })).toEqual([
      'warning',
      'yellow_card',
    ]);
    expect(dueLevels({ colour: 'red', pastLegal: false, overdueWorkingDays: 3 })).toEqual([
      'warning',
      'yellow_card',
      'red_card',
    ]);
    expect(dueLevels({ colour: 'red', pastLegal: true, overdueWorkingDays: 1 })).toContain('red_card');
  });

  it('SUP-2: each level fires once; of several due at once only the highest is delivered', () => {
    expect(levelsToFire(['warning', 'yellow_card', 'red_card'], new Set(['warning']))).toEqual([
      { level: 'yellow_card', deliver: false },
      { level: 'red_card', deliver: true },
    ]);
    expect(levelsToFire(['warning'], new Set(['warning']))).toEqual([]);
  });

  it('SUP-2: a denial without reasons and a license without review steps are triggers', () => {
    const deny = [
      ...accepted,
      ev({ type: 'decided', outcome: 'deny', reason: ' ', legalBasis: '', at: at('2026-11-05') }),
    ];
    expect(recordTriggers(deny, LIMITS)).toEqual(['no_reasons']);
    const skipped = [
      ...accepted,
      ev({ type: 'decided', outcome: 'grant', reason: '', legalBasis: '', at: at('2026-11-05') }),
      ev({ type: 'license_issued', licenseId: 'L1', at: at('2026-11-05') }),
    ];
    expect(recordTriggers(skipped, LIMITS)).toEqual(['skipped_steps']);
    const reviewed = [
      ...accepted,
      ev({ type: 'step_completed', stepIndex: 0, opinion: '同意', at: at('2026-11-04') }),
      ...skipped.slice(2),
    ];
    expect(recordTriggers(reviewed, LIMITS)).toEqual([]);
  });
});

describe('RATE-1 figures on hand-built cases', () => {
  const decided = (date: string, extra: CaseEvent[] = []) => [
    ...accepted,
    ...extra,
    ev({ type: 'decided', outcome: 'grant', reason: '', legalBasis: '', at: at(date) }),
  ];
  const facts = (events: CaseEvent[], limits = LIMITS) =>
    factsOf(events, replayCase(events), limits, clockOf(replayCase(events), limits, cal(), at('2026-12-20')));

  it('RATE-1: on time, early, overdue (promised and legal) and working days are judged at the decision', () => {
    expect(facts(decided('2026-11-16'))).toMatchObject({
      onTime: true,
      early: false,
      overduePromised: false,
      workingDays: 10,
    });
    expect(facts(decided('2026-11-13'))).toMatchObject({ onTime: true, early: true, workingDays: 9 });
    expect(facts(decided('2026-11-17'))).toMatchObject({
      onTime: false,
      overduePromised: true,
      overdueLegal: false,
    });
    expect(facts(decided('2026-12-01'))).toMatchObject({ overduePromised: true, overdueLegal: true });
    expect(facts(decided('2026-11-16')).concludedMonth).toBe('2026-11');
  });

  it('RATE-1: 网办, 全程网办, 零跑动, 即办 and 一次办结 come from channel, visits and events', () => {
    const online = [
      ev({ type: 'submitted', channel: 'online', at: at('2026-11-02', 9) }),
      ...decided('2026-11-05').slice(1),
    ];
    expect(facts(online, { ...LIMITS, maxVisits: 0 })).toMatchObject({
      online: true,
      fullOnline: true,
      zeroVisitItem: true,
      zeroVisit: true,
    });
    const visited = [
      ...online.slice(0, 2),
      ev({ type: 'visit', purpose: '核验原件', at: at('2026-11-03') }),
      ...online.slice(2),
    ];
    expect(facts(visited)).toMatchObject({ online: true, fullOnline: false, zeroVisit: false });
    const supplemented = [
      ev({ type: 'submitted', channel: 'window', at: at('2026-11-02', 9) }),
      ev({ type: 'supplement_requested', noticeNo: 'b', items: [], at: at('2026-11-02', 10) }),
      ev({ type: 'supplement_received', at: at('2026-11-03') }),
      ev({ type: 'accepted', noticeNo: 'n', deferred: [], deemed: false, at: at('2026-11-03') }),
      ev({ type: 'decided', outcome: 'grant', reason: '', legalBasis: '', at: at('2026-11-04') }),
    ];
    expect(facts(supplemented).firstTime).toBe(false);
    expect(facts(decided('2026-11-05')).firstTime).toBe(true);
    const instant = [
      ev({ type: 'submitted', channel: 'window', at: at('2026-11-02', 9) }),
      ev({ type: 'accepted', noticeNo: 'n', deferred: [], deemed: false, at: at('2026-11-02', 9) }),
      ev({
        type: 'decided',
        outcome: 'grant',
        reason: '',
        legalBasis: '',
        instant: true,
        at: at('2026-11-02', 10),
      }),
    ];
    expect(
      facts(instant, { ...LIMITS, legalLimitDays: 0, promisedLimitDays: 0, handling: 'instant' }),
    ).toMatchObject({
      instant: true,
      onTime: true,
      workingDays: 0,
    });
  });

  it('RATE-1: each rate is its numerator over its denominator; none when the denominator is 0', () => {
    const g = emptyGroup();
    g.received.cases = 4;
    g.received.online = 1;
    g.concluded.cases = 2;
    g.concluded.onTime = 1;
    g.concluded.workingDays = 13;
    g.concluded.zeroVisitItem = 0;
    g.items = 3;
    g.zeroVisitItems = 1;
    const by = Object.fromEntries(figuresOf(g).map((f) => [f.key, f]));
    expect(by.online_rate).toMatchObject({ numerator: 1, denominator: 4, value: 0.25 });
    expect(by.on_time_rate!.value).toBe(0.5);
    expect(by.avg_working_days!.value).toBe(6.5);
    expect(by.zero_visit_available_rate!.value).toBeCloseTo(1 / 3);
    expect(by.zero_visit_use_rate!.value).toBeNull();
    expect(by.good_review_rate!.value).toBeNull();
    expect(FIGURES.zero_visit_use_rate.numeratorFlags).toEqual(['zero_visit_item', 'zero_visit']);
  });
});

describe('电子监察: a back-office step over its own time', () => {
  // Promised 10 working days shared by 审查 and 决定: 5 each. Accepted Monday 11-02.
  const over = (
    events: CaseEvent[],
    date: string,
    days: CalendarDay[] = [],
    stepDays = stepDaysOf(LIMITS, null),
  ) => stepOverdueOf(events, replayCase(events), LIMITS, stepDays, cal(days), at(date, 15));
  it('each step gets the promised limit shared among the back-office steps, or its item setting', () => {
    expect(stepDaysOf(LIMITS, null)).toBe(5);
    expect(stepDaysOf({ ...LIMITS, promisedLimitDays: 1 }, null)).toBe(1);
    expect(stepDaysOf(LIMITS, 3)).toBe(3);
  });
  it('审查 is over once more working days than its own have passed since acceptance (CAL-1)', () => {
    expect(over(accepted, '2026-11-09')).toBeNull(); // 5 working days used: on time
    expect(over(accepted, '2026-11-10')).toMatchObject({ stepName: '审查', usedDays: 6, stepDays: 5 });
    // A holiday on 11-10 is not a working day: still within the step's time that day.
    expect(over(accepted, '2026-11-10', [{ date: '2026-11-10', kind: 'holiday' }])).toBeNull();
  });
  it('决定 starts its own time when 审查 is completed; a suspension stops the step clock', () => {
    const reviewed = [
      ...accepted,
      ev({ type: 'step_completed', stepIndex: 0, opinion: '同意', at: at('2026-11-06') }),
    ];
    expect(over(reviewed, '2026-11-13')).toBeNull();
    expect(over(reviewed, '2026-11-16')).toMatchObject({ stepName: '决定', usedDays: 6 });
    const suspended = [
      ...reviewed,
      ev({
        type: 'suspended',
        kind: 'testing',
        expectedDays: 5,
        countsInLimit: false,
        noticeNo: 'x',
        at: at('2026-11-09'),
      }),
    ];
    expect(over(suspended, '2026-11-16')).toBeNull();
    const resumed = [...suspended, ev({ type: 'resumed', at: at('2026-11-11') })];
    expect(over(resumed, '2026-11-16')).toBeNull(); // 2 of its 6 working days were suspended
    expect(over(resumed, '2026-11-18')).toMatchObject({ usedDays: 6 });
  });
});

describe('SUP-2 for overdue 差评 work items and complaints', () => {
  it('SUP-2: 黄牌 once past due, 红牌 after 3 working days more, the leader after 6', () => {
    expect(workLevelsDue(0)).toEqual([]);
    expect(workLevelsDue(1)).toEqual(['yellow_card']);
    expect(workLevelsDue(3)).toEqual(['yellow_card', 'red_card']);
    expect(workLevelsDue(6)).toEqual(['yellow_card', 'red_card', 'leader']);
    expect(levelsToFire(workLevelsDue(6), new Set(['yellow_card']))).toEqual([
      { level: 'red_card', deliver: false },
      { level: 'leader', deliver: true },
    ]);
  });
});
