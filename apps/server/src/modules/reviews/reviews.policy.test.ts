import { DEFAULT_RUBRIC, type SchemeIndicator } from '@tongban/contracts';
import { describe, expect, it } from 'vitest';
import {
  checkSchemeWeights,
  clustersOf,
  complaintDeduction,
  repeatComplaintIds,
  checkScores,
  drawReview,
  periodRange,
  prefillFromRecord,
  rankUnits,
  redShareFires,
  scoreUnit,
  seedHashOf,
  type IndicatorFacts,
} from './reviews.policy';

const SEED = 'a'.repeat(64);
const depts = [
  { departmentId: 'd1', candidates: ['C-001', 'C-002', 'C-003', 'C-004', 'C-005'] },
  { departmentId: 'd2', candidates: ['C-101', 'C-102', 'C-103'] },
];
const pool = [
  { userId: 'u1', departmentId: 'd1' },
  { userId: 'u2', departmentId: 'd2' },
  { userId: 'u3', departmentId: null },
];

describe('FR-1 draw', () => {
  it('FR-1: the same seed and inputs replay to the same draw; another seed draws otherwise', () => {
    const a = drawReview({ seed: SEED, casesPerDepartment: 2, departments: depts, pool });
    const b = drawReview({
      seed: SEED,
      casesPerDepartment: 2,
      departments: [...depts].reverse(),
      pool: [...pool].reverse(),
    });
    expect(a).toEqual(b);
    const others = ['b', 'c', 'd', 'e'].map((c) =>
      drawReview({ seed: c.repeat(64), casesPerDepartment: 2, departments: depts, pool }),
    );
    expect(others.some((o) => JSON.stringify(o) !== JSON.stringify(a))).toBe(true);
    expect(seedHashOf(SEED)).toMatch(/^[0-9a-f]{64}$/);
    expect(seedHashOf(SEED)).not.toBe(seedHashOf('b'.repeat(64)));
  });

  it('FR-1: drawn cases are distinct candidates of their department; no reviewer from the reviewed department', () => {
    for (const c of 'abcdef') {
      const out = drawReview({ seed: c.repeat(64), casesPerDepartment: 3, departments: depts, pool });
      if (!Array.isArray(out)) throw new Error('no draw');
      for (const d of out) {
        const nos = d.drawn.map((x) => x.caseNo);
        expect(new Set(nos).size).toBe(nos.length);
        for (const x of d.drawn) {
          expect(depts.find((y) => y.departmentId === d.departmentId)!.candidates).toContain(x.caseNo);
          expect(pool.find((p) => p.userId === x.reviewerUserId)!.departmentId).not.toBe(d.departmentId);
        }
      }
    }
  });

  it('FR-1: a department without concluded cases or without an outside reviewer cannot be drawn', () => {
    expect(
      drawReview({
        seed: SEED,
        casesPerDepartment: 1,
        departments: [{ departmentId: 'd1', candidates: [] }],
        pool,
      }),
    ).toEqual({
      code: 'NO_CASES',
      departmentId: 'd1',
    });
    expect(
      drawReview({
        seed: SEED,
        casesPerDepartment: 1,
        departments: depts,
        pool: [{ userId: 'u1', departmentId: 'd1' }],
      }),
    ).toEqual({ code: 'NO_REVIEWER', departmentId: 'd1' });
  });
});

describe('pre-fill and scores', () => {
  const at = new Date('2026-09-10T02:00:00Z');
  it('SOD-1: one person signing two steps is proven by the record and pre-filled 0', () => {
    const p = prefillFromRecord(DEFAULT_RUBRIC, {
      onTime: false,
      promisedDeadline: '2026-09-01',
      decidedAt: at,
      legalBasis: '',
      signers: [
        { step: 'accepted', actorId: 'x', actorName: '甲' },
        { step: 'step_completed', actorId: 'y', actorName: '乙' },
        { step: 'decided', actorId: 'y', actorName: '乙' },
      ],
      missingNotices: ['YX-2026-001'],
    });
    expect(p.signatures).toEqual({ suggested: 0, evidence: ['同一人（乙）签署了审查、决定2个环节'] });
    expect(p.time_limits!.suggested).toBe(0);
    expect(p.notices!.suggested).toBe(0);
    expect(p.legal_basis!.suggested).toBe(0);
    expect(p.materials_complete!.suggested).toBeNull();
  });

  it('a score outside the rubric is refused', () => {
    const ok = Object.fromEntries(DEFAULT_RUBRIC.map((r) => [r.key, r.maxPoints]));
    expect(checkScores(DEFAULT_RUBRIC, ok)).toBeNull();
    expect(checkScores(DEFAULT_RUBRIC, { ...ok, signatures: 16 })).toMatch(/0 至 15/);
    expect(checkScores(DEFAULT_RUBRIC, { ...ok, signatures: -1 })).not.toBeNull();
    expect(checkScores(DEFAULT_RUBRIC, { ...ok, extra: 1 })).not.toBeNull();
    const { archive: _a, ...missing } = ok;
    expect(checkScores(DEFAULT_RUBRIC, missing)).not.toBeNull();
  });
});

describe('ASSESS-1', () => {
  const scheme: SchemeIndicator[] = [
    { key: 'on_time_rate', weight: 40 },
    { key: 'online_rate', weight: 35 },
    { key: 'complaints', weight: 25 },
  ];
  const rec = (num: number, den: number): IndicatorFacts => ({
    status: 'recorded',
    numerator: num,
    denominator: den,
    value: num / den,
    records: { kind: 'case', ids: [], total: 0 },
  });
  const pending: IndicatorFacts = {
    status: 'not_recorded',
    numerator: null,
    denominator: null,
    value: null,
    records: { kind: 'none', ids: [], total: 0 },
  };

  it('ASSESS-1: the breakdown sums exactly to the score; an indicator not yet recorded weighs nothing', () => {
    for (const [a, b] of [
      [1, 3],
      [2, 7],
      [5, 9],
      [0, 1],
      [3, 3],
    ] as const) {
      const r = scoreUnit(scheme, {
        on_time_rate: rec(a, b),
        online_rate: rec(b - a, b + 1),
        complaints: pending,
      });
      const sum = r.indicators.reduce((s, i) => s + Math.round(i.points * 100), 0);
      expect(sum).toBe(Math.round(r.score * 100));
      expect(r.indicators.find((i) => i.key === 'complaints')!.points).toBe(0);
    }
    expect(
      scoreUnit(scheme, { on_time_rate: rec(1, 1), online_rate: rec(1, 1), complaints: pending }).score,
    ).toBe(100);
  });

  it('ASSESS-1: equal ranks only for equal scores (1, 1, 3), never for close ones', () => {
    const r = rankUnits([{ score: 80 }, { score: 92.5 }, { score: 92.5 }, { score: 92.49 }]);
    expect(r.map((x) => [x.score, x.rank])).toEqual([
      [92.5, 1],
      [92.5, 1],
      [92.49, 3],
      [80, 4],
    ]);
  });

  it('ASSESS-1: a scheme is published only with weights summing to 100 and no repeats', () => {
    expect(checkSchemeWeights(scheme)).toBe(true);
    expect(checkSchemeWeights([...scheme, { key: 'on_time_rate', weight: 0 }])).toBe(false);
    expect(checkSchemeWeights(scheme.slice(1))).toBe(false);
  });

  it('periods: month, quarter and year as [start, end)', () => {
    expect(periodRange('quarter', '2026-Q4')).toEqual({ start: '2026-10-01', end: '2027-01-01' });
    expect(periodRange('month', '2026-12')).toEqual({ start: '2026-12-01', end: '2027-01-01' });
    expect(periodRange('year', '2026')).toEqual({ start: '2026-01-01', end: '2027-01-01' });
    expect(periodRange('month', '2026-Q1')).toBeNull();
  });
});

describe('automatic rules', () => {
  it('red_share_two_months fires only when both months are strictly above the threshold', () => {
    expect(
      redShareFires(
        [
          { late: 2, concluded: 3 },
          { late: 2, concluded: 3 },
        ],
        0.2,
      ),
    ).toBe(true);
    expect(
      redShareFires(
        [
          { late: 2, concluded: 3 },
          { late: 0, concluded: 3 },
        ],
        0.2,
      ),
    ).toBe(false);
    expect(
      redShareFires(
        [
          { late: 1, concluded: 5 },
          { late: 1, concluded: 5 },
        ],
        0.2,
      ),
    ).toBe(false);
    expect(
      redShareFires(
        [
          { late: 0, concluded: 0 },
          { late: 1, concluded: 1 },
        ],
        0.2,
      ),
    ).toBe(false);
  });
});

describe('rules fed by evaluations, complaints and patrols', () => {
  const d = (day: number, month = '2026-03') =>
    new Date(`${month}-${String(day).padStart(2, '0')}T02:00:00Z`);
  it('clustersOf keeps only groups reaching the threshold and leaves keyless rows out', () => {
    const rows = [{ k: 'a' }, { k: 'a' }, { k: 'a' }, { k: 'b' }, { k: 'b' }, { k: null }];
    expect(clustersOf(rows, (r) => r.k, 3).map((g) => [g.key, g.rows.length])).toEqual([['a', 3]]);
    expect(clustersOf(rows, (r) => r.k, 2).map((g) => g.key)).toEqual(['a', 'b']);
  });
  it('a repeat complaint is one whose subject had one in the twelve months before; history is not returned', () => {
    const rows = [
      { id: 'old', subjectKind: 'window', subjectId: 'w1', receivedAt: d(10, '2025-06') },
      { id: 'first', subjectKind: 'window', subjectId: 'w2', receivedAt: d(2) },
      { id: 'again', subjectKind: 'window', subjectId: 'w2', receivedAt: d(9) },
      { id: 'back', subjectKind: 'window', subjectId: 'w1', receivedAt: d(5) },
      { id: 'none', subjectKind: 'none', subjectId: null, receivedAt: d(6) },
    ];
    expect([...repeatComplaintIds(rows, d(1))].sort()).toEqual(['again', 'back']);
  });
  it('each complaint or patrol problem costs a tenth, never below zero', () => {
    expect(complaintDeduction(0, 10)).toBe(1);
    expect(complaintDeduction(3, 10)).toBeCloseTo(0.7);
    expect(complaintDeduction(14, 10)).toBe(0);
  });
});
