import type { RubricItem } from '@tongban/contracts';
import { assertAccess, type Actor } from '../../../platform/access';
import type { Deps } from '../../../platform/app-types';
import { runCommand } from '../../../platform/command';
import { listConcludedCaseFacts, listConcludedCaseKeys } from '../../cases';
import { drawReview, prefillFromRecord, shanghaiStart, type DrawOutput } from '../reviews.policy';
import { ReviewsError } from '../reviews.errors';
import { usersIn } from '../reviews.read-model';
import * as repo from '../reviews.repository';
import { dayAfter } from './create-review-plan';
import { getReviewPlan, planOrThrow } from './get-review-plan';

/** What a draw saw: each department's candidates and the pool with departments (stored for replay). */
export async function drawInputs(deps: Deps, plan: Awaited<ReturnType<typeof planOrThrow>>) {
  const facts = await listConcludedCaseKeys(deps, {
    regionCode: plan.regionCode,
    from: shanghaiStart(plan.periodStart),
    to: dayAfter(plan.periodEnd),
    departmentIds: plan.departmentIds,
  });
  const users = new Map((await usersIn(deps, plan.regionCode)).map((u) => [u.id, u]));
  const candidates = new Map<string, string[]>(plan.departmentIds.map((d) => [d, []]));
  for (const f of facts) candidates.get(f.departmentId)?.push(f.caseNo);
  return {
    facts,
    departments: plan.departmentIds.map((d) => ({ departmentId: d, candidates: candidates.get(d)! })),
    pool: plan.reviewerPool.map((u) => ({ userId: u, departmentId: users.get(u)?.departmentId ?? null })),
  };
}

/** FR-1: the draw, from the committed seed; the seed is revealed with it. Reviewers get a to-do each. */
export async function drawReviewPlan(deps: Deps, actor: Actor, planId: string) {
  assertAccess(actor, 'reviews.plan');
  const plan = await planOrThrow(deps.db, actor, planId);
  if (plan.status !== 'committed') throw new ReviewsError('REVIEWS_BAD_STATE', '该评查已抽取');
  const inputs = await drawInputs(deps, plan);
  const out = drawReview({ seed: plan.seed, casesPerDepartment: plan.casesPerDepartment, ...inputs });
  if (!Array.isArray(out))
    throw new ReviewsError(
      out.code === 'NO_CASES' ? 'REVIEWS_NO_CONCLUDED_CASES' : 'REVIEWS_NO_ELIGIBLE_REVIEWER',
      undefined,
      out,
    );
  const drawn = out.flatMap((d) => d.drawn.map((x) => ({ ...x, departmentId: d.departmentId })));
  const byNo = new Map(inputs.facts.map((f) => [f.caseNo, f]));
  const record = await listConcludedCaseFacts(deps, {
    regionCode: plan.regionCode,
    from: shanghaiStart(plan.periodStart),
    to: dayAfter(plan.periodEnd),
    caseIds: drawn.map((x) => byNo.get(x.caseNo)!.id),
    withRecord: true,
  });
  const full = new Map(record.map((f) => [f.caseNo, f]));
  await runCommand(deps, actor, async ({ tx, now }) => {
    const files = await repo.insertFiles(
      tx,
      drawn.map((x, i) => ({
        regionCode: plan.regionCode,
        planId,
        departmentId: x.departmentId,
        caseId: byNo.get(x.caseNo)!.id,
        caseNo: x.caseNo,
        drawOrder: i + 1,
        reviewerUserId: x.reviewerUserId,
        prefill: JSON.stringify(prefillFromRecord(plan.rubric as RubricItem[], full.get(x.caseNo)!)),
      })),
    );
    const draw: { departments: DrawOutput; pool: typeof inputs.pool } = {
      departments: out,
      pool: inputs.pool,
    };
    await repo.updatePlan(tx, plan.regionCode, planId, {
      status: 'drawn',
      drawnAt: now,
      draw: JSON.stringify(draw),
    });
    return {
      result: null,
      audit: {
        action: 'reviews.plan.draw',
        entityType: 'review_plan',
        entityId: planId,
        regionCode: plan.regionCode,
        summary: { seedHash: plan.seedHash, seed: plan.seed, files: files.length },
      },
      inbox: files.map((f) => ({
        regionCode: plan.regionCode,
        recipientUserIds: [f.reviewerUserId],
        kind: 'reviews.file',
        title: `卷宗评查：请评查办件 ${f.caseNo}`,
        params: { caseNo: f.caseNo },
        link: `/reviews/plans/${planId}`,
        entityType: 'review_file',
        entityId: f.id,
        isTodo: true,
      })),
    };
  });
  return getReviewPlan(deps, actor, planId);
}
