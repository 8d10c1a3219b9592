import type { Deposit, DepositBoard, DepositQuery } from '@tongban/contracts';
import type { Selectable } from 'kysely';
import { assertAccess, type Actor } from '../../../platform/access';
import type { Deps } from '../../../platform/app-types';
import type { TradingDepositTable } from '../../../platform/db-types';
import { depositStatus, maskAccount } from '../trading.policy';
import * as repo from '../trading.repository';
import { shanghaiDay } from './common';

export function toDeposit(d: Selectable<TradingDepositTable>, today: string): Deposit {
  return {
    id: d.id,
    projectId: d.projectId,
    projectLabel: d.projectLabel,
    bidderName: d.bidderName,
    regime: d.regime as Deposit['regime'],
    amountYuan: Number(d.amountYuan),
    payerAccount: maskAccount(d.payerAccount),
    paidOn: d.paidOn as unknown as string,
    validUntil: (d.validUntil as unknown as string | null) ?? null,
    refundTrigger: d.refundTrigger as Deposit['refundTrigger'],
    triggeredOn: d.triggeredOn as unknown as string | null,
    refundDueOn: d.refundDueOn as unknown as string | null,
    refundedOn: d.refundedOn as unknown as string | null,
    interestYuan: d.interestYuan == null ? null : Number(d.interestYuan),
    bankRef: d.bankRef,
    ...depositStatus(
      {
        refundDueOn: d.refundDueOn as unknown as string | null,
        refundedOn: d.refundedOn as unknown as string | null,
      },
      today,
    ),
  };
}

/**
 * BID-2: the deposits board — overdue refunds first (red), every unrefunded deposit however old
 * (a 2012 deposit stays on it until refunded), or the whole ledger.
 */
export async function getDepositBoard(deps: Deps, actor: Actor, q: DepositQuery): Promise<DepositBoard> {
  assertAccess(actor, 'trading.deposit.read');
  const today = shanghaiDay(deps.clock.now());
  const [rows, t] = await Promise.all([
    repo.listDeposits(deps.db, actor.regionCode, q.view, today, q.limit, q.offset, q.projectId),
    repo.depositTotals(deps.db, actor.regionCode, today),
  ]);
  return {
    items: rows.map((r) => toDeposit(r, today)),
    overdueCount: Number(t.overdueCount),
    overdueYuan: Number(t.overdueYuan ?? 0),
    unrefundedCount: Number(t.unrefundedCount),
    unrefundedYuan: Number(t.unrefundedYuan ?? 0),
    oldestUnrefundedOn: (t.oldest as string | null) ?? null,
  };
}
