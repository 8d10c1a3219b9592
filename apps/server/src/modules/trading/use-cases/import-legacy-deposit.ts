import type { Actor } from '../../../platform/access';
import type { Deps } from '../../../platform/app-types';
import { runCommand } from '../../../platform/command';
import * as repo from '../trading.repository';

export type LegacyDeposit = {
  projectLabel: string;
  bidderName: string;
  regime: 'tender' | 'procurement';
  amountYuan: number;
  payerAccount: string;
  paidOn: string;
  /** The day the refund became due under the old books (null when nobody ever set one). */
  refundDueOn: string | null;
};

/**
 * BID-2: deposits taken before the platform (the old paper books) enter the same ledger, so a 2012
 * deposit nobody refunded stays on the board until it is refunded.
 */
export async function importLegacyDeposit(deps: Deps, actor: Actor, d: LegacyDeposit): Promise<string> {
  return runCommand(deps, actor, async ({ tx, now }) => {
    const row = await repo.insertDeposit(tx, {
      regionCode: actor.regionCode,
      ...d,
      refundTrigger: d.refundDueOn ? 'contract' : null,
      triggeredOn: d.refundDueOn,
      createdAt: now,
    });
    return {
      result: row.id,
      audit: {
        action: 'trading.deposit.import',
        entityType: 'trading_deposit',
        entityId: row.id,
        summary: { paidOn: d.paidOn },
      },
    };
  });
}
