import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

/** What one audit entry says; `summary` is a small JSON object describing the change. */
export type AuditEntryContent = {
  regionCode: string;
  actorId: string | null;
  actorName: string;
  action: string;
  entityType: string;
  entityId: string;
  summary: unknown;
  at: Date;
  clientIp: string;
};

export const GENESIS_HASH = '0'.repeat(64);

/**
 * Lanes per region (docs/adr/0002-audit-chain-lanes.md). Each (region, lane) is one chain, so
 * writers to different lanes never wait for each other. The lane is stored with each entry, so this
 * number may change later without breaking any chain.
 */
export const AUDIT_LANES = 128;

/** The lane of an entity: all entries about one entity are one chain, in order (FNV-1a over UTF-16). */
export function auditLane(entityType: string, entityId: string, lanes = AUDIT_LANES): number {
  const key = `${entityType}:${entityId}`;
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0) % lanes;
}

/** JSON with object keys sorted, so the hash survives jsonb's reordering of keys. */
export function stringifyCanonical(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(stringifyCanonical).join(',')}]`;
  const obj = value as Record<string, unknown>;
  return `{${Object.keys(obj)
    .filter((k) => obj[k] !== undefined)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${stringifyCanonical(obj[k])}`)
    .join(',')}}`;
}

/** TRUTH: each entry's hash covers the previous hash, so changing or removing any entry breaks the chain. */
export function computeEntryHash(prevHash: string, e: AuditEntryContent): string {
  const canonical = stringifyCanonical([
    prevHash,
    e.regionCode,
    e.actorId,
    e.actorName,
    e.action,
    e.entityType,
    e.entityId,
    e.summary,
    e.at.toISOString(),
    e.clientIp,
  ]);
  return createHash('sm3').update(canonical).digest('hex');
}

export type ChainRow = AuditEntryContent & { seq: number; lane: number; prevHash: string; hash: string };
export type ChainBreak = {
  regionCode: string;
  lane: number;
  seq: number;
  reason: 'prev_hash_mismatch' | 'hash_mismatch';
};

/**
 * Walks one chain's entries (one region and lane) in order and returns the first broken link, if
 * any. `prev` is the hash the first row must link to: genesis, or the last hash of the previous page.
 */
export function findChainBreak(
  rows: readonly ChainRow[],
  prev: string = GENESIS_HASH,
): ChainBreak | undefined {
  for (const r of rows) {
    const at = { regionCode: r.regionCode, lane: r.lane, seq: r.seq };
    if (r.prevHash !== prev) return { ...at, reason: 'prev_hash_mismatch' };
    if (computeEntryHash(r.prevHash, r) !== r.hash) return { ...at, reason: 'hash_mismatch' };
    prev = r.hash;
  }
  return undefined;
}

// ── Checkpoints (TRUTH-1; issue 12 point 5) ─────────────────────────────────
//
// A chain alone cannot show that its newest entries were cut off: what is left still links. A
// checkpoint says "chain (region, lane) had N entries and the N-th was this hash", signed with a
// key the database does not hold, so someone who can only write SQL can neither forge one nor make
// a shortened or rewritten chain agree with one. Copies kept outside the database (export) also
// survive someone deleting the checkpoints themselves.

/** What a checkpoint asserts about one chain. */
export type CheckpointContent = {
  regionCode: string;
  lane: number;
  entries: number;
  lastSeq: number;
  headHash: string;
  at: Date;
};
export type SignedCheckpoint = CheckpointContent & { signature: string };
/** A checkpoint being compared, and where it came from (the table, or an exported copy). */
export type CheckpointClaim = SignedCheckpoint & { source: 'database' | 'file' };

/**
 * The signing key, derived from the lookup key (TONGBAN_LOOKUP_KEY or DATA_DIR/secrets.json) so that
 * no new secret has to be managed, and separate from it (a lookup hash is never a signature).
 */
export function checkpointKey(lookupKey: string): string {
  return createHmac('sm3', Buffer.from(lookupKey, 'hex')).update('tongban/audit-checkpoint/1').digest('hex');
}

export function signCheckpoint(key: string, c: CheckpointContent): string {
  const canonical = stringifyCanonical([
    'tongban/audit-checkpoint/1',
    c.regionCode,
    c.lane,
    c.entries,
    c.lastSeq,
    c.headHash,
    c.at.toISOString(),
  ]);
  return createHmac('sm3', Buffer.from(key, 'hex')).update(canonical).digest('hex');
}

export function checkpointSignatureValid(key: string, c: SignedCheckpoint): boolean {
  const expected = Buffer.from(signCheckpoint(key, c), 'hex');
  const given = Buffer.from(c.signature, 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

type ChainId = { regionCode: string; lane: number };
type CheckpointRef = { entries: number; lastSeq: number; at: Date; source: CheckpointClaim['source'] };

/** Everything `audit:verify` can find wrong; each names where (no personal data). */
export type AuditProblem =
  | ({ kind: 'chain_break' } & ChainBreak)
  /** The chain has fewer entries than a checkpoint saw: its newest entries were removed. */
  | (ChainId & { kind: 'truncated'; entries: number; checkpoint: CheckpointRef })
  /** A checkpoint names a chain that has no entry left at all. */
  | (ChainId & { kind: 'chain_missing'; checkpoint: CheckpointRef })
  /** The chain's entry at a checkpoint's position is not the signed head: the chain was rewritten. */
  | (ChainId & { kind: 'head_unreachable'; seq: number; checkpoint: CheckpointRef })
  /** A checkpoint whose signature does not verify (forged, altered, or signed with another key). */
  | (ChainId & { kind: 'checkpoint_forged'; checkpoint: CheckpointRef })
  /** The exported copy holds a checkpoint the table no longer has. */
  | (ChainId & { kind: 'checkpoint_missing'; checkpoint: CheckpointRef })
  /** audit_head does not point at the chain's last entry (entries removed behind the writers). */
  | (ChainId & { kind: 'head_mismatch'; entries: number })
  /** TRUTH-1: a case row that is not what its events add up to. */
  | { kind: 'case_projection'; caseId: string; caseNo: string; fields: string[]; status?: [string, string] };

export const checkpointRef = (c: CheckpointClaim): CheckpointRef => ({
  entries: c.entries,
  lastSeq: c.lastSeq,
  at: c.at,
  source: c.source,
});

/**
 * Checks one chain as its entries stream by, page after page (nothing but the checkpoints is held):
 * the links, and the entry at each checkpoint's position. `finish` adds truncation and the head.
 */
export function chainCheck(chain: ChainId, claims: readonly CheckpointClaim[]) {
  const at = new Map<number, CheckpointClaim[]>();
  for (const c of claims) at.set(c.entries, [...(at.get(c.entries) ?? []), c]);
  const problems: AuditProblem[] = [];
  let entries = 0;
  let prev = GENESIS_HASH;
  let broken = false;
  return {
    add(rows: readonly ChainRow[]) {
      for (const r of rows) {
        entries++;
        // The first broken link only: after it every link of the chain is suspect anyway.
        if (!broken) {
          const b = findChainBreak([r], prev);
          if (b) {
            problems.push({ kind: 'chain_break', ...b });
            broken = true;
          }
        }
        prev = r.hash;
        for (const c of at.get(entries) ?? [])
          if (c.headHash !== r.hash)
            problems.push({ kind: 'head_unreachable', ...chain, seq: r.seq, checkpoint: checkpointRef(c) });
      }
    },
    /** `head` is audit_head's hash for the chain (undefined: no head row). */
    finish(head: string | undefined): { entries: number; problems: AuditProblem[] } {
      const longest = claims.reduce<CheckpointClaim | undefined>(
        (m, c) => (!m || c.entries > m.entries ? c : m),
        undefined,
      );
      if (longest && longest.entries > entries)
        problems.push(
          entries === 0
            ? { kind: 'chain_missing', ...chain, checkpoint: checkpointRef(longest) }
            : { kind: 'truncated', ...chain, entries, checkpoint: checkpointRef(longest) },
        );
      // The head moves with each entry in the same statement, so in one snapshot it is the last
      // entry's hash (or absent/genesis for a chain without entries).
      const expected = entries === 0 ? [undefined, GENESIS_HASH] : [prev];
      if (!expected.includes(head)) problems.push({ kind: 'head_mismatch', ...chain, entries });
      return { entries, problems };
    },
  };
}

const chainName = (p: ChainId) => `区划 ${p.regionCode || '（系统）'} 第 ${p.lane} 链`;
const checkpointName = (c: CheckpointRef) =>
  `${c.source === 'file' ? '外部副本中' : ''}${c.at.toISOString()} 的检查点（${c.entries} 条，链头序号 ${c.lastSeq}）`;

/** One line in Chinese per problem, for `npm run audit:verify`. */
export function describeProblem(p: AuditProblem): string {
  switch (p.kind) {
    case 'chain_break':
      return `审计链断裂：${chainName(p)} 序号 ${p.seq}（${p.reason === 'hash_mismatch' ? '记录内容被改动' : '与前一条记录的链接不符'}）`;
    case 'truncated':
      return `审计链被截断：${chainName(p)} 现有 ${p.entries} 条，少于${checkpointName(p.checkpoint)}：最新的 ${p.checkpoint.entries - p.entries} 条记录被删除`;
    case 'chain_missing':
      return `审计链缺失：${chainName(p)} 已无任何记录，而${checkpointName(p.checkpoint)}记录了它`;
    case 'head_unreachable':
      return `审计链被改写：${chainName(p)} 第 ${p.checkpoint.entries} 条记录（序号 ${p.seq}）不是${checkpointName(p.checkpoint)}签名的链头`;
    case 'checkpoint_forged':
      return `检查点签名无效：${chainName(p)} ${checkpointName(p.checkpoint)}（被伪造或改动，或密钥与写入时不同）`;
    case 'checkpoint_missing':
      return `检查点缺失：${chainName(p)} ${checkpointName(p.checkpoint)}已不在数据库中`;
    case 'head_mismatch':
      return `审计链头不符：${chainName(p)} 的链头不是链上最新一条记录（现有 ${p.entries} 条；最新的记录可能被删除）`;
    case 'case_projection':
      return `办件记录与事件不符：办件 ${p.caseId}（${p.caseNo}）的 ${p.fields.join('、')} 与事件推得的不同${p.status ? `（状态记为 ${p.status[0]}，事件推得 ${p.status[1]}）` : ''}`;
  }
}
