import {
  ASSESSMENT_UNIT_KIND_LABELS,
  type AssessmentInput,
  type SchemeIndicator,
  type UnitScore,
} from '@tongban/contracts';
import { assertAccess, type Actor } from '../../../platform/access';
import type { Deps } from '../../../platform/app-types';
import { runCommand } from '../../../platform/command';
import { periodRange, rankUnits, scoreUnit, type IndicatorFacts } from '../reviews.policy';
import { ReviewsError } from '../reviews.errors';
import { departmentsIn, townshipsUnder } from '../reviews.read-model';
import * as repo from '../reviews.repository';
import { SOURCES, type IndicatorSource, type SourceContext } from './assessment-sources';
import { prefixOf } from './get-review-plan';
import { toAssessment } from './get-assessment';

/** The units a scheme scores: the region's departments, or the townships under it. */
export async function unitsOf(deps: Deps, regionCode: string, unitKind: 'department' | 'township') {
  return unitKind === 'department'
    ? (await departmentsIn(deps, regionCode)).map((d) => ({
        id: d.id,
        name: d.name,
        regionCode: d.regionCode,
      }))
    : (await townshipsUnder(deps, regionCode)).map((r) => ({ id: r.code, name: r.name, regionCode: r.code }));
}

/** Every unit's score and rank from the given sources (compute uses SOURCES; truth:verify its own). */
export async function scoreUnits(
  deps: Deps,
  a: {
    regionCode: string;
    unitKind: 'department' | 'township';
    units: SourceContext['units'];
    indicators: SchemeIndicator[];
    range: { start: string; end: string };
    sources: Record<string, IndicatorSource>;
  },
): Promise<UnitScore[]> {
  const ctx: SourceContext = {
    deps,
    regionCode: a.regionCode,
    unitKind: a.unitKind,
    units: a.units,
    start: a.range.start,
    end: a.range.end,
  };
  const byIndicator = new Map<string, Map<string, IndicatorFacts>>();
  for (const i of a.indicators) byIndicator.set(i.key, await a.sources[i.key]!(ctx));
  const scored = a.units.map((u) => {
    const facts = Object.fromEntries(a.indicators.map((i) => [i.key, byIndicator.get(i.key)!.get(u.id)!]));
    return { unitId: u.id, unitName: u.name, ...scoreUnit(a.indicators, facts) };
  });
  return rankUnits(scored);
}

/**
 * ASSESS-1: scores of every department or township for a month, quarter or year, computed from the
 * record by the published scheme, with the breakdown per indicator and the records behind each. The
 * result is stored as computed and never edited (the table refuses UPDATE).
 */
export async function computeAssessment(deps: Deps, actor: Actor, input: AssessmentInput) {
  assertAccess(actor, 'reviews.assess');
  const scheme = await repo.findScheme(deps.db, prefixOf(actor), input.schemeId);
  if (!scheme) throw new ReviewsError('REVIEWS_NO_SCHEME', '考核方案不存在');
  const range = periodRange(input.periodKind, input.period);
  if (!range) throw new ReviewsError('REVIEWS_BAD_REFERENCE', '期间与期间类型不符');
  const regionCode = scheme.regionCode;
  const unitKind = scheme.unitKind as 'department' | 'township';
  const units = await unitsOf(deps, regionCode, unitKind);
  const ranked = await scoreUnits(deps, {
    regionCode,
    unitKind,
    units,
    indicators: scheme.indicators as SchemeIndicator[],
    range,
    sources: SOURCES,
  });
  return runCommand(deps, actor, async ({ tx, now }) => {
    const row = await repo.insertAssessment(tx, {
      regionCode,
      schemeId: scheme.id,
      unitKind,
      periodKind: input.periodKind,
      periodLabel: input.period,
      periodStart: range.start,
      periodEnd: range.end,
      result: JSON.stringify({ units: ranked }),
      computedAt: now,
      computedBy: actor.userId,
    });
    return {
      result: toAssessment(row),
      audit: {
        action: 'reviews.assessment.compute',
        entityType: 'review_assessment',
        entityId: row.id,
        regionCode,
        summary: {
          scheme: scheme.name,
          units: `${ASSESSMENT_UNIT_KIND_LABELS[unitKind]} ${units.length}`,
          period: input.period,
        },
      },
    };
  });
}
