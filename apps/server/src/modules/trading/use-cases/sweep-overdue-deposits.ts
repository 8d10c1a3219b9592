import type { SweepResult } from '@tongban/contracts';
import { assertAccess, type Actor } from '../../../platform/access';
import type { Deps } from '../../../platform/app-types';
import { runCommand } from '../../../platform/command';
import * as repo from '../trading.repository';
import { shanghaiDay, supervisorsOf } from './common';

/**
 * BID-2: every overdue refund becomes a to-do for the supervisors, like a red case; delivered once
 * per deposit (dedupe key) and closed when the refund is recorded.
 */
export async function sweepOverdueDeposits(deps: Deps, actor: Actor): Promise<SweepResult> {
  assertAccess(actor, 'trading.deposit.supervise');
  return runCommand(deps, actor, async ({ tx, now }) => {
    const today = shanghaiDay(now);
    const overdue = await repo.listDeposits(tx, actor.regionCode, 'overdue', today, 1000, 0);
    const supervisors = await supervisorsOf(tx, actor.regionCode);
    return {
      result: { overdue: overdue.length, delivered: overdue.length },
      inbox: overdue.map((d) => ({
        regionCode: d.regionCode,
        recipientUserIds: supervisors,
        kind: 'trading.deposit_overdue',
        // One per deposit: the bidder tells apart the deposits of one project.
        title: `保证金逾期未退：${d.projectLabel}（${d.bidderName}）`,
        body: `应于 ${String(d.refundDueOn)} 前退还 ${Number(d.amountYuan)} 元`,
        params: {
          project: d.projectLabel,
          bidder: d.bidderName,
          dueOn: String(d.refundDueOn),
          amount: Number(d.amountYuan),
        },
        link: '/trading/deposits',
        entityType: 'trading_deposit',
        entityId: d.id,
        isTodo: true,
        dedupeKey: `trading.deposit_overdue:${d.id}`,
      })),
      audit: overdue.length
        ? {
            action: 'trading.deposit.sweep',
            entityType: 'trading_deposit',
            entityId: today,
            summary: { overdue: overdue.length },
          }
        : null,
    };
  });
}
