import type { Assessment, UnitScore } from '@tongban/contracts';
import { assertAccess, type Actor } from '../../../platform/access';
import type { Deps } from '../../../platform/app-types';
import { ReviewsError } from '../reviews.errors';
import * as repo from '../reviews.repository';
import { prefixOf } from './get-review-plan';

type Row = Awaited<ReturnType<typeof repo.listAssessments>>[number];

export function toAssessment(r: Row): Assessment {
  return {
    id: r.id,
    schemeId: r.schemeId,
    unitKind: r.unitKind,
    periodKind: r.periodKind,
    periodLabel: r.periodLabel,
    periodStart: r.periodStart,
    periodEnd: r.periodEnd,
    computedAt: new Date(r.computedAt).toISOString(),
    units: (r.result as { units: UnitScore[] }).units,
  };
}

export async function listAssessments(deps: Deps, actor: Actor) {
  assertAccess(actor, 'reviews.read');
  const rows = await repo.listAssessments(deps.db, prefixOf(actor));
  return {
    items: rows.map((r) => {
      const { units, ...rest } = toAssessment(r);
      return { ...rest, unitCount: units.length };
    }),
  };
}

export async function getAssessment(deps: Deps, actor: Actor, id: string): Promise<Assessment> {
  assertAccess(actor, 'reviews.read');
  const r = await repo.findAssessment(deps.db, prefixOf(actor), id);
  if (!r) throw new ReviewsError('REVIEWS_NOT_FOUND', '考核结果不存在');
  return toAssessment(r);
}

/** ASSESS-1: a computed assessment is never typed over; asking to edit one is refused, nothing changes. */
export async function editAssessment(deps: Deps, actor: Actor, id: string): Promise<never> {
  assertAccess(actor, 'reviews.assess');
  await getAssessment(deps, actor, id);
  throw new ReviewsError('REVIEWS_ASSESSMENT_COMPUTED');
}
