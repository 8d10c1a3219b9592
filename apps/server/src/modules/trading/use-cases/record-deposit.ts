import type { Deposit, DepositCreate } from '@tongban/contracts';
import { assertAccess, type Actor } from '../../../platform/access';
import type { Deps } from '../../../platform/app-types';
import { runCommand } from '../../../platform/command';
import type { Executor } from '../../../platform/db';
import { bidValidUntil, checkDepositDates, depositWithinCap, refundDueOn, regimeOf } from '../trading.policy';
import { TradingError, type TradingErrorCode } from '../trading.errors';
import * as repo from '../trading.repository';
import { getProjectOrThrow, regionCalendar, shanghaiDay } from './common';
import { toDeposit } from './deposit-board';
import { signalDeliveries } from './signal-collusion';

/** BID-2: a bidder's deposit, at most 2% of the estimate; one per bidder. */
export async function recordDeposit(
  deps: Deps,
  actor: Actor,
  id: string,
  input: DepositCreate,
): Promise<Deposit> {
  assertAccess(actor, 'trading.deposit.write');
  return runCommand(deps, actor, async ({ tx, now }) => {
    const p = await getProjectOrThrow(tx, actor.regionCode, id, true);
    const bidders = await repo.listBidders(tx, p.regionCode, id);
    const bidder = bidders.find((b) => b.id === input.bidderId);
    if (!bidder) throw new TradingError('TRADING_BIDDER_NOT_FOUND');
    if (bidder.withdrawnAt) throw new TradingError('TRADING_DEPOSIT_BIDDER_WITHDRAWN');
    const validUntil =
      p.bidDeadline && p.bidValidityDays ? bidValidUntil(p.bidDeadline, p.bidValidityDays) : null;
    const dateProblem = checkDepositDates(input, p.bidDeadline, validUntil, shanghaiDay(now));
    if (dateProblem === 'TRADING_DEPOSIT_VALIDITY_SHORT')
      throw new TradingError(
        dateProblem,
        `保证金有效期至 ${input.validUntil}，短于投标有效期（至 ${validUntil}），须覆盖投标有效期`,
      );
    if (dateProblem) throw new TradingError(dateProblem as TradingErrorCode);
    if (!depositWithinCap(input.amountYuan, Number(p.estimateYuan)))
      throw new TradingError(
        'TRADING_DEPOSIT_OVER_CAP',
        `投标保证金 ${input.amountYuan} 元超过估算价 ${Number(p.estimateYuan)} 元的 2%（${Math.floor(Number(p.estimateYuan) * 2) / 100} 元）`,
      );
    const existing = await repo.listProjectDeposits(tx, p.regionCode, id);
    if (existing.some((d) => d.bidderId === bidder.id)) throw new TradingError('TRADING_DEPOSIT_EXISTS');
    const d = await repo.insertDeposit(tx, {
      regionCode: p.regionCode,
      projectId: id,
      projectLabel: `${p.projectNo} ${p.name}`,
      bidderId: bidder.id,
      bidderName: bidder.name,
      regime: regimeOf(p.kind as never),
      amountYuan: input.amountYuan,
      payerAccount: input.payerAccount,
      paidOn: input.paidOn,
      validUntil: input.validUntil,
      createdAt: now,
    });
    return {
      result: toDeposit(d, shanghaiDay(now)),
      inbox: await signalDeliveries(tx, p, bidders, [...existing, d]),
      audit: {
        action: 'trading.deposit.record',
        entityType: 'trading_deposit',
        entityId: d.id,
        summary: { projectId: id, amountYuan: input.amountYuan },
      },
    };
  });
}

/** BID-2: a bid withdrawn before the deadline: its deposit is due back within 5 days. */
export async function startWithdrawalClock(
  deps: Deps,
  tx: Executor,
  regionCode: string,
  projectId: string,
  bidderId: string,
  now: Date,
): Promise<void> {
  const d = (await repo.listProjectDeposits(tx, regionCode, projectId)).find(
    (x) => x.bidderId === bidderId && !x.triggeredOn,
  );
  if (!d) return;
  const today = shanghaiDay(now);
  const cal = await regionCalendar(deps, regionCode, tx);
  await repo.updateDeposit(tx, regionCode, d.id, {
    refundTrigger: 'withdrawal',
    triggeredOn: today,
    refundDueOn: refundDueOn(cal, d.regime as 'tender', 'withdrawal', today),
  });
}
