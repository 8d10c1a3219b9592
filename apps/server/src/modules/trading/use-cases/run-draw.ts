import type { Draw } from '@tongban/contracts';
import { assertAccess, type Actor } from '../../../platform/access';
import type { Deps } from '../../../platform/app-types';
import { runCommand } from '../../../platform/command';
import type { Executor } from '../../../platform/db';
import { PoolTooSmallError, runDraw, type DrawnMember, type DrawSnapshot } from '../expert-draw';
import { COOL_DOWN_DAYS, COOL_DOWN_PANELS, conflictChecker, normalizeCompany } from '../trading.policy';
import { TradingError } from '../trading.errors';
import * as repo from '../trading.repository';
import { getProjectOrThrow } from './common';
import { getDrawOrThrow, toDraw } from './get-draw';

export type StoredSnapshot = DrawSnapshot & {
  exclusions: { expertId: string; name: string; grounds: string[] }[];
};

/**
 * Who may sit: available experts of the specialties, minus every BID-1 exclusion (with its grounds).
 * Two queries whatever the pool's size: the pool's ids per specialty (aggregated in the database), and
 * the few experts whose employer or declared companies carry one of the project's names (by index).
 */
export async function buildSnapshot(
  db: Executor,
  regionCode: string,
  draw: { requests: { specialty: string; count: number }[]; reserveCount: number },
  tendererName: string,
  bidderNames: string[],
): Promise<StoredSnapshot> {
  const specialties = [...new Set(draw.requests.map((r) => r.specialty))];
  const keys = [...new Set([tendererName, ...bidderNames].map(normalizeCompany))];
  const [pools, suspects] = await Promise.all([
    repo.listCandidateIds(db, regionCode, specialties),
    repo.listConflictCandidates(db, regionCode, specialties, keys),
  ]);
  // The stored keys are normalizeCompany of the names, so the suspects are exactly those whose names
  // can match; the rule itself (which grounds) is applied here.
  const check = conflictChecker(tendererName, bidderNames);
  const exclusions: StoredSnapshot['exclusions'] = [];
  for (const e of suspects) {
    const grounds = check({ employer: e.employer, relations: e.relations ?? [] });
    if (grounds.length) exclusions.push({ expertId: e.id, name: e.name, grounds });
  }
  exclusions.sort((a, b) => (a.expertId < b.expertId ? -1 : a.expertId > b.expertId ? 1 : 0));
  const excluded = new Set(exclusions.map((x) => x.expertId));
  const candidates: Record<string, string[]> = Object.fromEntries(specialties.map((s) => [s, []]));
  for (const p of pools)
    candidates[p.specialty] = p.ids
      .split(',')
      .filter((id) => !excluded.has(id))
      .sort();
  return {
    requests: draw.requests,
    reserveCount: draw.reserveCount,
    candidates,
    blockedPairs: [],
    exclusions,
  };
}

/**
 * Runs the draw with the cool-down pairs it needs. Only pairs touching someone drawn can change a
 * draw (a candidate is set aside for clashing with someone already chosen), so instead of every pair
 * of the region's year the pairs of the drawn experts are fetched, and the draw re-run until nobody
 * drawn has a pair it did not know — the result is the draw over all pairs. The snapshot keeps the
 * pairs used, so the replay from the seed gives the same panel.
 */
export async function drawWithCoolDown(
  seed: string,
  snapshot: DrawSnapshot,
  pairsOf: (expertIds: string[]) => Promise<{ a: string; b: string }[]>,
): Promise<DrawnMember[]> {
  const eligible = new Set(Object.values(snapshot.candidates).flat());
  const known = new Set<string>();
  const asked = new Set<string>();
  for (;;) {
    let chosen: readonly DrawnMember[];
    let failure: PoolTooSmallError | null = null;
    try {
      chosen = runDraw(seed, snapshot);
    } catch (e) {
      if (!(e instanceof PoolTooSmallError)) throw e;
      failure = e;
      chosen = e.chosen;
    }
    const fresh = chosen.map((m) => m.expertId).filter((id) => !asked.has(id));
    if (fresh.length === 0) {
      if (failure) throw failure;
      return chosen as DrawnMember[];
    }
    for (const id of fresh) asked.add(id);
    for (const r of await pairsOf(fresh)) {
      const key = `${r.a}:${r.b}`;
      if (known.has(key) || !eligible.has(r.a) || !eligible.has(r.b)) continue;
      known.add(key);
      snapshot.blockedPairs.push([r.a, r.b]);
    }
  }
}

/** BID-1, step 2: the draw runs from the committed seed; the names stay sealed. */
export async function runPanelDraw(deps: Deps, actor: Actor, drawId: string): Promise<Draw> {
  assertAccess(actor, 'trading.draw');
  return runCommand(deps, actor, async ({ tx, now }) => {
    const d = await getDrawOrThrow(tx, actor.regionCode, drawId, true);
    if (d.drawnAt) throw new TradingError('TRADING_DRAW_EXISTS', '本次抽取已经进行');
    const p = await getProjectOrThrow(tx, d.regionCode, d.projectId);
    const bidders = (await repo.listBidders(tx, d.regionCode, d.projectId)).filter((b) => !b.withdrawnAt);
    const requests = d.requests as { specialty: string; count: number }[];
    const snapshot = await buildSnapshot(
      tx,
      d.regionCode,
      { requests, reserveCount: d.reserveCount },
      p.tendererName,
      bidders.map((b) => b.name),
    );
    let members;
    try {
      const since = new Date(now.getTime() - COOL_DOWN_DAYS * 86_400_000);
      members = await drawWithCoolDown(d.seed, snapshot, (ids) =>
        repo.listRecentPairsOf(tx, d.regionCode, ids, since, COOL_DOWN_PANELS),
      );
    } catch (e) {
      if (e instanceof PoolTooSmallError)
        throw new TradingError(
          'TRADING_POOL_TOO_SMALL',
          `专业「${e.specialty}」符合条件的专家不足 ${e.wanted} 人（可抽 ${e.found} 人）`,
        );
      throw e;
    }
    await repo.updateDraw(tx, d.regionCode, d.id, { snapshot: JSON.stringify(snapshot), drawnAt: now });
    await repo.insertMembers(
      tx,
      members.map((m) => ({ regionCode: d.regionCode, drawId: d.id, ...m })),
    );
    return {
      result: toDraw(
        { ...d, drawnAt: now, snapshot },
        members.map((m) => ({ ...m, name: '', employer: '', rating: null })),
        now,
      ),
      audit: {
        action: 'trading.draw.run',
        entityType: 'trading_draw',
        entityId: d.id,
        summary: { drawn: members.length, excluded: snapshot.exclusions.length, seedHash: d.seedHash },
      },
    };
  });
}
