import type { FlagList, RatingList, RatingQuery } from '@tongban/contracts';
import { assertAccess, regionScopeLike, type Actor } from '../../../platform/access';
import type { Deps } from '../../../platform/app-types';
import * as rm from '../evaluations.read-model';
import { toRating } from './get-bad-review';
import { periodOf } from './get-figures';

/** RATE-1: every figure opens the records it counts: the same filters as the figures. */
export async function listRatings(deps: Deps, actor: Actor, q: RatingQuery): Promise<RatingList> {
  assertAccess(actor, 'evaluations.read');
  const dept = ['clerk', 'approver', 'dept_head'].includes(actor.role)
    ? (actor.departmentId ?? undefined)
    : q.departmentId;
  const { period } = periodOf(deps.clock.now(), q.from, q.to);
  const [rows, count] = await rm.listRatings(
    deps.db,
    regionScopeLike(actor),
    { ...q, departmentId: dept },
    period,
  );
  return { items: rows.map(toRating), total: Number(count.n) };
}

/** Honesty flags for the supervisor: ratings that look staff-made, kept and counted, marked. */
export async function listFlags(deps: Deps, actor: Actor): Promise<FlagList> {
  assertAccess(actor, 'evaluations.read');
  const rows = await rm.listFlags(deps.db, regionScopeLike(actor), 500);
  return {
    items: rows.map((r) => ({
      ratingId: r.ratingId,
      kind: r.kind,
      detail: r.detail,
      counted: r.counted,
      createdAt: r.createdAt.toISOString(),
      level: r.level,
      staffName: r.staffName,
      channel: r.channel,
    })),
  };
}
