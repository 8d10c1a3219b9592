import type { Draw, SubstituteInput } from '@tongban/contracts';
import { assertAccess, type Actor } from '../../../platform/access';
import type { Deps } from '../../../platform/app-types';
import { runCommand } from '../../../platform/command';
import { EXCLUSION_GROUND_LABELS } from '@tongban/contracts';
import { exclusionGrounds } from '../trading.policy';
import { TradingError } from '../trading.errors';
import * as repo from '../trading.repository';
import { getProjectOrThrow } from './common';
import { getDrawOrThrow, toDraw } from './get-draw';

/**
 * A seated member recuses (回避) or cannot attend: a reserve takes the seat. The reserve is checked
 * again against BID-1's exclusions with the relationships declared now; a conflicted one is refused.
 */
export async function substituteMember(
  deps: Deps,
  actor: Actor,
  drawId: string,
  input: SubstituteInput,
): Promise<Draw> {
  assertAccess(actor, 'trading.draw.open');
  return runCommand(deps, actor, async ({ tx, now }) => {
    const d = await getDrawOrThrow(tx, actor.regionCode, drawId, true);
    if (!d.openedAt) throw new TradingError('TRADING_DRAW_SEALED');
    const members = await repo.listMembers(tx, d.regionCode, drawId);
    const leaving = members.find(
      (m) => m.expertId === input.expertId && !m.recused && (!m.isReserve || m.substituteFor),
    );
    if (!leaving) throw new TradingError('TRADING_EXPERT_NOT_ON_PANEL');
    const free = members.filter((m) => m.isReserve && !m.substituteFor && !m.recused);
    const reserve = input.replacementId ? free.find((m) => m.expertId === input.replacementId) : free[0];
    if (!reserve) throw new TradingError('TRADING_EXPERT_NOT_ON_PANEL', '没有可递补的候补专家');
    const p = await getProjectOrThrow(tx, d.regionCode, d.projectId);
    const bidders = (await repo.listBidders(tx, d.regionCode, d.projectId)).filter((b) => !b.withdrawnAt);
    const e = await repo.findExpertWithRelations(tx, d.regionCode, reserve.expertId);
    const grounds = exclusionGrounds(
      { employer: e!.employer, relations: e!.relations ?? [] },
      p.tendererName,
      bidders.map((b) => b.name),
    );
    if (grounds.length)
      throw new TradingError(
        'TRADING_EXPERT_CONFLICT',
        `该候补专家须回避：${grounds.map((g) => EXCLUSION_GROUND_LABELS[g]).join('、')}`,
        { grounds },
      );
    await repo.updateMember(tx, d.regionCode, drawId, leaving.expertId, { recused: true });
    await repo.updateMember(tx, d.regionCode, drawId, reserve.expertId, { substituteFor: leaving.expertId });
    return {
      result: toDraw(d, await repo.listMembers(tx, d.regionCode, drawId), now),
      audit: {
        action: 'trading.draw.substitute',
        entityType: 'trading_draw',
        entityId: drawId,
        summary: { position: leaving.position },
      },
    };
  });
}
