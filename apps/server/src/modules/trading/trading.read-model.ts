import type { Bidder, CollusionSignal, ProjectSummary } from '@tongban/contracts';
import type { Selectable } from 'kysely';
import type { TradingBidderTable, TradingProjectTable } from '../../platform/db-types';

// Shapes the rows of this module's own tables into replies; no foreign tables are read here.

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function toSummary(p: Selectable<TradingProjectTable>): ProjectSummary {
  return {
    id: p.id,
    projectNo: p.projectNo,
    name: p.name,
    kind: p.kind as ProjectSummary['kind'],
    method: p.method as ProjectSummary['method'],
    tendererName: p.tendererName,
    agencyName: p.agencyName,
    estimateYuan: Number(p.estimateYuan),
    status: p.status as ProjectSummary['status'],
    bidDeadline: iso(p.bidDeadline),
    publicityEnd: iso(p.publicityEnd),
    createdAt: p.createdAt.toISOString(),
  };
}

export function toBidder(b: Selectable<TradingBidderTable>): Bidder {
  return {
    id: b.id,
    name: b.name,
    creditCode: b.creditCode,
    bidAt: b.bidAt.toISOString(),
    priceYuan: b.priceYuan == null ? null : Number(b.priceYuan),
    fileAuthor: b.fileAuthor,
    withdrawnAt: iso(b.withdrawnAt),
  };
}

/**
 * Signs that bids may be coordinated: deposits of different bidders paid from one account, bid files
 * of different bidders with the same author metadata. Raised to the supervisor, decided by people.
 */
export function collusionSignals(
  bidders: readonly { id: string; name: string; fileAuthor: string | null }[],
  deposits: readonly { bidderId: string | null; payerAccount: string }[],
): CollusionSignal[] {
  const signals: CollusionSignal[] = [];
  const nameOf = new Map(bidders.map((b) => [b.id, b.name]));
  const group = (pairs: [string, string][], kind: CollusionSignal['kind'], mask: (v: string) => string) => {
    const by = new Map<string, Set<string>>();
    for (const [value, bidder] of pairs) {
      if (!by.has(value)) by.set(value, new Set());
      by.get(value)!.add(bidder);
    }
    for (const [value, set] of by)
      if (set.size > 1) signals.push({ kind, value: mask(value), bidders: [...set].sort() });
  };
  group(
    deposits.filter((d) => d.bidderId).map((d) => [d.payerAccount, nameOf.get(d.bidderId!) ?? '']),
    'same_account',
    (v) => (v.length <= 4 ? v : `****${v.slice(-4)}`),
  );
  group(
    bidders.filter((b) => b.fileAuthor).map((b) => [b.fileAuthor!.trim().toLowerCase(), b.name]),
    'same_author',
    (v) => v,
  );
  return signals;
}
