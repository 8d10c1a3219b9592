import { regionPrefix } from '@tongban/contracts';
import { assertAccess, type Actor } from '../../platform/access';
import type { Clock } from '../../platform/clock';
import type { Db, Executor, Tx } from '../../platform/db';
import type { AuditLogRow } from '../../platform/db-types';
import {
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

/**
 * Appends an entry to its region's chain inside the caller's transaction, so a change and its
 * audit entry commit together or not at all.
 */
export async function appendAudit(tx: Tx, actor: Actor, input: AuditInput, at: Date): Promise<number> {
  const regionCode = input.regionCode ?? actor.regionCode;
  await repo.lockChain(tx, regionCode);
  const prevHash = (await repo.findLastHash(tx, regionCode)) ?? GENESIS_HASH;
  // Millisecond precision: what the database stores and gives back, so the hash can be recomputed.
  const stamp = new Date(Math.floor(at.getTime()));
  const content = {
    regionCode,
    actorId: actor.userId,
    actorName: actor.displayName,
    action: input.action,
    entityType: input.entityType,
    entityId: input.entityId,
    summary: input.summary ?? {},
    at: stamp,
    clientIp: actor.clientIp,
  };
  const hash = computeEntryHash(prevHash, content);
  return repo.insertEntry(tx, { ...content, summary: JSON.stringify(content.summary), prevHash, hash });
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

export type VerifyResult = { ok: boolean; entries: number; regions: number; firstBreak?: ChainBreak };

/** Walks every region's chain in pages and reports the first broken link. */
export async function verifyAuditChain(db: Executor): Promise<VerifyResult> {
  const regions = await repo.listRegions(db);
  let entries = 0;
  for (const regionCode of regions.sort()) {
    let after = 0;
    let prev = GENESIS_HASH;
    for (;;) {
      const page = await repo.listChainPage(db, regionCode, after, 2000);
      if (page.length === 0) break;
      const rows: ChainRow[] = page.map(toChainRow);
      const broken = findChainBreak(rows, prev);
      if (broken) return { ok: false, entries, regions: regions.length, firstBreak: broken };
      entries += rows.length;
      prev = rows[rows.length - 1]!.hash;
      after = rows[rows.length - 1]!.seq;
    }
  }
  return { ok: true, entries, regions: regions.length };
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
