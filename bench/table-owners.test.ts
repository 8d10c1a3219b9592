import { describe, expect, it } from 'vitest';
import {
  countByFileAndTable,
  crossModuleQueries,
  migrationTables,
  TABLE_OWNERS,
  tableQueries,
} from './lib/shape';

/**
 * Queries on another module's tables that exist today (issue 13 "Modules reach into each other's
 * tables"). This list only shrinks: a new cross-module query fails the test below, and so does an
 * entry that is no longer needed (take it out). Move the query behind the owner's index.ts instead.
 */
// Empty since the ledger demo writes through ledger's seedFixedLedger and reads users and
// departments through auth's and org's exports. Keep it empty.
const ALLOWED_CROSS_MODULE: Record<string, number> = {};

describe('table ownership (issue 13: a module queries only its own tables)', () => {
  it('every table of the migrations has exactly one owning module, and every owned table exists', () => {
    const tables = migrationTables();
    expect(tables.length).toBeGreaterThan(30);
    expect(tables.filter((t) => !TABLE_OWNERS[t])).toEqual([]);
    expect(Object.keys(TABLE_OWNERS).filter((t) => !tables.includes(t))).toEqual([]);
  });

  it('the scan finds the query calls (a module querying its own table is not reported)', () => {
    const q = tableQueries();
    expect(q.some((x) => x.module === 'cases' && x.table === 'service_case')).toBe(true);
    expect(crossModuleQueries(q).some((x) => x.module === 'cases' && x.table === 'service_case')).toBe(false);
  });

  it('no query reaches another module’s table beyond the shrinking allowlist', () => {
    const now = countByFileAndTable(crossModuleQueries());
    const added = Object.entries(now)
      .filter(([k, n]) => n > (ALLOWED_CROSS_MODULE[k] ?? 0))
      .map(([k, n]) => `${k} ×${n}`);
    expect(added, 'new cross-module queries: call the owning module through its index.ts').toEqual([]);
    const stale = Object.entries(ALLOWED_CROSS_MODULE)
      .filter(([k, n]) => (now[k] ?? 0) < n)
      .map(([k, n]) => `${k} ×${n} (now ${now[k] ?? 0})`);
    expect(stale, 'fewer cross-module queries than allowed: lower or remove these entries').toEqual([]);
  });
});
