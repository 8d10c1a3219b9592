import type { Compilable } from 'kysely';
import type { Executor, Tx } from '../../platform/db';
import type { AuditLogRow } from '../../platform/db-types';

/**
 * Locks one chain (region, lane) until commit and returns its newest hash: one round trip in the
 * usual case. A chain's first entry creates its head row first.
 */
/** The chain's head, locked until commit; no row yet for a chain nothing has joined. */
export function lockHeadQuery(tx: Tx, regionCode: string, lane: number) {
  return tx
    .selectFrom('auditHead')
    .select('hash')
    .where('regionCode', '=', regionCode)
    .where('lane', '=', lane)
    .forUpdate();
}

/** The head after lockHeadQuery found none: created at the genesis hash (once), then locked. */
export async function createHead(tx: Tx, regionCode: string, lane: number, genesis: string): Promise<string> {
  await tx
    .insertInto('auditHead')
    .values({ regionCode, lane, hash: genesis })
    .onConflict((oc) => oc.columns(['regionCode', 'lane']).doNothing())
    .execute();
  return (await lockHeadQuery(tx, regionCode, lane).executeTakeFirstOrThrow()).hash;
}

/** The entry and the move of its chain's head to it: two writes for one batch (executeWrites). */
export function entryWrites(
  tx: Tx,
  row: Omit<AuditLogRow, 'seq' | 'summary'> & { summary: string },
): Compilable[] {
  return [
    tx.insertInto('auditLog').values(row),
    tx
      .updateTable('auditHead')
      .set({ hash: row.hash })
      .where('regionCode', '=', row.regionCode)
      .where('lane', '=', row.lane),
  ];
}

/** Every chain there is: (region, lane) pairs. */
export async function listChains(db: Executor): Promise<{ regionCode: string; lane: number }[]> {
  return db
    .selectFrom('auditLog')
    .select(['regionCode', 'lane'])
    .distinct()
    .orderBy('regionCode')
    .orderBy('lane')
    .execute();
}

export async function listChainPage(
  db: Executor,
  chain: { regionCode: string; lane: number },
  afterSeq: number,
  limit: number,
): Promise<AuditLogRow[]> {
  return db
    .selectFrom('auditLog')
    .selectAll()
    .where('regionCode', '=', chain.regionCode)
    .where('lane', '=', chain.lane)
    .where('seq', '>', afterSeq)
    .orderBy('seq')
    .limit(limit)
    .execute();
}

export type AuditQuery = {
  regionPrefix: string;
  entityType?: string;
  entityId?: string;
  limit: number;
  beforeSeq?: number;
};

export async function listEntries(db: Executor, q: AuditQuery): Promise<AuditLogRow[]> {
  let query = db
    .selectFrom('auditLog')
    .selectAll()
    .where('regionCode', 'like', `${q.regionPrefix}%`)
    .orderBy('seq', 'desc')
    .limit(q.limit);
  if (q.entityType) query = query.where('entityType', '=', q.entityType);
  if (q.entityId) query = query.where('entityId', '=', q.entityId);
  if (q.beforeSeq) query = query.where('seq', '<', q.beforeSeq);
  return query.execute();
}
