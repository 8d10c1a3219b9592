// TRUTH-1 / ASSESS-1 for `npm run truth:verify`: every stored assessment of the region whose period
// lies in the months checked is computed again by a second path and compared unit by unit. The case
// indicators are counted from the cases' own record (their events and clocks, through the cases
// index) instead of supervision's stored facts; the other indicators from their modules' records.
// Each stored score is also checked against the sum of its own breakdown.
import { regionPrefix, type SchemeIndicator, type UnitScore } from '@tongban/contracts';
import type { Deps } from '../../../platform/app-types';
import { listConcludedCaseFacts } from '../../cases';
import { shanghaiStart, type IndicatorFacts } from '../reviews.policy';
import * as repo from '../reviews.repository';
import { SOURCES, type IndicatorSource } from './assessment-sources';
import { scoreUnits, unitsOf } from './compute-assessment';

export type AssessmentDisagreement = {
  id: string;
  assessment: string;
  unit: string;
  what: string;
  stored: number | string | null;
  recomputed: number | string | null;
};
export type AssessmentTruthReport = {
  assessments: number;
  compared: number;
  disagreements: AssessmentDisagreement[];
};

/** on_time_rate / online_rate counted case by case from the cases module's record. */
function fromCaseRecord(pick: (f: { onTime: boolean | null; channel: string }) => boolean): IndicatorSource {
  return async (ctx) => {
    const facts = await listConcludedCaseFacts(ctx.deps, {
      regionCode: ctx.regionCode,
      from: shanghaiStart(ctx.start),
      to: shanghaiStart(ctx.end),
    });
    const out = new Map<string, IndicatorFacts>();
    for (const u of ctx.units) {
      const own = facts.filter((f) =>
        ctx.unitKind === 'department' ? f.departmentId === u.id : f.regionCode.startsWith(regionPrefix(u.id)),
      );
      const hits = own.filter(pick).length;
      out.set(u.id, {
        status: own.length ? 'recorded' : 'no_data',
        numerator: hits,
        denominator: own.length,
        value: own.length ? hits / own.length : null,
        records: { kind: 'case', ids: [], total: own.length - hits },
      });
    }
    return out;
  };
}

const cents = (n: number) => Math.round(n * 100);

export async function verifyAssessments(
  deps: Deps,
  q: { regionCode: string; from: string; to: string },
): Promise<AssessmentTruthReport> {
  const rows = (await repo.listAssessments(deps.db, regionPrefix(q.regionCode))).filter(
    (a) => a.periodStart >= `${q.from}-01` && a.periodStart.slice(0, 7) <= q.to,
  );
  const sources: Record<string, IndicatorSource> = {
    ...SOURCES,
    on_time_rate: fromCaseRecord((f) => f.onTime === true),
    online_rate: fromCaseRecord((f) => f.channel === 'online'),
  };
  const out: AssessmentDisagreement[] = [];
  let compared = 0;
  for (const a of rows) {
    const scheme = await repo.findScheme(deps.db, regionPrefix(a.regionCode), a.schemeId);
    const stored = (a.result as { units: UnitScore[] }).units;
    const label = `${a.periodLabel} ${a.unitKind === 'department' ? '部门' : '乡镇'}`;
    const differ = (unit: string, what: string, s: number | string | null, r: number | string | null) => {
      compared += 1;
      if (s !== r) out.push({ id: a.id, assessment: label, unit, what, stored: s, recomputed: r });
    };
    for (const u of stored)
      differ(
        u.unitName,
        '得分与分项之和',
        cents(u.score),
        u.indicators.reduce((x, i) => x + cents(i.points), 0),
      );
    if (!scheme) continue;
    const again = await scoreUnits(deps, {
      regionCode: a.regionCode,
      unitKind: a.unitKind,
      units: await unitsOf(deps, a.regionCode, a.unitKind),
      indicators: scheme.indicators as SchemeIndicator[],
      range: { start: a.periodStart, end: a.periodEnd },
      sources,
    });
    const byId = new Map(again.map((u) => [u.unitId, u]));
    for (const u of stored) {
      const r = byId.get(u.unitId);
      differ(u.unitName, '得分', cents(u.score), r ? cents(r.score) : null);
      differ(u.unitName, '名次', u.rank, r?.rank ?? null);
      for (const i of u.indicators) {
        const ri = r?.indicators.find((x) => x.key === i.key);
        differ(u.unitName, `${i.key} 分子`, i.numerator, ri?.numerator ?? null);
        differ(u.unitName, `${i.key} 分母`, i.denominator, ri?.denominator ?? null);
      }
    }
  }
  return { assessments: rows.length, compared, disagreements: out };
}
