// Joined reads for reviews. Other modules' records come through their index (org: departments,
// users, staff, regions; cases: concluded case facts), never from their tables.
import { regionPrefix, type ReviewFile, type ReviewPlan, type RubricItem } from '@tongban/contracts';
import { SYSTEM_ACTOR } from '../../platform/access';
import type { Deps } from '../../platform/app-types';
import { orgService } from '../org';
import type { listFiles, listPlans } from './reviews.repository';

const inRegion = (prefix: string) => (r: { regionCode: string }) => r.regionCode.startsWith(prefix);

export async function departmentsIn(deps: Deps, regionCode: string) {
  return (await orgService.listDepartments(deps, SYSTEM_ACTOR)).filter(inRegion(regionPrefix(regionCode)));
}
export async function usersIn(deps: Deps, regionCode: string) {
  return (await orgService.listUsers(deps, SYSTEM_ACTOR)).filter(inRegion(regionPrefix(regionCode)));
}
export async function staffIn(deps: Deps, regionCode: string) {
  return (await orgService.listStaff(deps, SYSTEM_ACTOR)).filter(inRegion(regionPrefix(regionCode)));
}
/** The townships (乡镇) under a county: regions with a 12-digit code below it. */
export async function townshipsUnder(deps: Deps, regionCode: string) {
  return (await orgService.listRegions(deps, SYSTEM_ACTOR)).filter(
    (r) => r.code.length === 12 && r.code.startsWith(regionPrefix(regionCode)) && r.code !== regionCode,
  );
}

/**
 * jsonb objects come back with camelCased keys (platform/camel-case.ts converts nested keys too); the
 * rubric's keys are snake_case, so maps keyed by them are turned back on read.
 */
export function rubricKeyed<T>(stored: unknown): Record<string, T> {
  if (stored === null || typeof stored !== 'object') return {};
  return Object.fromEntries(
    Object.entries(stored as Record<string, T>).map(([k, v]) => [
      k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`),
      v,
    ]),
  );
}

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

type PlanRow = Awaited<ReturnType<typeof listPlans>>[number];
type FileRow = Awaited<ReturnType<typeof listFiles>>[number];

export function toPlan(p: PlanRow): ReviewPlan {
  return {
    id: p.id,
    regionCode: p.regionCode,
    title: p.title,
    periodStart: p.periodStart,
    periodEnd: p.periodEnd,
    departmentIds: p.departmentIds,
    casesPerDepartment: p.casesPerDepartment,
    reviewerPool: p.reviewerPool,
    rubric: p.rubric as RubricItem[],
    seedHash: p.seedHash,
    // FR-1: the seed stays sealed until the draw is done; its hash is the commitment.
    seed: p.status === 'committed' ? null : p.seed,
    status: p.status,
    createdAt: iso(p.createdAt)!,
    drawnAt: iso(p.drawnAt),
    finishedAt: iso(p.finishedAt),
  };
}

export function toFile(
  f: FileRow,
  names: { dept: Map<string, string>; user: Map<string, string> },
): ReviewFile {
  return {
    id: f.id,
    planId: f.planId,
    departmentId: f.departmentId,
    departmentName: names.dept.get(f.departmentId) ?? '—',
    caseId: f.caseId,
    caseNo: f.caseNo,
    drawOrder: f.drawOrder,
    reviewerUserId: f.reviewerUserId,
    reviewerName: names.user.get(f.reviewerUserId) ?? '—',
    prefill: rubricKeyed(f.prefill),
    scores: f.scores === null ? null : rubricKeyed<number>(f.scores),
    total: f.total,
    comment: f.comment,
    scoredAt: iso(f.scoredAt),
  };
}

export async function nameMaps(deps: Deps, regionCode: string) {
  const [depts, users] = await Promise.all([departmentsIn(deps, regionCode), usersIn(deps, regionCode)]);
  return {
    dept: new Map(depts.map((d) => [d.id, d.name])),
    user: new Map(users.map((u) => [u.id, u.displayName])),
  };
}
