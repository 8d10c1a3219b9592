import { describe, expect, it } from 'vitest';
import {
  AUDIT_LANES,
  auditLane,
  computeEntryHash,
  findChainBreak,
  GENESIS_HASH,
  stringifyCanonical,
  type ChainRow,
} from './audit.policy';

function chain(n: number): ChainRow[] {
  const rows: ChainRow[] = [];
  let prev = GENESIS_HASH;
  for (let i = 1; i <= n; i++) {
    const e = {
      regionCode: '350999',
      actorId: null,
      actorName: '系统',
      action: 'test',
      entityType: 't',
      entityId: String(i),
      summary: { b: i, a: [1, { z: 1, y: 2 }] },
      at: new Date(1_700_000_000_000 + i),
      clientIp: '127.0.0.1',
    };
    const hash = computeEntryHash(prev, e);
    rows.push({ ...e, seq: i, lane: 0, prevHash: prev, hash });
    prev = hash;
  }
  return rows;
}

describe('TRUTH: the audit chain is tamper-evident', () => {
  it('an intact chain verifies', () => {
    expect(findChainBreak(chain(5))).toBeUndefined();
  });
  it('a changed entry breaks at that entry', () => {
    const rows = chain(5);
    rows[2] = { ...rows[2]!, summary: { b: 999 } };
    expect(findChainBreak(rows)).toEqual({ regionCode: '350999', lane: 0, seq: 3, reason: 'hash_mismatch' });
  });
  it('a removed entry breaks at the next one', () => {
    const rows = chain(5);
    rows.splice(1, 1);
    expect(findChainBreak(rows)).toMatchObject({ seq: 3, reason: 'prev_hash_mismatch' });
  });
  it('key order does not change the canonical form (jsonb reorders keys)', () => {
    expect(stringifyCanonical({ b: 1, a: { d: 2, c: 3 } })).toBe(
      stringifyCanonical({ a: { c: 3, d: 2 }, b: 1 }),
    );
  });
});

describe('audit lanes (docs/adr/0002)', () => {
  it('one entity always maps to the same lane, inside the range', () => {
    for (let i = 0; i < 200; i++) {
      const lane = auditLane('case', `id-${i}`);
      expect(lane).toBe(auditLane('case', `id-${i}`));
      expect(lane).toBeGreaterThanOrEqual(0);
      expect(lane).toBeLessThan(AUDIT_LANES);
    }
  });
  it('entities spread over the lanes (writers to different cases rarely share a chain)', () => {
    const used = new Set(Array.from({ length: 2000 }, () => auditLane('case', crypto.randomUUID())));
    expect(used.size).toBe(AUDIT_LANES);
  });
});
