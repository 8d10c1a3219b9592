import type { Draw } from '@tongban/contracts';
import { assertAccess, type Actor } from '../../../platform/access';
import type { Deps } from '../../../platform/app-types';
import { runCommand } from '../../../platform/command';
import type { Executor } from '../../../platform/db';
import { PoolTooSmallError, runDraw, type DrawSnapshot } from '../expert-draw';
import { COOL_DOWN_DAYS, COOL_DOWN_PANELS, exclusionGrounds } from '../trading.policy';
import { TradingError } from '../trading.errors';
import * as repo from '../trading.repository';
import { getProjectOrThrow } from './common';
import { getDrawOrThrow, toDraw } from './get-draw';

export type StoredSnapshot = DrawSnapshot & {
  exclusions: { expertId: string; name: string; grounds: string[] }[];
};

/** Who may sit: available experts of the specialties, minus every BID-1 exclusion, plus cool-down pairs. */
export async function buildSnapshot(
  db: Executor,
  regionCode: string,
  draw: { requests: { specialty: string; count: number }[]; reserveCount: number },
  tendererName: string,
  bidderNames: string[],
  now: Date,
): Promise<StoredSnapshot> {
  const specialties = [...new Set(draw.requests.map((r) => r.specialty))];
  const rows = await repo.listCandidates(db, regionCode, specialties);
  const candidates: Record<string, string[]> = Object.fromEntries(specialties.map((s) => [s, []]));
  const exclusions: StoredSnapshot['exclusions'] = [];
  for (const e of rows) {
    const grounds = exclusionGrounds(
      { employer: e.employer, relations: e.relations ?? [] },
      tendererName,
      bidderNames,
    );
    if (grounds.length) {
      exclusions.push({ expertId: e.id, name: e.name, grounds });
      continue;
    }
    for (const s of e.specialties) candidates[s]?.push(e.id);
  }
  for (const s of specialties) candidates[s]!.sort();
  const eligible = new Set(Object.values(candidates).flat());
  const since = new Date(now.getTime() - COOL_DOWN_DAYS * 86_400_000);
  const pairs = (await repo.listRecentPairs(db, regionCode, since, COOL_DOWN_PANELS)).rows
    .filter((r) => Number(r.n) >= COOL_DOWN_PANELS && eligible.has(r.a) && eligible.has(r.b))
    .map((r) => [r.a, r.b] as [string, string]);
  return {
    requests: draw.requests,
    reserveCount: draw.reserveCount,
    candidates,
    blockedPairs: pairs,
    exclusions,
  };
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
      now,
    );
    let members;
    try {
      members = runDraw(d.seed, snapshot);
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
