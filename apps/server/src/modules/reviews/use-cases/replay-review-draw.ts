import type { ReplayResult } from '@tongban/contracts';
import { assertAccess, type Actor } from '../../../platform/access';
import type { Deps } from '../../../platform/app-types';
import { drawReview, seedHashOf, type DrawOutput } from '../reviews.policy';
import { ReviewsError } from '../reviews.errors';
import { drawInputs } from './draw-review-plan';
import { planOrThrow } from './get-review-plan';

/** The draw's choices in a fixed shape (jsonb does not keep key order). */
const canonical = (d: DrawOutput) =>
  JSON.stringify(
    d.map((x) => [x.departmentId, x.candidates, x.drawn.map((y) => [y.caseNo, y.reviewerUserId])]),
  );

/**
 * FR-1: anyone who may read the plan replays the draw from the revealed seed over the record as it
 * stands (the period's concluded cases and the pool), and sees whether the hash and the draw match.
 */
export async function replayReviewDraw(deps: Deps, actor: Actor, planId: string): Promise<ReplayResult> {
  assertAccess(actor, 'reviews.read');
  const plan = await planOrThrow(deps.db, actor, planId);
  if (plan.status === 'committed') throw new ReviewsError('REVIEWS_BAD_STATE', '尚未抽取，种子未公开');
  const inputs = await drawInputs(deps, plan);
  const again = drawReview({ seed: plan.seed, casesPerDepartment: plan.casesPerDepartment, ...inputs });
  const stored = (plan.draw as { departments: DrawOutput }).departments;
  const departments = Array.isArray(again) ? again : [];
  return {
    seed: plan.seed,
    seedHash: plan.seedHash,
    hashMatches: seedHashOf(plan.seed) === plan.seedHash,
    drawMatches: canonical(departments) === canonical(stored),
    departments,
  };
}
