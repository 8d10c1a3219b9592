import type { Compilable, Insertable } from 'kysely';
import type { Executor, Tx } from '../../platform/db';
import { fixedStatement } from '../../platform/fixed-statement';
import type { AuditCheckpointRow, AuditCheckpointTable, AuditLogRow } from '../../platform/db-types';

export type HeadRow = { hash: string; seq: number };

/**
 * The chain's head (region, lane) locked until commit: its newest hash and seq, one round trip in
 * the usual case. No row yet for a chain nothing has joined (createHead).
 */
export function lockHeadQuery(tx: Tx, regionCode: string, lane: number): Compilable<HeadRow> {
  return fixedStatement('audit.lockHead', [], [regionCode, lane], (_, [r, l]) =>
    tx
      .selectFrom('auditHead')
      .select(['hash', 'seq'])
      .where('regionCode', '=', r as string)
      .where('lane', '=', l as number)
      .forUpdate(),
  );
}

/** The head after lockHeadQuery found none: created at the genesis hash and seq 0 (once), then locked. */
export async function createHead(
  tx: Tx,
  regionCode: string,
  lane: number,
  genesis: string,
): Promise<HeadRow> {
  await tx
    .insertInto('auditHead')
    .values({ regionCode, lane, hash: genesis, seq: 0 })
    .onConflict((oc) => oc.columns(['regionCode', 'lane']).doNothing())
    .execute();
  const { rows } = await tx.executeQuery(lockHeadQuery(tx, regionCode, lane));
  return rows[0]!;
}

/**
 * Entries (one or several, in chain order) as one INSERT, and each chain's head moved once to its
 * last entry (hash and seq; ADR 0006: numbered per chain): writes for one batch (executeWrites; a
 * head updated twice in one statement would not be).
 */
export function entriesWrites(
  tx: Tx,
  rows: readonly (Omit<AuditLogRow, 'summary'> & { summary: string })[],
  heads: readonly { regionCode: string; lane: number; hash: string; seq: number }[],
): Compilable[] {
  if (rows.length === 0) return [];
  return [
    fixedStatement('audit.entries', [...rows], [], (r) => tx.insertInto('auditLog').values(r as typeof rows)),
    ...heads.map((h) =>
      fixedStatement(
        'audit.moveHead',
        [],
        [h.hash, h.seq, h.regionCode, h.lane],
        (_, [hash, seq, region, lane]) =>
          tx
            .updateTable('auditHead')
            .set({ hash: hash as string, seq: seq as number })
            .where('regionCode', '=', region as string)
            .where('lane', '=', lane as number),
      ),
    ),
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

/** Where the previous page ended: its last entry's time and chain position (newest first). */
export type AuditCursor = { at: Date; regionCode: string; lane: number; seq: number };

export type AuditQuery = {
  regionPrefix: string;
  entityType?: string;
  entityId?: string;
  limit: number;
  before?: AuditCursor;
};

/**
 * The region scope's entries, newest first. seq numbers one chain only (ADR 0006), so the list
 * pages by time, with the chain and its seq to break ties.
 */
export async function listEntries(db: Executor, q: AuditQuery): Promise<AuditLogRow[]> {
  let query = db
    .selectFrom('auditLog')
    .selectAll()
    .where('regionCode', 'like', `${q.regionPrefix}%`)
    .orderBy('at', 'desc')
    .orderBy('regionCode', 'desc')
    .orderBy('lane', 'desc')
    .orderBy('seq', 'desc')
    .limit(q.limit);
  if (q.entityType) query = query.where('entityType', '=', q.entityType);
  if (q.entityId) query = query.where('entityId', '=', q.entityId);
  const b = q.before;
  if (b)
    query = query.where((eb) =>
      eb(eb.refTuple('at', 'regionCode', 'lane', 'seq'), '<', eb.tuple(b.at, b.regionCode, b.lane, b.seq)),
    );
  return query.execute();
}

// ── Checkpoints (0015_audit_checkpoints.sql) ────────────────────────────────

/**
 * The end of every chain in the region scope (a LIKE pattern), read in one statement so that all
 * chains are seen at one instant: its length, its last entry's seq and hash. (A chain's entries are
 * appended under its head's lock, so a higher seq is always later in the chain.)
 */
export async function listChainEnds(
  db: Executor,
  regionLike: string,
): Promise<{ regionCode: string; lane: number; entries: number; lastSeq: number; headHash: string }[]> {
  const ends = db
    .selectFrom('auditLog')
    .select((eb) => [
      'regionCode',
      'lane',
      eb.fn.countAll<number>().as('entries'),
      eb.fn.max('seq').as('lastSeq'),
    ])
    .where('regionCode', 'like', regionLike)
    .groupBy(['regionCode', 'lane'])
    .as('e');
  const rows = await db
    .selectFrom(ends)
    .innerJoin('auditLog as a', (j) =>
      j
        .onRef('a.regionCode', '=', 'e.regionCode')
        .onRef('a.lane', '=', 'e.lane')
        .onRef('a.seq', '=', 'e.lastSeq'),
    )
    .select(['e.regionCode', 'e.lane', 'e.entries', 'e.lastSeq', 'a.hash as headHash'])
    .orderBy('e.regionCode')
    .orderBy('e.lane')
    .execute();
  return rows.map((r) => ({ ...r, entries: Number(r.entries), lastSeq: Number(r.lastSeq) }));
}

/** New checkpoints; a chain length already checkpointed (another process, no growth) is skipped. */
export async function insertCheckpoints(
  db: Executor,
  rows: Insertable<AuditCheckpointTable>[],
): Promise<number> {
  if (rows.length === 0) return 0;
  const inserted = await db
    .insertInto('auditCheckpoint')
    .values(rows)
    .onConflict((oc) => oc.columns(['regionCode', 'lane', 'entries']).doNothing())
    .returning('entries')
    .execute();
  return inserted.length;
}

/** The newest checkpoint of each chain in the region scope: what is exported. */
export async function listLatestCheckpoints(db: Executor, regionLike: string): Promise<AuditCheckpointRow[]> {
  return db
    .selectFrom('auditCheckpoint')
    .selectAll()
    .distinctOn(['regionCode', 'lane'])
    .where('regionCode', 'like', regionLike)
    .orderBy('regionCode')
    .orderBy('lane')
    .orderBy('entries', 'desc')
    .execute();
}

/** Every checkpoint of one chain, shortest first. */
export async function listChainCheckpoints(
  db: Executor,
  chain: { regionCode: string; lane: number },
): Promise<AuditCheckpointRow[]> {
  return db
    .selectFrom('auditCheckpoint')
    .selectAll()
    .where('regionCode', '=', chain.regionCode)
    .where('lane', '=', chain.lane)
    .orderBy('entries')
    .execute();
}

/** Chains that a checkpoint names (some may have no entry left). */
export async function listCheckpointedChains(db: Executor): Promise<{ regionCode: string; lane: number }[]> {
  return db.selectFrom('auditCheckpoint').select(['regionCode', 'lane']).distinct().execute();
}

/** Every chain's head: a few rows per region. */
export async function listHeads(db: Executor): Promise<{ regionCode: string; lane: number; hash: string }[]> {
  return db.selectFrom('auditHead').selectAll().execute();
}
