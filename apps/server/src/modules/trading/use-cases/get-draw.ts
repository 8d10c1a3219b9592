import type { Draw, DrawReplay } from '@tongban/contracts';
import type { Selectable } from 'kysely';
import { assertAccess, type Actor } from '../../../platform/access';
import type { Deps } from '../../../platform/app-types';
import type { Executor } from '../../../platform/db';
import type { TradingDrawTable } from '../../../platform/db-types';
import { hashSeed, runDraw } from '../expert-draw';
import { TradingError } from '../trading.errors';
import * as repo from '../trading.repository';
import type { StoredSnapshot } from './run-draw';

type Member = {
  expertId: string;
  name: string;
  employer: string;
  specialty: string;
  position: number;
  isReserve: boolean;
  rating: number | null;
  recused?: boolean;
  substituteFor?: string | null;
};

export async function getDrawOrThrow(db: Executor, regionCode: string, id: string, lock = false) {
  const d = await repo.findDraw(db, regionCode, id, lock);
  if (!d) throw new TradingError('TRADING_DRAW_NOT_FOUND');
  return d;
}

/** BID-1: before the sealed list is opened nobody sees names, nor the seed — only counts and the hash. */
export function toDraw(d: Selectable<TradingDrawTable>, members: Member[], _now: Date): Draw {
  const sealed = !d.openedAt;
  const snap = d.snapshot as StoredSnapshot | null;
  return {
    id: d.id,
    projectId: d.projectId,
    panelSize: d.panelSize,
    ownerReps: d.ownerReps,
    reserveCount: d.reserveCount,
    requests: d.requests as Draw['requests'],
    seedHash: d.seedHash,
    seed: sealed ? null : d.seed,
    openAt: d.openAt.toISOString(),
    drawnAt: d.drawnAt?.toISOString() ?? null,
    openedAt: d.openedAt?.toISOString() ?? null,
    sealed,
    drawnCount: members.length,
    excludedCount: snap?.exclusions.length ?? 0,
    members: sealed
      ? []
      : members.map((m) => ({
          expertId: m.expertId,
          name: m.name,
          employer: m.employer,
          specialty: m.specialty,
          position: m.position,
          isReserve: m.isReserve,
          rating: m.rating ?? null,
          recused: m.recused ?? false,
          substituteFor: m.substituteFor ?? null,
        })),
    exclusions: sealed ? [] : ((snap?.exclusions ?? []) as Draw['exclusions']),
  };
}

export async function getDraw(deps: Deps, actor: Actor, id: string): Promise<Draw> {
  assertAccess(actor, 'trading.read');
  const d = await getDrawOrThrow(deps.db, actor.regionCode, id);
  return toDraw(d, await repo.listMembers(deps.db, d.regionCode, id), deps.clock.now());
}

/** Replays an opened draw from its revealed seed and stored snapshot; anyone reading it can compare. */
export async function replayDraw(deps: Deps, actor: Actor, id: string): Promise<DrawReplay> {
  assertAccess(actor, 'trading.read');
  const d = await getDrawOrThrow(deps.db, actor.regionCode, id);
  if (!d.openedAt || !d.snapshot) throw new TradingError('TRADING_DRAW_SEALED', '名单开启后方可复现抽取');
  const replayed = runDraw(d.seed, d.snapshot as StoredSnapshot);
  const recorded = await repo.listMembers(deps.db, d.regionCode, id);
  const key = (m: { expertId: string; isReserve: boolean; position: number }) =>
    `${m.position}:${m.expertId}:${m.isReserve}`;
  // A substituted member keeps its row; the replay compares the original draw's order.
  const recordedKeys = new Set(recorded.map(key));
  return {
    seed: d.seed,
    seedHashMatches: hashSeed(d.seed) === d.seedHash,
    members: replayed.map((m) => ({ expertId: m.expertId, specialty: m.specialty, isReserve: m.isReserve })),
    matchesRecorded: replayed.length === recorded.length && replayed.every((m) => recordedKeys.has(key(m))),
  };
}
