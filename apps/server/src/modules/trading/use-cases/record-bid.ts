import type { Bidder, BidCreate } from '@tongban/contracts';
import { assertAccess, type Actor } from '../../../platform/access';
import type { Deps } from '../../../platform/app-types';
import { runCommand } from '../../../platform/command';
import { TradingError } from '../trading.errors';
import { toBidder } from '../trading.read-model';
import * as repo from '../trading.repository';
import { getProjectOrThrow } from './common';
import { startWithdrawalClock } from './record-deposit';
import { signalDeliveries } from './signal-collusion';

/** Receives a bid while the project is tendering and before its deadline; never after. */
export async function recordBid(deps: Deps, actor: Actor, id: string, input: BidCreate): Promise<Bidder> {
  assertAccess(actor, 'trading.project.write');
  return runCommand(deps, actor, async ({ tx, now }) => {
    const p = await getProjectOrThrow(tx, actor.regionCode, id, true);
    if (p.status !== 'tendering') throw new TradingError('TRADING_BID_NOT_OPEN');
    if (!p.bidDeadline || now >= p.bidDeadline) throw new TradingError('TRADING_BID_AFTER_DEADLINE');
    const existing = await repo.listBidders(tx, p.regionCode, id);
    if (existing.some((b) => b.name === input.name))
      throw new TradingError('TRADING_ACTION_NOT_ALLOWED', '该投标人已递交投标文件');
    const b = await repo.insertBidder(tx, { regionCode: p.regionCode, projectId: id, ...input, bidAt: now });
    return {
      result: toBidder(b),
      inbox: await signalDeliveries(tx, p, [...existing, b]),
      audit: {
        action: 'trading.bid.record',
        entityType: 'trading_project',
        entityId: id,
        summary: { bidderId: b.id },
      },
    };
  });
}

/** A withdrawal before the deadline starts the deposit's refund clock (BID-2: 5 days). */
export async function withdrawBid(deps: Deps, actor: Actor, id: string, bidderId: string) {
  assertAccess(actor, 'trading.project.write');
  await runCommand(deps, actor, async ({ tx, now }) => {
    const p = await getProjectOrThrow(tx, actor.regionCode, id, true);
    const b = (await repo.listBidders(tx, p.regionCode, id)).find((x) => x.id === bidderId && !x.withdrawnAt);
    if (!b) throw new TradingError('TRADING_BIDDER_NOT_FOUND');
    if (p.status !== 'tendering' || !p.bidDeadline || now >= p.bidDeadline)
      throw new TradingError('TRADING_BID_AFTER_DEADLINE', '投标截止后不能撤回投标');
    await repo.updateBidder(tx, p.regionCode, bidderId, { withdrawnAt: now });
    await startWithdrawalClock(deps, tx, p.regionCode, id, bidderId, now);
    return {
      result: undefined,
      audit: {
        action: 'trading.bid.withdraw',
        entityType: 'trading_project',
        entityId: id,
        summary: { bidderId },
      },
    };
  });
}
