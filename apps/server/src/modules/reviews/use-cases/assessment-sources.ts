// ASSESS-1: each indicator is a named source with one interface, reading its module's record through
// that module's index: the case figures from supervision's stored RATE-1 facts (no clock computed
// again), 差评 from evaluations, 投诉 from complaints, patrol problems and window sign-ins from the
// hall, items on the 负面清单 from the catalogue, stationed staff from org, review scores from here.
import {
  INDICATOR_DEFINITIONS,
  regionPrefix,
  type AssessmentUnitKind,
  type IndicatorKey,
} from '@tongban/contracts';
import type { Deps } from '../../../platform/app-types';
import { readHallItemsForReviews } from '../../catalog';
import { readComplaintsForReviews } from '../../complaints';
import { readRatingsForReviews } from '../../evaluations';
import { readPatrolProblemsForReviews, readSignedInStaffForReviews } from '../../hall';
import { readConcludedCountsForReviews } from '../../supervision';
import type { IndicatorFacts } from '../reviews.policy';
import { complaintDeduction, repeatComplaintIds, shanghaiStart } from '../reviews.policy';
import { departmentsIn, staffIn } from '../reviews.read-model';
import * as repo from '../reviews.repository';

export type Unit = { id: string; name: string; regionCode: string };
export type SourceContext = {
  deps: Deps;
  regionCode: string;
  unitKind: AssessmentUnitKind;
  units: Unit[];
  /** [start, end) as Shanghai calendar days. */
  start: string;
  end: string;
  /** The concluded-case counts, read once and shared by the case indicators. */
  counts?: ReturnType<typeof readConcludedCountsForReviews>;
};
export type IndicatorSource = (ctx: SourceContext) => Promise<Map<string, IndicatorFacts>>;

const MAX_RECORDS = 50;
/** Complaints and patrol problems: each counted one costs a tenth of the indicator; ten cost all. */
export const DEDUCTION_CAP = 10;
const DAY = 86_400_000;

const records = (kind: string, ids: string[], total = ids.length) => ({
  kind,
  ids: ids.slice(0, MAX_RECORDS),
  total,
});
const noData = (kind: string): IndicatorFacts => ({
  status: 'no_data',
  numerator: 0,
  denominator: 0,
  value: null,
  records: records(kind, []),
});
const rate = (num: number, den: number, kind: string, ids: string[], total?: number): IndicatorFacts =>
  den === 0
    ? noData(kind)
    : {
        status: 'recorded',
        numerator: num,
        denominator: den,
        value: num / den,
        records: records(kind, ids, total),
      };
/** A count that costs: value 1 − n / cap (never below 0); zero counted is full marks. */
const deduction = (n: number, kind: string, ids: string[]): IndicatorFacts => ({
  status: 'recorded',
  numerator: n,
  denominator: DEDUCTION_CAP,
  value: complaintDeduction(n, DEDUCTION_CAP),
  records: records(kind, ids),
});

/** The unit a row belongs to: its department, or the township its region lies in. */
const unitKey = (ctx: SourceContext, r: { departmentId: string | null; regionCode: string }) =>
  ctx.unitKind === 'department'
    ? r.departmentId
    : ctx.units.find((u) => r.regionCode.startsWith(regionPrefix(u.id)))?.id;

const group = <T>(ctx: SourceContext, rows: T[], keyOf: (r: T) => string | null | undefined) => {
  const by = new Map<string, T[]>();
  for (const r of rows) {
    const k = keyOf(r);
    if (!k) continue;
    const list = by.get(k);
    if (list) list.push(r);
    else by.set(k, [r]);
  }
  return (u: Unit) => by.get(u.id) ?? [];
};

/** The months [first, last] a [start, end) day range covers. */
export function monthsOf(start: string, end: string) {
  const last = new Date(shanghaiStart(end).getTime() - DAY + 8 * 3_600_000).toISOString().slice(0, 7);
  return { fromMonth: start.slice(0, 7), toMonth: last };
}
const instants = (ctx: SourceContext) => ({
  regionPrefix: regionPrefix(ctx.regionCode),
  from: shanghaiStart(ctx.start),
  to: shanghaiStart(ctx.end),
});

/** The share of a unit's concluded cases with a flag, and case numbers of those without it. */
function caseRate(flag: 'onTime' | 'online'): IndicatorSource {
  return async (ctx) => {
    const q = { regionPrefix: regionPrefix(ctx.regionCode), ...monthsOf(ctx.start, ctx.end) };
    const counts = await (ctx.counts ??= readConcludedCountsForReviews(ctx.deps.db, q));
    const sums = new Map<string, { cases: number; hits: number; failing: string[] }>();
    for (const c of counts) {
      const k = unitKey(ctx, c);
      if (!k) continue;
      const s = sums.get(k) ?? { cases: 0, hits: 0, failing: [] };
      s.cases += Number(c.cases);
      s.hits += Number(c[flag]);
      for (const x of (flag === 'onTime' ? c.late : c.offline) ?? [])
        s.failing.push(x.slice(x.indexOf('|') + 1));
      sums.set(k, s);
    }
    const out = new Map<string, IndicatorFacts>();
    for (const u of ctx.units) {
      const s = sums.get(u.id) ?? { cases: 0, hits: 0, failing: [] };
      out.set(u.id, rate(s.hits, s.cases, 'case', s.failing.sort(), s.cases - s.hits));
    }
    return out;
  };
}

export const SOURCES: Record<IndicatorKey, IndicatorSource> = {
  on_time_rate: caseRate('onTime'),
  online_rate: caseRate('online'),
  review_score: async (ctx) => {
    const files = await repo.listScoredFiles(ctx.deps.db, ctx.regionCode, ctx.start, ctx.end);
    const out = new Map<string, IndicatorFacts>();
    for (const u of ctx.units) {
      const own = ctx.unitKind === 'department' ? files.filter((f) => f.departmentId === u.id) : [];
      const sum = own.reduce((a, f) => a + (f.total ?? 0), 0);
      out.set(
        u.id,
        rate(
          sum,
          own.length * 100,
          'review_file',
          own.map((f) => f.id),
        ),
      );
    }
    return out;
  },
  // 应进必进: the department's live items handled in the hall (not on the 负面清单) and its stationed
  // staff who actually signed in at a window in the period, over all its items and stationed staff.
  in_hall: async (ctx) => {
    const q = instants(ctx);
    const [staff, depts, items, signedIn] = await Promise.all([
      staffIn(ctx.deps, ctx.regionCode),
      departmentsIn(ctx.deps, ctx.regionCode),
      readHallItemsForReviews(ctx.deps.db, q),
      readSignedInStaffForReviews(ctx.deps.db, q),
    ]);
    const present = new Set(signedIn);
    const deptRegion = new Map(depts.map((d) => [d.id, d]));
    const exempt = new Set(depts.filter((d) => d.hallExemption).map((d) => d.id));
    const stationed = staff.filter(
      (s) =>
        (!s.stationedUntil || s.stationedUntil >= ctx.start) &&
        (!s.stationedFrom || s.stationedFrom < ctx.end),
    );
    const keyOfDept = (departmentId: string) =>
      unitKey(ctx, { departmentId, regionCode: deptRegion.get(departmentId)?.regionCode ?? '' });
    const staffOf = group(ctx, stationed, (s) =>
      exempt.has(s.departmentId) ? null : keyOfDept(s.departmentId),
    );
    const itemsOf = group(ctx, items, (i) => (exempt.has(i.departmentId) ? null : keyOfDept(i.departmentId)));
    const out = new Map<string, IndicatorFacts>();
    for (const u of ctx.units) {
      const s = staffOf(u);
      const it = itemsOf(u);
      const inHallItems = it.filter((i) => !i.hallExemption);
      const here = s.filter((x) => present.has(x.id));
      // The records behind it: the items on the 负面清单 and the staff never signed in.
      const missing = [
        ...it.filter((i) => i.hallExemption).map((i) => i.itemId),
        ...s.filter((x) => !present.has(x.id)).map((x) => x.id),
      ];
      // A department wholly on the 负面清单 (hallExemption) is not held to 应进必进: no weight.
      out.set(u.id, rate(inHallItems.length + here.length, it.length + s.length, 'item_or_staff', missing));
    }
    return out;
  },
  // 差评率及整改闭环: each 差评 (not excluded on appeal) costs one rating; a closed loop earns half back.
  bad_review_rate: async (ctx) => {
    const rows = await readRatingsForReviews(ctx.deps.db, instants(ctx));
    const of = group(ctx, rows, (r) => unitKey(ctx, r));
    const out = new Map<string, IndicatorFacts>();
    for (const u of ctx.units) {
      const own = of(u).filter((r) => !r.excluded);
      const bad = own.filter((r) => r.level <= 2);
      const closed = bad.filter((r) => r.badReviewStatus === 'closed');
      const open = bad.filter((r) => r.badReviewStatus !== 'closed');
      out.set(
        u.id,
        rate(
          own.length - bad.length + closed.length / 2,
          own.length,
          'rating',
          [...open, ...closed].map((r) => r.id),
        ),
      );
    }
    return out;
  },
  // 投诉及重复投诉: each 投诉/举报 about the unit costs a tenth, and a repeat (its subject complained
  // about in the twelve months before) a tenth more.
  complaints: async (ctx) => {
    const q = instants(ctx);
    const rows = await readComplaintsForReviews(ctx.deps.db, {
      ...q,
      from: new Date(q.from.getTime() - 366 * DAY),
    });
    const all = rows.map((r) => ({ ...r, receivedAt: new Date(r.receivedAt) }));
    const repeats = repeatComplaintIds(all, q.from);
    const inPeriod = all.filter((r) => r.receivedAt >= q.from);
    const of = group(ctx, inPeriod, (r) => unitKey(ctx, r));
    const out = new Map<string, IndicatorFacts>();
    for (const u of ctx.units) {
      const own = of(u);
      const n = own.length + own.filter((r) => repeats.has(r.id)).length;
      out.set(
        u.id,
        deduction(
          n,
          'complaint',
          own.map((r) => r.orderNo),
        ),
      );
    }
    return out;
  },
  patrol_problems: async (ctx) => {
    const rows = await readPatrolProblemsForReviews(ctx.deps.db, instants(ctx));
    const of = group(ctx, rows, (r) => unitKey(ctx, r));
    const out = new Map<string, IndicatorFacts>();
    for (const u of ctx.units) {
      const own = of(u);
      out.set(
        u.id,
        deduction(
          own.length,
          'patrol_problem',
          own.map((r) => r.id),
        ),
      );
    }
    return out;
  },
};

export const isPending = (key: IndicatorKey) => INDICATOR_DEFINITIONS[key].pending;
