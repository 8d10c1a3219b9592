import { cpSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../src/demo/seed-demo';
import { loadNationalDays } from '../src/modules/calendar';
import type { Deps } from '../src/platform/app-types';
import { checkTable } from '../src/platform/citus';
import { readSchema } from '../src/platform/citus-catalog';
import { fixedClock } from '../src/platform/clock';
import { openDatabase, type DatabaseHandle, type Executor } from '../src/platform/db';
import { currentMigration, migrate, MIGRATIONS_DIR } from '../src/platform/migrate';
import { createPostgresDatabase, dbKinds } from './harness';
import { TEMPLATE_NOW, testConfig } from './templates';

/**
 * Issue 23: the migrations that make the wave-1 tables distributable by region (0040 on) convert a
 * database in place. A database migrated to the version before them and seeded with the demo keeps
 * every row of every table (counted per table before and after), and comes out following the
 * distribution rules.
 */
const FIRST_CITUS_MIGRATION = 40;

async function rowCounts(db: Executor): Promise<Record<string, number>> {
  const tables = await sql<{ name: string }>`
    select relname as name from pg_class
    where relnamespace = 'public'::regnamespace and relkind = 'r' and relname <> 'schema_migrations'
    order by 1`.execute(db);
  const out: Record<string, number> = {};
  for (const { name } of tables.rows)
    out[name] = (
      await sql<{ n: number }>`select count(*)::int as n from ${sql.table(name)}`.execute(db)
    ).rows[0]!.n;
  return out;
}

describe.each(dbKinds())('the region keys migrate a demo database in place (%s)', (kind) => {
  let handle: DatabaseHandle;
  let dropPg: (() => Promise<void>) | undefined;
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'tongban-citus-'));
  const before = path.join(dataDir, 'migrations-before');

  beforeAll(async () => {
    cpSync(MIGRATIONS_DIR, before, {
      recursive: true,
      filter: (src) =>
        !/^\d{4}_/.test(path.basename(src)) || Number(path.basename(src).slice(0, 4)) < FIRST_CITUS_MIGRATION,
    });
    const pgDb = kind === 'postgres' ? await createPostgresDatabase(undefined) : undefined;
    dropPg = pgDb?.drop;
    handle = await openDatabase({ url: pgDb?.url });
    const deps: Deps = {
      db: handle.db,
      dbKind: handle.kind,
      clock: fixedClock(TEMPLATE_NOW),
      config: testConfig(dataDir),
    };
    await migrate(handle.db, before);
    await loadNationalDays(handle.db);
    await seedDemo(deps);
  }, 300_000);
  afterAll(async () => {
    await handle.close();
    await dropPg?.();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('keeps every row of every table and leaves every key including region_code', async () => {
    expect(await currentMigration(handle.db)).toBeLessThan(FIRST_CITUS_MIGRATION);
    expect(readdirSync(before).length).toBeLessThan(readdirSync(MIGRATIONS_DIR).length);
    const countsBefore = await rowCounts(handle.db);
    expect(countsBefore['service_case']).toBeGreaterThan(0);
    expect(countsBefore['audit_log']).toBeGreaterThan(0);

    await migrate(handle.db);
    expect(await currentMigration(handle.db)).toBeGreaterThanOrEqual(FIRST_CITUS_MIGRATION);
    const countsAfter = await rowCounts(handle.db);
    for (const [table, n] of Object.entries(countsBefore))
      expect({ table, n: countsAfter[table] }).toEqual({ table, n });

    const keys = ['no-region-column', 'no-primary-key', 'primary-key', 'unique-key', 'foreign-key'];
    const breaking = (await readSchema(handle.db))
      .flatMap(checkTable)
      .filter((v) => keys.includes(v.rule))
      .map((v) => `${v.table}: ${v.detail}`);
    expect(breaking).toEqual([]);
  }, 300_000);
});
