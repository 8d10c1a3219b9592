import type { Selectable } from 'kysely';
import type { Executor } from '../../../platform/db';
import type { TradingProjectTable } from '../../../platform/db-types';
import type { InboxDelivery } from '../../inbox';
import { collusionSignals } from '../trading.read-model';
import * as repo from '../trading.repository';
import { supervisorsOf } from './common';

/**
 * Signs of coordinated bids (one paying account, one bid-file author) go to the supervisors' inboxes
 * as to-dos; the dedupe key makes each signal arrive once however often it is recomputed.
 */
export async function signalDeliveries(
  tx: Executor,
  p: Selectable<TradingProjectTable>,
  bidders: readonly { id: string; name: string; fileAuthor: string | null }[],
  deposits?: readonly { bidderId: string | null; payerAccount: string }[],
): Promise<InboxDelivery[]> {
  const deps = deposits ?? (await repo.listProjectDeposits(tx, p.regionCode, p.id));
  const signals = collusionSignals(bidders, deps);
  if (signals.length === 0) return [];
  const supervisors = await supervisorsOf(tx, p.regionCode);
  return signals.map((s) => ({
    regionCode: p.regionCode,
    recipientUserIds: supervisors,
    kind: 'trading.collusion_signal',
    title: `${p.projectNo} 疑似串通投标：${s.kind === 'same_account' ? '保证金同一账户缴纳' : '投标文件作者相同'}`,
    body: `涉及 ${s.bidders.length} 家投标人，请核查。`,
    params: { projectNo: p.projectNo, variant: s.kind, bidders: s.bidders.length },
    link: `/trading/projects/${p.id}`,
    entityType: 'trading_project',
    entityId: p.id,
    isTodo: true,
    dedupeKey: `trading.collusion:${p.id}:${s.kind}:${s.value}`,
  }));
}
