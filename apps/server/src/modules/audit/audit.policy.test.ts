import { describe, expect, it } from 'vitest';
import {
  AUDIT_LANES,
  auditLane,
  chainCheck,
  checkpointKey,
  checkpointSignatureValid,
  computeEntryHash,
  describeProblem,
  signCheckpoint,
  type CheckpointClaim,
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
    const used = new Set(Array.from({ length: 5000 }, () => auditLane('case', crypto.randomUUID())));
    expect(used.size).toBe(AUDIT_LANES);
  });
});

describe('TRUTH-1: checkpoints catch what the chain alone cannot', () => {
  const key = checkpointKey('a'.repeat(64));
  const chainId = { regionCode: '350999', lane: 0 };
  function claimAt(rows: ChainRow[], entries: number): CheckpointClaim {
    const c = {
      ...chainId,
      entries,
      lastSeq: rows[entries - 1]!.seq,
      headHash: rows[entries - 1]!.hash,
      at: new Date('2026-12-01T00:00:00Z'),
    };
    return { ...c, signature: signCheckpoint(key, c), source: 'database' };
  }
  function run(rows: ChainRow[], claims: CheckpointClaim[], head = rows.at(-1)?.hash) {
    const check = chainCheck(chainId, claims);
    check.add(rows.slice(0, 2));
    check.add(rows.slice(2));
    return check.finish(head).problems;
  }

  it('a chain that reached its checkpoints and its head passes', () => {
    const rows = chain(5);
    expect(run(rows, [claimAt(rows, 3), claimAt(rows, 5)])).toEqual([]);
  });
  it('newest entries cut off (head moved back too): truncated, against the longest checkpoint', () => {
    const rows = chain(5);
    const problems = run(rows.slice(0, 3), [claimAt(rows, 4), claimAt(rows, 5)]);
    expect(problems).toEqual([
      {
        kind: 'truncated',
        ...chainId,
        entries: 3,
        checkpoint: expect.objectContaining({ entries: 5, lastSeq: 5 }),
      },
    ]);
    expect(describeProblem(problems[0]!)).toMatch(
      /^审计链被截断：区划 350999 第 0 链 现有 3 条.*最新的 2 条记录被删除$/,
    );
  });
  it('a whole chain gone while a checkpoint names it: missing', () => {
    const rows = chain(3);
    expect(run([], [claimAt(rows, 3)], undefined)).toEqual([
      { kind: 'chain_missing', ...chainId, checkpoint: expect.objectContaining({ entries: 3 }) },
    ]);
  });
  it('a chain rebuilt with valid links after a cut: the checkpoint head is not reachable', () => {
    const original = chain(4);
    // The last two entries replaced by others that link correctly (SM3 needs no key).
    const forged = original.slice(0, 2);
    let prev = forged[1]!.hash;
    for (let i = 3; i <= 4; i++) {
      const e = { ...original[i - 1]!, summary: { forged: i } };
      const hash = computeEntryHash(prev, e);
      forged.push({ ...e, prevHash: prev, hash });
      prev = hash;
    }
    expect(findChainBreak(forged)).toBeUndefined();
    expect(run(forged, [claimAt(original, 4)])).toEqual([
      { kind: 'head_unreachable', ...chainId, seq: 4, checkpoint: expect.objectContaining({ entries: 4 }) },
    ]);
  });
  it('a head that is not the last entry: newest entries removed behind the writers', () => {
    const rows = chain(4);
    expect(run(rows.slice(0, 3), [], rows[3]!.hash)).toEqual([
      { kind: 'head_mismatch', ...chainId, entries: 3 },
    ]);
  });
  it('a signature verifies only under the key and for the content signed', () => {
    const rows = chain(2);
    const c = claimAt(rows, 2);
    expect(checkpointSignatureValid(key, c)).toBe(true);
    expect(checkpointSignatureValid(key, { ...c, entries: 1 })).toBe(false);
    expect(checkpointSignatureValid(checkpointKey('b'.repeat(64)), c)).toBe(false);
    expect(checkpointSignatureValid(key, { ...c, signature: 'zz' })).toBe(false);
  });
});
