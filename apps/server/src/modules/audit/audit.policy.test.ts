import { describe, expect, it } from 'vitest';
import {
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
    rows.push({ ...e, seq: i, prevHash: prev, hash });
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
    expect(findChainBreak(rows)).toEqual({ regionCode: '350999', seq: 3, reason: 'hash_mismatch' });
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
