import type { PurchaseStatus } from '@tongban/contracts';

// Pure rules of the intermediary market.

/** A department checks an intermediary's link to one of its approval items within this many working days. */
export const LINK_CHECK_WORKING_DAYS = 5;

/** Who may be drawn: registered intermediaries offering the service (no admission approval needed). */
export function qualifiedIds(
  rows: readonly { id: string; serviceKinds: readonly string[] }[],
  kind: string,
): string[] {
  return rows
    .filter((r) => r.serviceKinds.includes(kind))
    .map((r) => r.id)
    .sort();
}

/** The lowest quote wins; ties go to the earlier quote. */
export function lowestQuote<T extends { amountYuan: number; createdAt: Date }>(
  quotes: readonly T[],
): T | undefined {
  return [...quotes].sort(
    (a, b) => a.amountYuan - b.amountYuan || a.createdAt.getTime() - b.createdAt.getTime(),
  )[0];
}

export const NEXT: Record<'contract' | 'complete', { from: PurchaseStatus; to: PurchaseStatus }> = {
  contract: { from: 'selected', to: 'contracted' },
  complete: { from: 'contracted', to: 'completed' },
};
