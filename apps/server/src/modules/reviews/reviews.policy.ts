// Pure rules of 卷宗评查 (FR-1), 考核 (ASSESS-1) and automatic findings. No I/O.
import { createHash } from 'node:crypto';
import type {
  IndicatorScore,
  IndicatorStatus,
  PrefillItem,
  RubricItem,
  SchemeIndicator,
} from '@tongban/contracts';

// ── FR-1: the draw ──────────────────────────────────────────────────────────

/** SM3 of the seed: the commitment shown and stored before the draw. */
export const seedHashOf = (seed: string) => createHash('sm3').update(seed, 'utf8').digest('hex');

/**
 * A deterministic stream of integers from the seed: SM3(seed | label | counter), read 32 bits at a
 * time, unbiased by rejection. Anyone with the seed and the inputs gets the same draw.
 */
export function seededRandom(seed: string, label: string) {
  let counter = 0;
  let pool: number[] = [];
  const next32 = () => {
    if (pool.length === 0) {
      const h = createHash('sm3').update(`${seed}|${label}|${counter++}`, 'utf8').digest();
      pool = [];
      for (let i = 0; i < h.length; i += 4) pool.push(h.readUInt32BE(i));
    }
    return pool.shift()!;
  };
  /** A uniform integer in [0, n). */
  return (n: number) => {
    if (n <= 0) throw new Error('empty range');
    const limit = Math.floor(0x100000000 / n) * n;
    for (;;) {
      const x = next32();
      if (x < limit) return x % n;
    }
  };
}

export type DrawInput = {
  seed: string;
  casesPerDepartment: number;
  /** Each department's concluded cases of the period, by case number. */
  departments: { departmentId: string; candidates: string[] }[];
  /** The reviewer pool with each reviewer's department (null for bureau staff). */
  pool: { userId: string; departmentId: string | null }[];
};
export type DrawOutput = {
  departmentId: string;
  candidates: string[];
  drawn: { caseNo: string; reviewerUserId: string }[];
}[];

export type DrawProblem =
  { code: 'NO_CASES'; departmentId: string } | { code: 'NO_REVIEWER'; departmentId: string };

/** FR-1: cases at random from each department's candidates; a reviewer at random from the pool outside it. */
export function drawReview(input: DrawInput): DrawOutput | DrawProblem {
  const pool = [...input.pool].sort((a, b) => a.userId.localeCompare(b.userId));
  const out: DrawOutput = [];
  for (const d of [...input.departments].sort((a, b) => a.departmentId.localeCompare(b.departmentId))) {
    const candidates = [...d.candidates].sort();
    if (candidates.length === 0) return { code: 'NO_CASES', departmentId: d.departmentId };
    const eligible = pool.filter((p) => p.departmentId !== d.departmentId);
    if (eligible.length === 0) return { code: 'NO_REVIEWER', departmentId: d.departmentId };
    const rnd = seededRandom(input.seed, `cases:${d.departmentId}`);
    const who = seededRandom(input.seed, `reviewers:${d.departmentId}`);
    // Partial Fisher–Yates: the first k of a seeded shuffle.
    const a = [...candidates];
    const k = Math.min(input.casesPerDepartment, a.length);
    for (let i = 0; i < k; i++) {
      const j = i + rnd(a.length - i);
      [a[i], a[j]] = [a[j]!, a[i]!];
    }
    out.push({
      departmentId: d.departmentId,
      candidates,
      drawn: a
        .slice(0, k)
        .map((caseNo) => ({ caseNo, reviewerUserId: eligible[who(eligible.length)]!.userId })),
    });
  }
  return out;
}

// ── Pre-fill from the record ────────────────────────────────────────────────

export type CaseRecordFacts = {
  onTime: boolean | null;
  promisedDeadline: string | null;
  decidedAt: Date;
  legalBasis: string | null;
  signers: { step: string; actorId: string | null; actorName: string }[];
  missingNotices: string[];
};

const STEP_LABELS: Record<string, string> = { accepted: '受理', step_completed: '审查', decided: '决定' };

/** SOD-1: the steps signed by someone who signed another step of the same case. */
export function sodBreaches(signers: CaseRecordFacts['signers']): string[] {
  const byActor = new Map<string, { name: string; steps: string[] }>();
  for (const s of signers) {
    if (!s.actorId) continue;
    const e = byActor.get(s.actorId) ?? { name: s.actorName, steps: [] };
    e.steps.push(STEP_LABELS[s.step] ?? s.step);
    byActor.set(s.actorId, e);
  }
  return [...byActor.values()]
    .filter((e) => e.steps.length > 1)
    .map((e) => `同一人（${e.name}）签署了${e.steps.join('、')}${e.steps.length}个环节`);
}

/** What the record proves per rubric item; items only a reviewer can judge stay null. */
export function prefillFromRecord(rubric: RubricItem[], f: CaseRecordFacts): Record<string, PrefillItem> {
  const out: Record<string, PrefillItem> = {};
  for (const item of rubric) {
    const proven = (failed: string[], passed: string): PrefillItem =>
      failed.length > 0
        ? { suggested: 0, evidence: failed }
        : { suggested: item.maxPoints, evidence: [passed] };
    switch (item.key) {
      case 'signatures':
        out[item.key] = proven(sodBreaches(f.signers), '各环节签署人互不相同');
        break;
      case 'time_limits':
        out[item.key] =
          f.onTime === null
            ? { suggested: null, evidence: ['记录不足以判断时限'] }
            : proven(
                f.onTime ? [] : [`超承诺时限作出决定（期限 ${f.promisedDeadline ?? '—'}）`],
                `在承诺时限内作出决定（期限 ${f.promisedDeadline ?? '—'}）`,
              );
        break;
      case 'notices':
        out[item.key] = proven(
          f.missingNotices.map((n) => `事件载明的文书 ${n} 未见出具记录`),
          '事件载明的文书均已出具',
        );
        break;
      case 'legal_basis':
        out[item.key] =
          f.legalBasis === null || f.legalBasis.trim() === ''
            ? { suggested: 0, evidence: ['决定未载明法律依据'] }
            : { suggested: null, evidence: [`决定载明依据：${f.legalBasis}`] };
        break;
      case 'materials_complete':
      case 'archive':
        out[item.key] = { suggested: null, evidence: ['须评查人员查阅卷宗判断'] };
        break;
    }
  }
  return out;
}

/** The scores must name exactly the rubric's items, each a whole number within 0..max. */
export function checkScores(rubric: RubricItem[], scores: Record<string, number>): string | null {
  const keys = new Set(rubric.map((r) => r.key));
  for (const k of Object.keys(scores))
    if (!keys.has(k as RubricItem['key'])) return `评查标准中没有「${k}」这一项`;
  for (const r of rubric) {
    const v = scores[r.key];
    if (v === undefined) return `缺少「${r.key}」的评分`;
    if (!Number.isInteger(v) || v < 0 || v > r.maxPoints)
      return `「${r.key}」的评分应为 0 至 ${r.maxPoints} 的整数`;
  }
  return null;
}

// ── ASSESS-1: scores, breakdown, ranks ──────────────────────────────────────

export type IndicatorFacts = {
  status: IndicatorStatus;
  numerator: number | null;
  denominator: number | null;
  value: number | null;
  records: { kind: string; ids: string[]; total: number };
};

/**
 * A unit's score: each recorded indicator earns weight × value, scaled over the weights that have a
 * record, in hundredths of a point; the score is the exact sum of the points shown (the breakdown sums).
 * An indicator without a record (no data, or its source not yet recorded) weighs nothing.
 */
export function scoreUnit(
  scheme: SchemeIndicator[],
  facts: Record<string, IndicatorFacts>,
): { score: number; indicators: IndicatorScore[] } {
  const counted = scheme.filter((s) => facts[s.key]?.status === 'recorded' && s.weight > 0);
  const totalWeight = counted.reduce((a, s) => a + s.weight, 0);
  // Largest-remainder rounding keeps the hundredths summing to the rounded total.
  const exact = counted.map((s) => (s.weight * (facts[s.key]!.value ?? 0) * 10000) / totalWeight);
  const total = Math.round(exact.reduce((a, b) => a + b, 0));
  const floors = exact.map(Math.floor);
  let rest = total - floors.reduce((a, b) => a + b, 0);
  const order = exact
    .map((x, i) => [x - Math.floor(x), i] as const)
    .sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (const [, i] of order) {
    if (rest <= 0) break;
    floors[i]! += 1;
    rest -= 1;
  }
  const hundredths = new Map(counted.map((s, i) => [s.key, floors[i]!]));
  return {
    score: total / 100,
    indicators: scheme.map((s) => {
      const f = facts[s.key] ?? {
        status: 'not_recorded' as const,
        numerator: null,
        denominator: null,
        value: null,
        records: { kind: 'none', ids: [], total: 0 },
      };
      return { key: s.key, weight: s.weight, ...f, points: (hundredths.get(s.key) ?? 0) / 100 };
    }),
  };
}

/** ASSESS-1: competition ranks (1, 1, 3); equal ranks only for equal scores. */
export function rankUnits<T extends { score: number }>(units: T[]): (T & { rank: number })[] {
  const sorted = [...units].sort((a, b) => b.score - a.score);
  return sorted.map((u) => ({ ...u, rank: sorted.findIndex((x) => x.score === u.score) + 1 }));
}

export function checkSchemeWeights(indicators: SchemeIndicator[]): boolean {
  const keys = new Set(indicators.map((i) => i.key));
  return keys.size === indicators.length && indicators.reduce((a, i) => a + i.weight, 0) === 100;
}

/** A period label into [start, end) dates (Asia/Shanghai calendar days). */
export function periodRange(
  kind: 'month' | 'quarter' | 'year',
  label: string,
): { start: string; end: string } | null {
  const y = Number(label.slice(0, 4));
  const pad = (n: number) => String(n).padStart(2, '0');
  const first = (yy: number, mm: number) => (mm > 12 ? `${yy + 1}-01-01` : `${yy}-${pad(mm)}-01`);
  if (kind === 'year' && /^\d{4}$/.test(label)) return { start: `${y}-01-01`, end: `${y + 1}-01-01` };
  const q = /^\d{4}-Q([1-4])$/.exec(label);
  if (kind === 'quarter' && q) {
    const m = (Number(q[1]) - 1) * 3 + 1;
    return { start: first(y, m), end: first(y, m + 3) };
  }
  const m = /^\d{4}-(\d{2})$/.exec(label);
  if (kind === 'month' && m) return { start: first(y, Number(m[1])), end: first(y, Number(m[1]) + 1) };
  return null;
}

/** The instant a Shanghai calendar day starts. */
export const shanghaiStart = (day: string) => new Date(`${day}T00:00:00+08:00`);

/** The month before `YYYY-MM`. */
export function previousMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}

/** Rule red_share_two_months: both months' late share strictly above the threshold. */
export function redShareFires(months: { late: number; concluded: number }[], threshold: number): boolean {
  return months.length === 2 && months.every((m) => m.concluded > 0 && m.late / m.concluded > threshold);
}

// ── Indicators and rules fed by the other modules ───────────────────────────

/** A count that costs: each one a 1/cap of the indicator, never below zero. */
export const complaintDeduction = (n: number, cap: number) => Math.max(0, 1 - n / cap);

/**
 * 重复投诉 (complaints' written definition): a 投诉/举报 whose subject already had one in the twelve
 * months before it. Only those received from `from` on are returned; earlier rows are the history.
 */
export function repeatComplaintIds(
  rows: { id: string; subjectKind: string; subjectId: string | null; receivedAt: Date }[],
  from: Date,
): Set<string> {
  const YEAR = 366 * 86_400_000;
  const bySubject = new Map<string, Date[]>();
  for (const r of rows) {
    if (!r.subjectId || r.subjectKind === 'none') continue;
    const k = `${r.subjectKind}:${r.subjectId}`;
    bySubject.set(k, [...(bySubject.get(k) ?? []), r.receivedAt]);
  }
  const out = new Set<string>();
  for (const r of rows) {
    if (r.receivedAt < from || !r.subjectId || r.subjectKind === 'none') continue;
    const seen = bySubject.get(`${r.subjectKind}:${r.subjectId}`) ?? [];
    if (seen.some((t) => t < r.receivedAt && r.receivedAt.getTime() - t.getTime() <= YEAR)) out.add(r.id);
  }
  return out;
}

/**
 * Groups of at least `threshold` rows sharing a key (rows without a key are left out): the
 * automatic rules 差评 cluster on one item, repeat complaints about one window, and the same patrol
 * problem at one window in a month.
 */
export function clustersOf<T>(rows: T[], keyOf: (r: T) => string | null, threshold: number) {
  const by = new Map<string, T[]>();
  for (const r of rows) {
    const k = keyOf(r);
    if (k === null) continue;
    const list = by.get(k);
    if (list) list.push(r);
    else by.set(k, [r]);
  }
  return [...by.entries()]
    .filter(([, list]) => list.length >= Math.max(1, threshold))
    .map(([key, list]) => ({ key, rows: list }));
}
