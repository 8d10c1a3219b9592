import type { Expert, ExpertCreate, ExpertList, RatingsInput } from '@tongban/contracts';
import { assertAccess, type Actor } from '../../../platform/access';
import type { Deps } from '../../../platform/app-types';
import { runCommand } from '../../../platform/command';
import { TradingError } from '../trading.errors';
import * as repo from '../trading.repository';
import { getDrawOrThrow } from './get-draw';
import { getProjectOrThrow } from './common';

/** Adds an expert to the pool with the relationships the expert declares (BID-1 exclusions use them). */
export async function createExpert(deps: Deps, actor: Actor, input: ExpertCreate): Promise<{ id: string }> {
  assertAccess(actor, 'trading.expert.write');
  return runCommand(deps, actor, async ({ tx, now }) => {
    const { id } = await repo.insertExpert(tx, {
      regionCode: actor.regionCode,
      name: input.name,
      specialties: input.specialties,
      employer: input.employer,
      title: input.title,
      available: input.available,
      createdAt: now,
    });
    await repo.insertRelations(
      tx,
      input.relations.map((r) => ({ regionCode: actor.regionCode, expertId: id, ...r })),
    );
    return {
      result: { id },
      audit: {
        action: 'trading.expert.create',
        entityType: 'trading_expert',
        entityId: id,
        summary: { relations: input.relations.length },
      },
    };
  });
}

export async function listExperts(
  deps: Deps,
  actor: Actor,
  q: { limit: number; offset: number },
): Promise<ExpertList> {
  assertAccess(actor, 'trading.read');
  const [rows, { n }] = await repo.listExperts(deps.db, actor.regionCode, q.limit, q.offset);
  const relations = await repo.listRelationsOf(
    deps.db,
    actor.regionCode,
    rows.map((r) => r.id),
  );
  const items: Expert[] = rows.map((r) => ({
    id: r.id,
    name: r.name,
    specialties: r.specialties,
    employer: r.employer,
    title: r.title,
    available: r.available,
    rating: r.ratingCount ? Math.round((r.ratingSum / r.ratingCount) * 10) / 10 : null,
    ratingCount: r.ratingCount,
    panels: Number(r.panels ?? 0),
    relations: relations
      .filter((x) => x.expertId === r.id)
      .map((x) => ({ kind: x.kind as Expert['relations'][number]['kind'], companyName: x.companyName })),
  }));
  return { items, total: Number(n) };
}

/** Ratings of the seated experts after the evaluation (once per expert per panel). */
export async function rateExperts(deps: Deps, actor: Actor, drawId: string, input: RatingsInput) {
  assertAccess(actor, 'trading.expert.rate');
  await runCommand(deps, actor, async ({ tx }) => {
    const d = await getDrawOrThrow(tx, actor.regionCode, drawId, true);
    const p = await getProjectOrThrow(tx, d.regionCode, d.projectId);
    if (!['publicity', 'awarded', 'contracted', 'accepted'].includes(p.status))
      throw new TradingError('TRADING_ACTION_NOT_ALLOWED', '评标结束后方可评价专家');
    const members = await repo.listMembers(tx, d.regionCode, drawId);
    for (const r of input.ratings) {
      const m = members.find(
        (x) => x.expertId === r.expertId && ((!x.isReserve && !x.recused) || x.substituteFor),
      );
      if (!m) throw new TradingError('TRADING_EXPERT_NOT_ON_PANEL');
      if (!(await repo.setMemberRating(tx, d.regionCode, drawId, r.expertId, r.rating)))
        throw new TradingError('TRADING_ACTION_NOT_ALLOWED', '该专家本次评标已评价');
      await repo.addRating(tx, d.regionCode, r.expertId, r.rating);
    }
    return {
      result: undefined,
      audit: {
        action: 'trading.expert.rate',
        entityType: 'trading_draw',
        entityId: drawId,
        summary: { count: input.ratings.length },
      },
    };
  });
}
