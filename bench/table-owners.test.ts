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
const ALLOWED_CROSS_MODULE: Record<string, number> = {
  'apps/server/src/demo/seed-bundles-demo.ts catalog_item_version': 1,
  'apps/server/src/demo/seed-bundles-demo.ts department': 1,
  'apps/server/src/demo/seed-bundles-demo.ts app_user': 1,
  'apps/server/src/demo/seed-bundles-demo.ts bundle_case': 1,
  'apps/server/src/demo/seed-bundles-demo.ts applicant': 1,
  'apps/server/src/demo/seed-complaints-demo.ts app_user': 1,
  'apps/server/src/demo/seed-complaints-demo.ts department': 1,
  'apps/server/src/demo/seed-complaints-demo.ts staff': 1,
  // The demo seed looks up what it has just created; it should ask the owning services.
  'apps/server/src/demo/seed-cases-demo.ts service_case': 1,
  'apps/server/src/demo/seed-cases-demo.ts department': 2,
  'apps/server/src/demo/seed-cases-demo.ts catalog_item_version': 1,
  'apps/server/src/demo/seed-cases-demo.ts case_license_type': 1,
  'apps/server/src/demo/seed-cases-demo.ts app_user': 1,
  'apps/server/src/demo/seed-catalog-demo.ts catalog_item': 1,
  'apps/server/src/demo/seed-catalog-demo.ts department': 1,
  'apps/server/src/demo/seed-demo.ts region': 1,
  'apps/server/src/demo/seed-ledger-demo.ts ledger_inspection': 2,
  'apps/server/src/demo/seed-ledger-demo.ts app_user': 1,
  'apps/server/src/demo/seed-ledger-demo.ts department': 1,
  'apps/server/src/demo/seed-ledger-demo.ts ledger_category': 1,
  'apps/server/src/demo/seed-ledger-demo.ts ledger_finding': 1,
  'apps/server/src/demo/seed-ledger-demo.ts ledger_measure': 1,
  // cases reads region names and user names for its read model.
  'apps/server/src/modules/cases/cases.repository.ts region': 1,
  'apps/server/src/modules/cases/cases.repository.ts app_user': 2,
  // catalog and ledger repeat org's department lookup.
  'apps/server/src/modules/catalog/catalog.repository.ts department': 3,
  'apps/server/src/modules/ledger/ledger.repository.ts department': 2,
  'apps/server/src/modules/ledger/ledger.repository.ts app_user': 1,
  'apps/server/src/modules/ledger/ledger.service.ts app_user': 1,
  // org administers accounts and ends their sessions on auth's tables.
  'apps/server/src/modules/org/org.repository.ts app_user': 5,
  'apps/server/src/modules/org/org.service.ts user_session': 2,
  'apps/server/src/modules/org/org.service.ts app_user': 1,
};

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
