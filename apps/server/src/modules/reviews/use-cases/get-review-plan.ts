import { regionPrefix, type ReviewPlanDetail, type RubricItem } from '@tongban/contracts';
import { assertAccess, type Actor } from '../../../platform/access';
import type { Deps } from '../../../platform/app-types';
import type { Executor } from '../../../platform/db';
import { ReviewsError } from '../reviews.errors';
import { nameMaps, toFile, toPlan } from '../reviews.read-model';
import * as repo from '../reviews.repository';

const prefixOf = (actor: Actor) => (actor.role === 'system' ? '' : regionPrefix(actor.regionCode));

export async function planOrThrow(db: Executor, actor: Actor, id: string, forUpdate = false) {
  const p = await repo.findPlan(db, prefixOf(actor), id, forUpdate);
  if (!p) throw new ReviewsError('REVIEWS_NOT_FOUND', '评查计划不存在');
  return { ...p, rubric: p.rubric as RubricItem[] };
}
export { prefixOf };

export async function listReviewPlans(deps: Deps, actor: Actor) {
  assertAccess(actor, 'reviews.read');
  return { items: (await repo.listPlans(deps.db, prefixOf(actor))).map(toPlan) };
}

/** A plan with its files and the results per department (average and lowest of the scored files). */
export async function getReviewPlan(deps: Deps, actor: Actor, id: string): Promise<ReviewPlanDetail> {
  assertAccess(actor, 'reviews.read');
  const p = await planOrThrow(deps.db, actor, id);
  const names = await nameMaps(deps, p.regionCode);
  const files = (await repo.listFiles(deps.db, p.regionCode, id)).map((f) => toFile(f, names));
  const results = p.departmentIds.map((d) => {
    const own = files.filter((f) => f.departmentId === d);
    const totals = own.map((f) => f.total).filter((t): t is number => t !== null);
    return {
      departmentId: d,
      departmentName: names.dept.get(d) ?? '—',
      files: own.length,
      scored: totals.length,
      average: totals.length
        ? Math.round((totals.reduce((a, b) => a + b, 0) / totals.length) * 100) / 100
        : null,
      lowest: totals.length ? Math.min(...totals) : null,
    };
  });
  return { ...toPlan(p), files, results };
}
