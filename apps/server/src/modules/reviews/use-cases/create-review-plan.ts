import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { can, DEFAULT_RUBRIC, type ReviewPlanInput, type Role } from '@tongban/contracts';
import { assertAccess, type Actor } from '../../../platform/access';
import type { Deps } from '../../../platform/app-types';
import { runCommand } from '../../../platform/command';
import { listConcludedCaseKeys } from '../../cases';
import { seedHashOf, shanghaiStart } from '../reviews.policy';
import { ReviewsError } from '../reviews.errors';
import { departmentsIn, toPlan, usersIn } from '../reviews.read-model';
import * as repo from '../reviews.repository';

export const uuidArray = (xs: readonly string[]) =>
  sql<string[]>`string_to_array(${xs.join(',')}, ',')::uuid[]`;

/** The day after `day` (period ends are inclusive dates). */
export const dayAfter = (day: string) => new Date(shanghaiStart(day).getTime() + 86_400_000);

/**
 * FR-1: a 卷宗评查 plan. The seed is drawn now and only its SM3 hash is shown (the commitment); a
 * department without concluded cases in the period, or without a reviewer outside it, is refused.
 */
export async function createReviewPlan(deps: Deps, actor: Actor, input: ReviewPlanInput) {
  assertAccess(actor, 'reviews.plan');
  if (input.periodEnd < input.periodStart)
    throw new ReviewsError('REVIEWS_BAD_REFERENCE', '评查期间的结束日期早于开始日期');
  const regionCode = actor.regionCode;
  const departments = new Set((await departmentsIn(deps, regionCode)).map((d) => d.id));
  const deptIds = [...new Set(input.departmentIds)];
  if (deptIds.some((d) => !departments.has(d)))
    throw new ReviewsError('REVIEWS_BAD_REFERENCE', '所选部门不存在或不在本辖区');
  const users = new Map((await usersIn(deps, regionCode)).map((u) => [u.id, u]));
  const pool = [...new Set(input.reviewerPool)];
  if (pool.some((u) => !users.has(u)))
    throw new ReviewsError('REVIEWS_BAD_REFERENCE', '评查人员不存在或不在本辖区');
  const facts = await listConcludedCaseKeys(deps, {
    regionCode,
    from: shanghaiStart(input.periodStart),
    to: dayAfter(input.periodEnd),
    departmentIds: deptIds,
  });
  const withCases = new Set(facts.map((f) => f.departmentId));
  for (const d of deptIds) {
    if (!withCases.has(d))
      throw new ReviewsError('REVIEWS_NO_CONCLUDED_CASES', undefined, { departmentId: d });
    if (!pool.some((u) => users.get(u)!.departmentId !== d))
      throw new ReviewsError('REVIEWS_NO_ELIGIBLE_REVIEWER', undefined, { departmentId: d });
  }
  const seed = randomBytes(32).toString('hex');
  return runCommand(deps, actor, async ({ tx, now }) => {
    const row = await repo.insertPlan(tx, {
      regionCode,
      title: input.title,
      periodStart: input.periodStart,
      periodEnd: input.periodEnd,
      departmentIds: uuidArray(deptIds) as never,
      casesPerDepartment: input.casesPerDepartment,
      reviewerPool: uuidArray(pool) as never,
      rubric: JSON.stringify(input.rubric ?? DEFAULT_RUBRIC),
      seedHash: seedHashOf(seed),
      seed,
      createdBy: actor.userId,
      createdAt: now,
    });
    return {
      result: toPlan(row),
      audit: {
        action: 'reviews.plan.create',
        entityType: 'review_plan',
        entityId: row.id,
        regionCode,
        summary: { title: input.title, seedHash: row.seedHash, departments: deptIds.length },
      },
    };
  });
}

/** Who may be put in a reviewer pool: staff of the region who may score (reviews.score). */
export async function listReviewerCandidates(deps: Deps, actor: Actor) {
  assertAccess(actor, 'reviews.plan');
  const users = await usersIn(deps, actor.regionCode);
  return {
    items: users
      .filter((u) => can(u.role as Role, 'reviews.score'))
      .map((u) => ({ id: u.id, displayName: u.displayName, role: u.role, departmentId: u.departmentId })),
  };
}
