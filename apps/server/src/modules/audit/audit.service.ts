import {
  AUDIT_CHECKPOINTS_FORMAT,
  regionPrefix,
  type AuditCheckpoint,
  type AuditCheckpointExport,
  type AuditCheckpointResult,
} from '@tongban/contracts';
import { assertAccess, regionScopeLike, type Actor } from '../../platform/access';
import type { Clock } from '../../platform/clock';
import type { Config } from '../../platform/config';
import { badRequest } from '../../platform/errors';
import type { OutboxJob } from '../../platform/outbox';
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
  chainCheck,
  checkpointKey,
  checkpointRef,
  checkpointSignatureValid,
  computeEntryHash,
  GENESIS_HASH,
  signCheckpoint,
  type AuditProblem,
  type ChainBreak,
  type ChainRow,
  type CheckpointClaim,
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
 * A chain locked for one entry: where the entry goes, the hash it links to and the seq it takes
 * (the chain's last seq + 1: numbered per chain, ADR 0006).
 */
export type AuditLink = { regionCode: string; lane: number; prevHash: string; seq: number };

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

/** The chains a transaction has locked (lockAuditChains), by lane: where each entity's entries go. */
export type AuditLinks = ReadonlyMap<number, AuditLink>;

/**
 * Locks, in ascending lane order, every chain that a transaction writing several entities will
 * join, in one round trip (the locks are still taken one after the other, in lane order). Two such
 * transactions (a bundle intake or delivery writes five cases) then take their lanes in the same
 * order and cannot deadlock on them, so they need not be serialised; the later lockAuditChain of
 * each entity finds its lane already held, and auditEntryWrites links entries to the returned heads.
 */
export async function lockAuditChains(
  tx: Tx,
  regionCode: string,
  entities: readonly { entityType: string; entityId: string }[],
): Promise<AuditLinks> {
  const read = auditChainsRead(tx, regionCode, entities);
  return read.finish(await executeBatch(tx, read.queries));
}

/** lockAuditChains as reads another module sends first in its own round trip (executeBatch). */
export function auditChainsRead(
  tx: Tx,
  regionCode: string,
  entities: readonly { entityType: string; entityId: string }[],
): { queries: Compilable<repo.HeadRow>[]; finish(rows: readonly unknown[][]): Promise<AuditLinks> } {
  const lanes = [...new Set(entities.map((e) => auditLane(e.entityType, e.entityId)))].sort((a, b) => a - b);
  return {
    queries: lanes.map((lane) => repo.lockHeadQuery(tx, regionCode, lane)),
    finish: async (rows) => {
      const links = new Map<number, AuditLink>();
      for (const [k, lane] of lanes.entries()) {
        const head =
          (rows[k]![0] as repo.HeadRow | undefined) ??
          (await repo.createHead(tx, regionCode, lane, GENESIS_HASH));
        links.set(lane, { regionCode, lane, prevHash: head.hash, seq: Number(head.seq) + 1 });
      }
      return links;
    },
  };
}

/**
 * The writes of audit entries on chains already locked (lockAuditChain, lockAuditChains or their
 * reads), in the order given: each entry links to the one before it on its chain and takes the seq
 * after it, all go in one INSERT, and each chain's head moves once, to its last entry (hash and
 * seq) — one batch (executeWrites) for the lot. One entry is a list of one; an entry's region is
 * its chain's. The batched form of the one audit API: runCommand's `audit` effect appends through
 * it, and a change that sends its last writes with COMMIT (runCommand's `writes`, docs/adr/0003)
 * puts these among them.
 */
export function auditEntryWrites(
  tx: Tx,
  links: AuditLink | AuditLinks,
  actor: Actor,
  inputs: readonly Omit<AuditInput, 'regionCode'>[],
  at: Date,
): Compilable[] {
  const locked: AuditLinks = 'lane' in links ? new Map([[links.lane, links]]) : links;
  // Millisecond precision: what the database stores and gives back, so the hash can be recomputed.
  const stamp = new Date(Math.floor(at.getTime()));
  const heads = new Map<number, AuditLink>();
  const rows = inputs.map((input) => {
    const lane = auditLane(input.entityType, input.entityId);
    const link = heads.get(lane) ?? locked.get(lane);
    if (!link) throw new Error(`audit chain of ${input.entityType} not locked`);
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
    // The next entry on this chain links to this one and takes the seq after it (ADR 0006).
    heads.set(lane, { ...link, prevHash: hash, seq: link.seq + 1 });
    const summary = JSON.stringify(content.summary);
    return { ...content, summary, lane, seq: link.seq, prevHash: link.prevHash, hash };
  });
  return repo.entriesWrites(
    tx,
    rows,
    [...heads.values()].map((h) => ({
      regionCode: h.regionCode,
      lane: h.lane,
      hash: h.prevHash,
      seq: h.seq - 1,
    })),
  );
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
      const head =
        (rows[0] as repo.HeadRow | undefined) ?? (await repo.createHead(tx, regionCode, lane, GENESIS_HASH));
      return { regionCode, lane, prevHash: head.hash, seq: Number(head.seq) + 1 };
    },
  };
}

/**
 * Appends an entry to its chain inside the caller's transaction, so a change and its audit entry
 * commit together or not at all. The chain stays locked until commit: call it last. Only
 * platform/command.ts (runCommand's `audit` effect) and this module call it: a use case returns its
 * entries to runCommand (eslint.config.js keeps other modules from importing it).
 */
export async function appendAudit(tx: Tx, actor: Actor, input: AuditInput, at: Date): Promise<void> {
  const link = await lockAuditChain(
    tx,
    input.regionCode ?? actor.regionCode,
    input.entityType,
    input.entityId,
  );
  await executeWrites(tx, auditEntryWrites(tx, link, actor, [input], at));
}

/** How many chains' checkpoints go into one INSERT (7 parameters each, well below PostgreSQL's 65535). */
const CHECKPOINT_BATCH = 1000;

/**
 * TRUTH-1: signs the current head of every chain in the region scope (a LIKE pattern) and stores
 * it. A chain that has not grown since its last checkpoint gets no new row.
 */
export async function writeCheckpoints(
  db: Executor,
  key: string,
  regionLike: string,
  now: Date,
): Promise<{ chains: number; written: number; at: Date }> {
  const ends = await repo.listChainEnds(db, regionLike);
  // Millisecond precision, as the database gives it back: the signature must verify on reading.
  const at = new Date(Math.floor(now.getTime()));
  const rows = ends.map((e) => {
    const c = { ...e, at };
    return { ...c, signature: signCheckpoint(key, c) };
  });
  let written = 0;
  for (let i = 0; i < rows.length; i += CHECKPOINT_BATCH)
    written += await repo.insertCheckpoints(db, rows.slice(i, i + CHECKPOINT_BATCH));
  return { chains: ends.length, written, at };
}

type CheckpointDeps = { db: Db; clock: Clock; config: Config };

/** The hourly job (docs/outbox.md "Jobs"): every chain of every region. Idempotent across processes. */
export function auditCheckpointJob(deps: CheckpointDeps): OutboxJob {
  return {
    name: 'audit.checkpoint',
    everyMs: 60 * 60_000,
    run: (now) => writeCheckpoints(deps.db, checkpointKey(deps.config.secrets.lookupKey), '%', now),
  };
}

/** POST /api/audit/checkpoints: checkpoints of the actor's region, now; the request is audited. */
export async function checkpointNow(deps: CheckpointDeps, actor: Actor): Promise<AuditCheckpointResult> {
  assertAccess(actor, 'audit.checkpoint.write');
  const scope = regionScopeLike(actor);
  const now = deps.clock.now();
  // The audit module's own change appends its entry itself: runCommand (platform/command.ts) is
  // built on this module, so going through it from here would be an import cycle.
  const r = await deps.db.transaction().execute(async (tx) => {
    const result = await writeCheckpoints(tx, checkpointKey(deps.config.secrets.lookupKey), scope, now);
    await appendAudit(
      tx,
      actor,
      {
        action: 'audit.checkpoint',
        entityType: 'audit_checkpoint',
        entityId: scope,
        summary: { chains: result.chains, written: result.written },
      },
      now,
    );
    return result;
  });
  return { chains: r.chains, written: r.written, at: r.at.toISOString() };
}

/** The newest checkpoint of each chain in the region scope, as the JSON kept outside the database. */
export async function exportCheckpoints(
  db: Executor,
  regionLike: string,
  now: Date,
): Promise<AuditCheckpointExport> {
  const rows = await repo.listLatestCheckpoints(db, regionLike);
  return {
    format: AUDIT_CHECKPOINTS_FORMAT,
    exportedAt: now.toISOString(),
    checkpoints: rows.map((r) => ({
      regionCode: r.regionCode,
      lane: r.lane,
      entries: r.entries,
      lastSeq: r.lastSeq,
      headHash: r.headHash,
      at: new Date(r.at).toISOString(),
      signature: r.signature,
    })),
  };
}

/** GET /api/audit/checkpoints: what an admin, supervisor or inspector takes out of the system. */
export async function exportCheckpointsFor(
  deps: { db: Db; clock: Clock },
  actor: Actor,
): Promise<AuditCheckpointExport> {
  assertAccess(actor, 'audit.checkpoint.read');
  return exportCheckpoints(deps.db, regionScopeLike(actor), deps.clock.now());
}

export type VerifyOptions = {
  /** checkpointKey(lookup key): checkpoints whose signature fails are reported and not trusted. */
  checkpointKey?: string;
  /** Checkpoints from an exported copy (`--checkpoints file.json`), compared like the table's. */
  external?: readonly AuditCheckpoint[];
};

export type VerifyResult = {
  ok: boolean;
  entries: number;
  regions: number;
  chains: number;
  /** Checkpoints compared with their chains. */
  checkpoints: number;
  firstBreak?: ChainBreak;
  problems: AuditProblem[];
};

const chainKey = (c: { regionCode: string; lane: number }) => `${c.regionCode}\u0000${c.lane}`;

/**
 * Walks every chain (each region's lanes) in pages, in one snapshot: every broken link (the first
 * of each chain), and against the chain's checkpoints (the table's and an exported copy's) every
 * sign of truncation or rewriting. Only one page and one chain's checkpoints are in memory at once.
 */
export async function verifyAuditChain(db: Executor, opts: VerifyOptions = {}): Promise<VerifyResult> {
  if (!db.isTransaction)
    return (db as Db)
      .transaction()
      .setIsolationLevel('repeatable read')
      .execute((tx) => verifyAuditChain(tx, opts));
  const chains = new Map<string, { regionCode: string; lane: number }>();
  for (const c of [
    ...(await repo.listChains(db)),
    ...(await repo.listCheckpointedChains(db)),
    ...(opts.external ?? []),
  ])
    chains.set(chainKey(c), { regionCode: c.regionCode, lane: c.lane });
  const headRows = await repo.listHeads(db);
  const heads = new Map(headRows.map((h) => [chainKey(h), h.hash]));
  for (const h of headRows) chains.set(chainKey(h), { regionCode: h.regionCode, lane: h.lane });
  const external = new Map<string, CheckpointClaim[]>();
  for (const c of opts.external ?? [])
    external.set(chainKey(c), [
      ...(external.get(chainKey(c)) ?? []),
      { ...c, at: new Date(c.at), source: 'file' },
    ]);

  const problems: AuditProblem[] = [];
  const regions = new Set<string>();
  let entries = 0;
  let checkpoints = 0;
  const ordered = [...chains.values()].sort((a, b) =>
    a.regionCode === b.regionCode ? a.lane - b.lane : a.regionCode < b.regionCode ? -1 : 1,
  );
  for (const chain of ordered) {
    const stored: CheckpointClaim[] = (await repo.listChainCheckpoints(db, chain)).map((r) => ({
      ...r,
      at: new Date(r.at),
      source: 'database',
    }));
    const claims: CheckpointClaim[] = [];
    for (const c of [...stored, ...(external.get(chainKey(chain)) ?? [])]) {
      if (opts.checkpointKey && !checkpointSignatureValid(opts.checkpointKey, c)) {
        problems.push({ kind: 'checkpoint_forged', ...chain, checkpoint: checkpointRef(c) });
        continue;
      }
      // An exported checkpoint the table no longer holds: someone removed checkpoints.
      if (
        c.source === 'file' &&
        !stored.some(
          (s) => s.entries === c.entries && s.headHash === c.headHash && s.signature === c.signature,
        )
      )
        problems.push({ kind: 'checkpoint_missing', ...chain, checkpoint: checkpointRef(c) });
      claims.push(c);
    }
    checkpoints += claims.length;
    const check = chainCheck(chain, claims);
    let after = 0;
    for (;;) {
      const page = await repo.listChainPage(db, chain, after, 2000);
      if (page.length === 0) break;
      check.add(page.map(toChainRow));
      after = page[page.length - 1]!.seq;
    }
    const r = check.finish(heads.get(chainKey(chain)));
    if (r.entries > 0) regions.add(chain.regionCode);
    entries += r.entries;
    problems.push(...r.problems);
  }
  const firstBreak = problems.find((p) => p.kind === 'chain_break');
  return {
    ok: problems.length === 0,
    entries,
    regions: regions.size,
    chains: ordered.length,
    checkpoints,
    ...(firstBreak
      ? {
          firstBreak: {
            regionCode: firstBreak.regionCode,
            lane: firstBreak.lane,
            seq: firstBreak.seq,
            reason: firstBreak.reason,
          },
        }
      : {}),
    problems,
  };
}

function toChainRow(r: AuditLogRow): ChainRow {
  return { ...r, at: new Date(r.at), summary: r.summary };
}

/** An entry's place in the list (newest first), given back as `cursor` and taken as `before`. */
function cursorOf(r: Pick<AuditLogRow, 'at' | 'regionCode' | 'lane' | 'seq'>): string {
  return `${new Date(r.at).toISOString()}~${r.regionCode}~${r.lane}~${r.seq}`;
}

const CURSOR = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z)~(\d{0,12})~(\d{1,5})~(\d{1,10})$/;

/** `before` as listEntries takes it; a string this list did not give out is a 400. */
function parseCursor(c: string): repo.AuditCursor {
  const m = CURSOR.exec(c);
  const at = m ? new Date(m[1]!) : undefined;
  if (!m || !at || Number.isNaN(at.getTime()))
    throw badRequest('分页位置无效：请使用上一页最后一条记录的 cursor');
  return { at, regionCode: m[2]!, lane: Number(m[3]), seq: Number(m[4]) };
}

export async function listAuditEntries(
  db: Executor,
  actor: Actor,
  q: { entityType?: string; entityId?: string; limit?: number; before?: string },
) {
  assertAccess(actor, 'audit.read');
  const before = q.before ? parseCursor(q.before) : undefined;
  const rows = await repo.listEntries(db, {
    regionPrefix: actor.role === 'system' ? '' : regionPrefix(actor.regionCode),
    limit: Math.min(q.limit ?? 50, 200),
    ...(q.entityType ? { entityType: q.entityType } : {}),
    ...(q.entityId ? { entityId: q.entityId } : {}),
    ...(before ? { before } : {}),
  });
  return rows.map((r) => ({ ...r, at: new Date(r.at).toISOString(), cursor: cursorOf(r) }));
}
