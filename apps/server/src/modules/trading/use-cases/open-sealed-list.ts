import type { Draw } from '@tongban/contracts';
import { assertAccess, type Actor } from '../../../platform/access';
import type { Deps } from '../../../platform/app-types';
import { runCommand } from '../../../platform/command';
import { TradingError } from '../trading.errors';
import * as repo from '../trading.repository';
import { getDrawOrThrow, toDraw } from './get-draw';

/** BID-1: only the supervisor opens the sealed list, and only from its set time; the seed is revealed with it. */
export async function openSealedList(deps: Deps, actor: Actor, id: string): Promise<Draw> {
  assertAccess(actor, 'trading.draw.open');
  return runCommand(deps, actor, async ({ tx, now }) => {
    const d = await getDrawOrThrow(tx, actor.regionCode, id, true);
    if (d.openedAt) throw new TradingError('TRADING_DRAW_ALREADY_OPEN');
    if (!d.drawnAt) throw new TradingError('TRADING_DRAW_SEALED', '尚未抽取，无名单可开启');
    if (now < d.openAt)
      throw new TradingError('TRADING_DRAW_SEALED', `名单须于 ${d.openAt.toISOString()} 后开启`);
    await repo.updateDraw(tx, d.regionCode, id, { openedAt: now, openedBy: actor.userId });
    const members = await repo.listMembers(tx, d.regionCode, id);
    return {
      result: toDraw({ ...d, openedAt: now }, members, now),
      audit: {
        action: 'trading.draw.open',
        entityType: 'trading_draw',
        entityId: id,
        summary: { seedHash: d.seedHash },
      },
    };
  });
}
