import { createHash } from 'node:crypto';

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
export const AUDIT_LANES = 32;

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
