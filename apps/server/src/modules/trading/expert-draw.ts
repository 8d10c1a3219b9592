import { createHash, createHmac, randomBytes } from 'node:crypto';

// BID-1: the expert draw as a pure function of a seed and a snapshot of who was eligible, so anyone
// holding the revealed seed and the snapshot replays the same panel. The random stream is HMAC-SM3
// keyed with the seed over a counter; uniform integers by rejection (no modulo bias).

export type DrawSnapshot = {
  requests: { specialty: string; count: number }[];
  reserveCount: number;
  /** Eligible expert ids per requested specialty, sorted (exclusions and unavailable removed). */
  candidates: Record<string, string[]>;
  /** Pairs of experts in cool-down (sat together too often lately): never drawn onto one panel. */
  blockedPairs: [string, string][];
};

export type DrawnMember = { expertId: string; specialty: string; isReserve: boolean; position: number };

export function newSeed(): string {
  return randomBytes(32).toString('hex');
}

/** The commitment stored and shown before the draw runs. */
export function hashSeed(seed: string): string {
  return createHash('sm3').update(seed).digest('hex');
}

/** A deterministic stream of uniform integers from a seed. */
export class SeedStream {
  private counter = 0;
  private buffer: Buffer = Buffer.alloc(0);
  private offset = 0;
  constructor(private readonly seed: string) {}

  private nextUint32(): number {
    if (this.offset + 4 > this.buffer.length) {
      this.buffer = createHmac('sm3', this.seed).update(`tongban-draw:${this.counter++}`).digest();
      this.offset = 0;
    }
    const v = this.buffer.readUInt32BE(this.offset);
    this.offset += 4;
    return v;
  }

  /** Uniform in [0, n). */
  below(n: number): number {
    if (!Number.isInteger(n) || n <= 0) throw new RangeError(`below(${n})`);
    const limit = Math.floor(0x1_0000_0000 / n) * n;
    for (;;) {
      const v = this.nextUint32();
      if (v < limit) return v % n;
    }
  }
}

export class PoolTooSmallError extends Error {
  constructor(
    readonly specialty: string,
    readonly wanted: number,
    readonly found: number,
    /** Who was drawn before the request could not be filled (the caller may widen the cool-down facts). */
    readonly chosen: readonly DrawnMember[] = [],
  ) {
    super(`pool too small for ${specialty}: wanted ${wanted}, found ${found}`);
  }
}

/**
 * Draws the panel then the reserves. For each request in order, candidates not yet chosen are picked
 * uniformly; one in cool-down with someone already chosen is set aside. Reserves cycle through the
 * requested specialties. Throws PoolTooSmallError when a request cannot be filled (reserves may fall short).
 */
export function runDraw(seed: string, s: DrawSnapshot): DrawnMember[] {
  const rng = new SeedStream(seed);
  const blocked = new Map<string, Set<string>>();
  for (const [a, b] of s.blockedPairs) {
    if (!blocked.has(a)) blocked.set(a, new Set());
    if (!blocked.has(b)) blocked.set(b, new Set());
    blocked.get(a)!.add(b);
    blocked.get(b)!.add(a);
  }
  const chosen: DrawnMember[] = [];
  const taken = new Set<string>();
  const clashes = (id: string) => {
    const set = blocked.get(id);
    return set ? chosen.some((m) => set.has(m.expertId)) : false;
  };
  const pick = (specialty: string, isReserve: boolean): boolean => {
    const pool = (s.candidates[specialty] ?? []).filter((id) => !taken.has(id));
    while (pool.length > 0) {
      const [id] = pool.splice(rng.below(pool.length), 1) as [string];
      if (clashes(id)) continue;
      taken.add(id);
      chosen.push({ expertId: id, specialty, isReserve, position: chosen.length + 1 });
      return true;
    }
    return false;
  };
  for (const r of s.requests) {
    for (let i = 0; i < r.count; i++) {
      if (!pick(r.specialty, false)) {
        const found = chosen.filter((m) => m.specialty === r.specialty).length;
        throw new PoolTooSmallError(r.specialty, r.count, found, chosen);
      }
    }
  }
  for (let i = 0; i < s.reserveCount && s.requests.length > 0; i++) {
    pick(s.requests[i % s.requests.length]!.specialty, true);
  }
  return chosen;
}
