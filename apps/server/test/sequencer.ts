import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * Files that start before the others, in this order. The template databases are built while the
 * workers start (global-setup.ts); these files need only the initdb cluster, which is ready seconds
 * before the seeded demo, so one worker runs them while the demo is seeded instead of waiting.
 */
const FIRST = ['apps/server/test/citus-migration.integration.test.ts'];

/** Vitest's own order (slowest or largest first), with FIRST at the front. */
export default class TongbanSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const rank = (f: TestSpecification) => {
      const i = FIRST.findIndex((name) => f.moduleId.endsWith(name));
      return i === -1 ? FIRST.length : i;
    };
    // Array.prototype.sort is stable: the rest keep vitest's order.
    return sorted.sort((a, b) => rank(a) - rank(b));
  }
}
