import { sql } from 'kysely';
import type { Executor, Tx } from '../../platform/db';
import type { AuditLogRow } from '../../platform/db-types';

export async function lockChain(tx: Tx, regionCode: string): Promise<void> {
  // One writer per region chain at a time; released at commit.
  await sql`select pg_advisory_xact_lock(hashtext(${'audit:' + regionCode}))`.execute(tx);
}

export async function findLastHash(tx: Tx, regionCode: string): Promise<string | undefined> {
  const row = await tx
    .selectFrom('auditLog')
    .select('hash')
    .where('regionCode', '=', regionCode)
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row?.hash;
}

export async function insertEntry(
  tx: Tx,
  row: Omit<AuditLogRow, 'seq' | 'summary'> & { summary: string },
): Promise<number> {
  const r = await tx.insertInto('auditLog').values(row).returning('seq').executeTakeFirstOrThrow();
  return r.seq;
}

export async function listRegions(db: Executor): Promise<string[]> {
  const rows = await db.selectFrom('auditLog').select('regionCode').distinct().execute();
  return rows.map((r) => r.regionCode);
}

export async function listChainPage(
  db: Executor,
  regionCode: string,
  afterSeq: number,
  limit: number,
): Promise<AuditLogRow[]> {
  return db
    .selectFrom('auditLog')
    .selectAll()
    .where('regionCode', '=', regionCode)
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
