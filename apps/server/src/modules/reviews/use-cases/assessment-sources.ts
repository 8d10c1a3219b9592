// ASSESS-1: each indicator is a named source with one interface. A source whose module has not landed
// (evaluations, complaints, hall patrols) answers "not yet recorded" and weighs nothing; the lead plugs
// the module in by replacing its entry in SOURCES, never by typing numbers in.
import { INDICATOR_DEFINITIONS, type AssessmentUnitKind, type IndicatorKey } from '@tongban/contracts';
import type { Deps } from '../../../platform/app-types';
import { listConcludedCaseFacts } from '../../cases';
import type { IndicatorFacts } from '../reviews.policy';
import { shanghaiStart } from '../reviews.policy';
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
  /** Loaded once per computation and shared by the case sources. */
  caseFacts: () => ReturnType<typeof listConcludedCaseFacts>;
};
export type IndicatorSource = (ctx: SourceContext) => Promise<Map<string, IndicatorFacts>>;

const MAX_RECORDS = 50;
const records = (kind: string, ids: string[]) => ({
  kind,
  ids: ids.slice(0, MAX_RECORDS),
  total: ids.length,
});
const rate = (num: number, den: number, kind: string, ids: string[]): IndicatorFacts =>
  den === 0
    ? { status: 'no_data', numerator: 0, denominator: 0, value: null, records: records(kind, []) }
    : { status: 'recorded', numerator: num, denominator: den, value: num / den, records: records(kind, ids) };

/** Which unit a case belongs to: its department, or the township of its region. */
const unitOfCase = (ctx: SourceContext, f: { departmentId: string; regionCode: string }) =>
  ctx.unitKind === 'department' ? f.departmentId : f.regionCode;

function caseRate(
  pick: (f: Awaited<ReturnType<SourceContext['caseFacts']>>[number]) => boolean | null,
  failing: boolean,
): IndicatorSource {
  return async (ctx) => {
    const byUnit = new Map<string, Awaited<ReturnType<SourceContext['caseFacts']>>>();
    for (const f of await ctx.caseFacts()) {
      if (pick(f) === null) continue;
      const k = unitOfCase(ctx, f);
      const list = byUnit.get(k) ?? [];
      list.push(f);
      byUnit.set(k, list);
    }
    const out = new Map<string, IndicatorFacts>();
    for (const u of ctx.units) {
      const own = byUnit.get(u.id) ?? [];
      const hits = own.filter((f) => pick(f) === true);
      // The records behind the figure: the cases that fail it (late, not online), by case number.
      const shown = (failing ? own.filter((f) => pick(f) === false) : hits).map((f) => f.caseNo);
      out.set(u.id, rate(hits.length, own.length, 'case', shown));
    }
    return out;
  };
}

const notYetRecorded: IndicatorSource = async (ctx) =>
  new Map(
    ctx.units.map((u) => [
      u.id,
      {
        status: 'not_recorded',
        numerator: null,
        denominator: null,
        value: null,
        records: records('none', []),
      },
    ]),
  );

export const SOURCES: Record<IndicatorKey, IndicatorSource> = {
  on_time_rate: caseRate((f) => f.onTime, true),
  online_rate: caseRate((f) => f.channel === 'online', true),
  review_score: async (ctx) => {
    const files = await repo.listScoredFiles(ctx.deps.db, ctx.regionCode, ctx.start, ctx.end);
    const out = new Map<string, IndicatorFacts>();
    for (const u of ctx.units) {
      const own = ctx.unitKind === 'department' ? files.filter((f) => f.departmentId === u.id) : [];
      const sum = own.reduce((a, f) => a + (f.total ?? 0), 0);
      out.set(
        u.id,
        own.length === 0
          ? {
              status: 'no_data',
              numerator: 0,
              denominator: 0,
              value: null,
              records: records('review_file', []),
            }
          : {
              status: 'recorded',
              numerator: sum,
              denominator: own.length * 100,
              value: sum / (own.length * 100),
              records: records(
                'review_file',
                own.map((f) => f.id),
              ),
            },
      );
    }
    return out;
  },
  in_hall: async (ctx) => {
    if (ctx.unitKind !== 'department') return notYetRecorded(ctx);
    const staff = await staffIn(ctx.deps, ctx.regionCode);
    const depts = new Map((await departmentsIn(ctx.deps, ctx.regionCode)).map((d) => [d.id, d]));
    const endDay = ctx.end;
    const out = new Map<string, IndicatorFacts>();
    for (const u of ctx.units) {
      const own = staff.filter(
        (s) =>
          s.departmentId === u.id &&
          (!s.stationedUntil || s.stationedUntil >= ctx.start) &&
          (!s.stationedFrom || s.stationedFrom < endDay),
      );
      const atWindow = own.filter((s) => s.windowId);
      // A department on the 负面清单 (hallExemption) is not held to 应进必进: no record, no weight.
      if (depts.get(u.id)?.hallExemption)
        out.set(u.id, {
          status: 'no_data',
          numerator: null,
          denominator: null,
          value: null,
          records: records('staff', []),
        });
      else
        out.set(
          u.id,
          rate(
            atWindow.length,
            own.length,
            'staff',
            own.filter((s) => !s.windowId).map((s) => s.id),
          ),
        );
    }
    return out;
  },
  bad_review_rate: notYetRecorded,
  complaints: notYetRecorded,
  patrol_problems: notYetRecorded,
};

export const isPending = (key: IndicatorKey) => INDICATOR_DEFINITIONS[key].pending;
export const caseFactsLoader = (deps: Deps, regionCode: string, start: string, end: string) => {
  let p: ReturnType<typeof listConcludedCaseFacts> | undefined;
  return () =>
    (p ??= listConcludedCaseFacts(deps, { regionCode, from: shanghaiStart(start), to: shanghaiStart(end) }));
};
