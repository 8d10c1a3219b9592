import { regionPrefix } from '@tongban/contracts';
import { assertAccess, type Actor } from '../../platform/access';
import type { Clock } from '../../platform/clock';
import type { Compilable } from 'kysely';
import {
  executeBatch,
  executeWrites,
  type BatchRead,
  type Db,
  type Executor,
  type Tx,
} from '../../platform/db';
import type { AuditLogRow } from '../../platform/db-types';
import {
  auditLane,
  computeEntryHash,
  findChainBreak,
  GENESIS_HASH,
  type ChainBreak,
  type ChainRow,
} from './audit.policy';
import * as repo from './audit.repository';

export type AuditInput = {
  action: string;
  entityType: string;
  entityId: string;
  /** Region whose chain the entry joins; defaults to the actor's region. */
  regionCode?: string;
  summary?: unknown;
};

/** A chain locked for one entry: where the entry goes and the hash it links to. */
export type AuditLink = { regionCode: string; lane: number; prevHash: string };

/**
 * Locks the chain that entries about this entity join (its region's lane, docs/adr/0002) until
 * commit, and returns the hash to link to.
 */
export async function lockAuditChain(
  tx: Tx,
  regionCode: string,
  entityType: string,
  entityId: string,
): Promise<AuditLink> {
  const read = auditChainRead(tx, regionCode, entityType, entityId);
  const [rows] = await executeBatch(tx, [read.query] as const);
  return read.finish(rows);
}

/** lockAuditChain as a read another module sends in its own round trip (executeBatch). */
export function auditChainRead(
  tx: Tx,
  regionCode: string,
  entityType: string,
  entityId: string,
): BatchRead<AuditLink> {
  const lane = auditLane(entityType, entityId);
  return {
    query: repo.lockHeadQuery(tx, regionCode, lane),
    finish: async (rows) => {
      const head = rows[0] as { hash: string } | undefined;
      const prevHash = head ? head.hash : await repo.createHead(tx, regionCode, lane, GENESIS_HASH);
      return { regionCode, lane, prevHash };
    },
  };
}

/**
 * The writes of one entry on a locked chain, for a caller that sends all of its transaction's
 * writes as one statement (executeWrites). The entry's region is the link's.
 */
export function auditWrites(
  tx: Tx,
  link: AuditLink,
  actor: Actor,
  input: Omit<AuditInput, 'regionCode'>,
  at: Date,
): Compilable[] {
  // Millisecond precision: what the database stores and gives back, so the hash can be recomputed.
  const stamp = new Date(Math.floor(at.getTime()));
  const content = {
    regionCode: link.regionCode,
    actorId: actor.userId,
    actorName: actor.displayName,
    action: input.action,
    entityType: input.entityType,
    entityId: input.entityId,
    summary: input.summary ?? {},
    at: stamp,
    clientIp: actor.clientIp,
  };
  const hash = computeEntryHash(link.prevHash, content);
  return repo.entryWrites(tx, {
    ...content,
    summary: JSON.stringify(content.summary),
    lane: link.lane,
    prevHash: link.prevHash,
    hash,
  });
}

/**
 * Appends an entry to its chain inside the caller's transaction, so a change and its audit entry
 * commit together or not at all. The chain stays locked until commit: call it last.
 */
export async function appendAudit(tx: Tx, actor: Actor, input: AuditInput, at: Date): Promise<void> {
  const link = await lockAuditChain(
    tx,
    input.regionCode ?? actor.regionCode,
    input.entityType,
    input.entityId,
  );
  await executeWrites(tx, auditWrites(tx, link, actor, input, at));
}

/**
 * Runs a change and its audit entry in one transaction (ARCHITECTURE.md: they commit together).
 * `audit` is null only when the change turned out to change nothing (e.g. re-importing an unchanged sheet).
 */
export async function runAudited<T>(
  deps: { db: Db; clock: Clock },
  actor: Actor,
  fn: (tx: Tx) => Promise<{ result: T; audit: AuditInput | null }>,
): Promise<T> {
  return deps.db.transaction().execute(async (tx) => {
    const { result, audit } = await fn(tx);
    if (audit) await appendAudit(tx, actor, audit, deps.clock.now());
    return result;
  });
}

export type VerifyResult = {
  ok: boolean;
  entries: number;
  regions: number;
  chains: number;
  firstBreak?: ChainBreak;
};

/** Walks every chain (each region's lanes) in pages and reports the first broken link. */
export async function verifyAuditChain(db: Executor): Promise<VerifyResult> {
  const chains = await repo.listChains(db);
  const regions = new Set(chains.map((c) => c.regionCode)).size;
  let entries = 0;
  for (const chain of chains) {
    let after = 0;
    let prev = GENESIS_HASH;
    for (;;) {
      const page = await repo.listChainPage(db, chain, after, 2000);
      if (page.length === 0) break;
      const rows: ChainRow[] = page.map(toChainRow);
      const broken = findChainBreak(rows, prev);
      if (broken) return { ok: false, entries, regions, chains: chains.length, firstBreak: broken };
      entries += rows.length;
      prev = rows[rows.length - 1]!.hash;
      after = rows[rows.length - 1]!.seq;
    }
  }
  return { ok: true, entries, regions, chains: chains.length };
}

function toChainRow(r: AuditLogRow): ChainRow {
  return { ...r, at: new Date(r.at), summary: r.summary };
}

export async function listAuditEntries(
  db: Executor,
  actor: Actor,
  q: { entityType?: string; entityId?: string; limit?: number; beforeSeq?: number },
) {
  assertAccess(actor, 'audit.read');
  const rows = await repo.listEntries(db, {
    regionPrefix: actor.role === 'system' ? '' : regionPrefix(actor.regionCode),
    limit: Math.min(q.limit ?? 50, 200),
    ...(q.entityType ? { entityType: q.entityType } : {}),
    ...(q.entityId ? { entityId: q.entityId } : {}),
    ...(q.beforeSeq ? { beforeSeq: q.beforeSeq } : {}),
  });
  return rows.map((r) => ({ ...r, at: new Date(r.at).toISOString() }));
}
