import type { Draw, DrawCreate } from '@tongban/contracts';
import { assertAccess, type Actor } from '../../../platform/access';
import type { Deps } from '../../../platform/app-types';
import { runCommand } from '../../../platform/command';
import { hashSeed, newSeed } from '../expert-draw';
import { checkPanel } from '../trading.policy';
import { TradingError } from '../trading.errors';
import * as repo from '../trading.repository';
import { getProjectOrThrow } from './common';
import { toDraw } from './get-draw';

/**
 * BID-1, step 1: the panel's plan is checked (≥ 5, odd, ≥ 2/3 experts) and a fresh seed is committed:
 * its SM3 hash is stored and shown now, before anyone runs the draw; the seed stays hidden until the
 * supervisor opens the sealed list.
 */
export async function commitDraw(
  deps: Deps,
  actor: Actor,
  projectId: string,
  input: DrawCreate,
): Promise<Draw> {
  assertAccess(actor, 'trading.draw');
  const problems = checkPanel(input);
  if (problems.length)
    throw new TradingError('TRADING_PANEL_INVALID', `评标委员会组成不符合规定：${problems.join('；')}`, {
      problems,
    });
  return runCommand(deps, actor, async ({ tx, now }) => {
    const p = await getProjectOrThrow(tx, actor.regionCode, projectId, true);
    if (p.status !== 'opened')
      throw new TradingError(
        'TRADING_ACTION_NOT_ALLOWED',
        '开标后、评标前抽取专家（须先知道全部投标人以便回避）',
      );
    if (await repo.findDrawOfProject(tx, p.regionCode, projectId))
      throw new TradingError('TRADING_DRAW_EXISTS');
    const seed = newSeed();
    const d = await repo.insertDraw(tx, {
      regionCode: p.regionCode,
      projectId,
      panelSize: input.panelSize,
      ownerReps: input.ownerReps,
      reserveCount: input.reserveCount,
      requests: JSON.stringify(input.requests),
      seed,
      seedHash: hashSeed(seed),
      openAt: new Date(input.openAt),
      createdAt: now,
    });
    return {
      result: toDraw(d, [], now),
      audit: {
        action: 'trading.draw.commit',
        entityType: 'trading_draw',
        entityId: d.id,
        summary: { projectId, seedHash: d.seedHash },
      },
    };
  });
}
