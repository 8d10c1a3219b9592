// RATE-1: the one place every figure is defined (docs/figures.md says the same in words). Each
// figure is a numerator over a denominator counted on one basis: cases received in the period (by
// the month of receipt of the complete submission) or cases concluded (decided) in the period (by
// the month of the decision). The dashboards count them from the rollups; truth:verify counts them
// from the case events; the drill-down lists the facts the same predicates select.
import type { FigureKey, FigureValue } from '@tongban/contracts';

/** Counters of supervision_rollup (and of one case's facts, 0/1). */
export type Counters = {
  cases: number;
  online: number;
  fullOnline: number;
  zeroVisitItem: number;
  zeroVisit: number;
  instant: number;
  onTime: number;
  early: number;
  overduePromised: number;
  overdueLegal: number;
  workingDays: number;
  firstTime: number;
};
export const COUNTERS: readonly (keyof Counters)[] = [
  'cases',
  'online',
  'fullOnline',
  'zeroVisitItem',
  'zeroVisit',
  'instant',
  'onTime',
  'early',
  'overduePromised',
  'overdueLegal',
  'workingDays',
  'firstTime',
];
export const zeroCounters = (): Counters => ({
  cases: 0,
  online: 0,
  fullOnline: 0,
  zeroVisitItem: 0,
  zeroVisit: 0,
  instant: 0,
  onTime: 0,
  early: 0,
  overduePromised: 0,
  overdueLegal: 0,
  workingDays: 0,
  firstTime: 0,
});

/** What a group adds up to: counters on both bases, and the distinct items received. */
export type GroupSums = {
  received: Counters;
  concluded: Counters;
  items: number;
  zeroVisitItems: number;
};

/** Boolean columns of supervision_case_fact a drill-down filters on. */
export type FactFlag =
  | 'online'
  | 'full_online'
  | 'zero_visit_item'
  | 'zero_visit'
  | 'instant'
  | 'on_time'
  | 'early'
  | 'overdue_promised'
  | 'overdue_legal'
  | 'first_time';

export type FigureDef = {
  basis: 'received' | 'concluded';
  kind: 'rate' | 'average' | 'later';
  numerator: (g: GroupSums) => number;
  denominator: (g: GroupSums) => number;
  /** The cases of the numerator: the denominator's cases with these flags true. */
  numeratorFlags: readonly FactFlag[];
  /** The cases of the denominator: the basis's cases with these flags true. */
  denominatorFlags: readonly FactFlag[];
};

const rate = (
  basis: 'received' | 'concluded',
  num: keyof Counters,
  flags: readonly FactFlag[],
  den: keyof Counters = 'cases',
  denFlags: readonly FactFlag[] = [],
): FigureDef => ({
  basis,
  kind: 'rate',
  numerator: (g) => g[basis][num],
  denominator: (g) => g[basis][den],
  numeratorFlags: [...denFlags, ...flags],
  denominatorFlags: denFlags,
});

const later: FigureDef = {
  basis: 'concluded',
  kind: 'later',
  numerator: () => 0,
  denominator: () => 0,
  numeratorFlags: [],
  denominatorFlags: [],
};

export const FIGURES: Record<FigureKey, FigureDef> = {
  online_rate: rate('received', 'online', ['online']),
  full_online_rate: rate('received', 'fullOnline', ['full_online']),
  // RATE-1: 可办率 counts items (distinct items of the cases received), not cases.
  zero_visit_available_rate: {
    basis: 'received',
    kind: 'rate',
    numerator: (g) => g.zeroVisitItems,
    denominator: (g) => g.items,
    numeratorFlags: ['zero_visit_item'],
    denominatorFlags: [],
  },
  zero_visit_use_rate: rate('concluded', 'zeroVisit', ['zero_visit'], 'zeroVisitItem', ['zero_visit_item']),
  instant_rate: rate('concluded', 'instant', ['instant']),
  on_time_rate: rate('concluded', 'onTime', ['on_time']),
  early_rate: rate('concluded', 'early', ['early']),
  overdue_promised_rate: rate('concluded', 'overduePromised', ['overdue_promised']),
  overdue_legal_rate: rate('concluded', 'overdueLegal', ['overdue_legal']),
  avg_working_days: {
    basis: 'concluded',
    kind: 'average',
    numerator: (g) => g.concluded.workingDays,
    denominator: (g) => g.concluded.cases,
    numeratorFlags: [],
    denominatorFlags: [],
  },
  first_time_rate: rate('concluded', 'firstTime', ['first_time']),
  // Defined once evaluations exist (issue 17): the module will add its counters here.
  good_review_rate: later,
  bad_review_rate: later,
  active_review_rate: later,
};

export const FIGURE_KEYS = Object.keys(FIGURES) as FigureKey[];

/** Every figure of a group. */
export function figuresOf(g: GroupSums): FigureValue[] {
  return FIGURE_KEYS.map((key) => {
    const d = FIGURES[key];
    if (d.kind === 'later') return { key, numerator: 0, denominator: 0, value: null };
    const numerator = d.numerator(g);
    const denominator = d.denominator(g);
    return { key, numerator, denominator, value: denominator > 0 ? numerator / denominator : null };
  });
}

export const emptyGroup = (): GroupSums => ({
  received: zeroCounters(),
  concluded: zeroCounters(),
  items: 0,
  zeroVisitItems: 0,
});

export function addCounters(into: Counters, c: Counters): void {
  for (const k of COUNTERS) into[k] += c[k];
}
