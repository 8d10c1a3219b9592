import type { Deposit, RefundCreate } from '@tongban/contracts';
import { assertAccess, type Actor } from '../../../platform/access';
import type { Deps } from '../../../platform/app-types';
import { runCommand } from '../../../platform/command';
import { closeInboxTodos } from '../../inbox';
import { checkRefund, depositInterest } from '../trading.policy';
import { TradingError, type TradingErrorCode } from '../trading.errors';
import * as repo from '../trading.repository';
import { shanghaiDay } from './common';
import { toDeposit } from './deposit-board';

/** BID-2: a refund with its bank reference and interest; never before its trigger, never twice. */
export async function refundDeposit(
  deps: Deps,
  actor: Actor,
  id: string,
  input: RefundCreate,
): Promise<Deposit> {
  assertAccess(actor, 'trading.deposit.write');
  return runCommand(deps, actor, async ({ tx, now }) => {
    const d = await repo.findDeposit(tx, actor.regionCode, id);
    if (!d) throw new TradingError('TRADING_DEPOSIT_NOT_FOUND');
    const today = shanghaiDay(now);
    if (input.refundedOn > today) throw new TradingError('TRADING_FIELD_REQUIRED', '退还日期不能晚于今天');
    const problem = checkRefund(
      {
        triggeredOn: d.triggeredOn as unknown as string | null,
        refundedOn: d.refundedOn as unknown as string | null,
      },
      input.refundedOn,
    );
    if (problem) throw new TradingError(problem as TradingErrorCode);
    const updated = await repo.updateDeposit(tx, d.regionCode, id, {
      refundedOn: input.refundedOn,
      bankRef: input.bankRef,
      interestYuan: depositInterest(Number(d.amountYuan), d.paidOn as unknown as string, input.refundedOn),
    });
    await closeInboxTodos(tx, { regionCode: d.regionCode, entityType: 'trading_deposit', entityId: id }, now);
    return {
      result: toDeposit(updated, today),
      audit: {
        action: 'trading.deposit.refund',
        entityType: 'trading_deposit',
        entityId: id,
        summary: { refundedOn: input.refundedOn },
      },
    };
  });
}
