import { describe, expect, it } from 'vitest';
import { runDraw, SeedStream, type DrawSnapshot } from './expert-draw';
import { drawWithCoolDown } from './use-cases/run-draw';

// The draw fetches only the cool-down pairs of the experts it drew (not every pair of the region's
// year) and re-runs until nobody drawn has an unknown pair; the panel must be the one drawn over all pairs.
describe('BID-1 cool-down: pairs fetched for the drawn experts give the draw over every pair', () => {
  const ids = (prefix: string, n: number) =>
    Array.from({ length: n }, (_, i) => `${prefix}${String(i).padStart(3, '0')}`);

  it('BID-1: the same panel as the draw over the full pair list, for many seeds and pair sets', async () => {
    for (let trial = 0; trial < 200; trial++) {
      const rng = new SeedStream(`trial-${trial}`);
      const civil = ids('c', 12 + rng.below(10));
      const cost = ids('k', 6 + rng.below(5));
      const all = [...civil, ...cost];
      const full: [string, string][] = [];
      for (let i = 0; i < 40 + rng.below(80); i++) {
        const a = all[rng.below(all.length)]!;
        const b = all[rng.below(all.length)]!;
        if (a !== b) full.push(a < b ? [a, b] : [b, a]);
      }
      const base: DrawSnapshot = {
        requests: [
          { specialty: '土建', count: 4 },
          { specialty: '造价', count: 2 },
        ],
        reserveCount: 2,
        candidates: { 土建: civil, 造价: cost },
        blockedPairs: [],
      };
      const seed = `seed-${trial}`;
      let expected: string | Error;
      try {
        expected = JSON.stringify(runDraw(seed, { ...base, blockedPairs: full }));
      } catch (e) {
        expected = e as Error;
      }
      const snapshot = { ...base, blockedPairs: [] as [string, string][] };
      let asked = 0;
      const got = drawWithCoolDown(seed, snapshot, async (who) => {
        asked += who.length;
        return full.filter(([a, b]) => who.includes(a) || who.includes(b)).map(([a, b]) => ({ a, b }));
      });
      if (expected instanceof Error) {
        await expect(got).rejects.toThrow(expected.message);
        continue;
      }
      expect(JSON.stringify(await got)).toBe(expected);
      // The replay from the stored snapshot gives the same panel, and only drawn experts were asked about.
      expect(JSON.stringify(runDraw(seed, snapshot))).toBe(expected);
      expect(asked).toBeLessThanOrEqual(all.length);
    }
  });
});
