import type { Selectable } from 'kysely';
import type { Deps } from '../../../platform/app-types';
import type { Executor } from '../../../platform/db';
import type { TradingProjectTable } from '../../../platform/db-types';
import { refundDueOn, triggerFor } from '../trading.policy';
import * as repo from '../trading.repository';
import { regionCalendar, shanghaiDay } from './common';

/**
 * BID-2: an award notice, a contract or a termination starts the refund clock of the deposits it
 * concerns; the last day is computed on the region's working-day calendar and stored for the board.
 */
export async function startRefundClocks(
  deps: Deps,
  tx: Executor,
  p: Selectable<TradingProjectTable>,
  event: 'award' | 'contract' | 'termination',
  winnerBidderId: string | null,
  now: Date,
): Promise<void> {
  const deposits = (await repo.listProjectDeposits(tx, p.regionCode, p.id)).filter(
    (d) => !d.triggeredOn && !d.refundedOn,
  );
  if (deposits.length === 0) return;
  const cal = await regionCalendar(deps, p.regionCode, tx);
  const today = shanghaiDay(now);
  for (const d of deposits) {
    const regime = d.regime as 'tender' | 'procurement';
    const trigger = triggerFor(regime, event, d.bidderId === winnerBidderId);
    if (!trigger) continue;
    await repo.updateDeposit(tx, p.regionCode, d.id, {
      refundTrigger: trigger,
      triggeredOn: today,
      refundDueOn: refundDueOn(cal, regime, trigger, today),
    });
  }
}
