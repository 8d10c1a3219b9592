import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import pg from 'pg';
import { seedDemo } from '../src/demo/seed-demo';
import { loadNationalDays } from '../src/modules/calendar';
import type { Deps } from '../src/platform/app-types';
import { fixedClock } from '../src/platform/clock';
import { loadConfig, type Config } from '../src/platform/config';
import { tableRowCounts } from './factories/http';
import { openDatabase, type DatabaseHandle, type Db } from '../src/platform/db';
import { migrate } from '../src/platform/migrate';

/**
 * Template databases for the integration tests: migrating, loading the national days and seeding the
 * demo cost ~10 s, so they run once per test run (global-setup.ts) and every test file starts from a
 * copy (harness.ts createTestApp): `CREATE DATABASE … TEMPLATE` on PostgreSQL, a data-directory
 * tarball on PGlite.
 */

/** The clock the demo is seeded at; a test asking for another `now` gets a freshly seeded database. */
export const TEMPLATE_NOW = new Date('2026-11-20T02:00:00Z');

/** Fixed secrets: the demo's encrypted identity numbers must be readable by every copy. */
export function testConfig(dataDir: string): Config {
  return loadConfig(
    {
      DATA_DIR: dataDir,
      TONGBAN_LOOKUP_KEY: 'a'.repeat(64),
      TONGBAN_SM4_KEY: 'b'.repeat(32),
      // The suites sign in hundreds of times; scrypt's cost is not what they test.
      PASSWORD_SCRYPT_N: '1024',
    },
    [],
  );
}

/** Brings an empty database to what every test starts from: migrated, national days, and the demo. */
export async function prepareDatabase(handle: DatabaseHandle, deps: Deps, demo: boolean): Promise<void> {
  await migrate(handle.db);
  await loadNationalDays(handle.db);
  if (demo) await seedDemo(deps);
}

export type TemplatePair = { bare: string; demo: string };

/** Every table's row count and what the demo's cases came to: a copy must show the same. */
export type DemoSnapshot = {
  counts: Record<string, number>;
  cases: { caseNo: string; status: string; receivedAt: string | null }[];
};

export async function demoSnapshot(db: Db): Promise<DemoSnapshot> {
  const counts = await tableRowCounts(db);
  const cases = await db
    .selectFrom('serviceCase')
    .select(['caseNo', 'status', 'receivedAt'])
    .orderBy('caseNo')
    .execute();
  return {
    counts,
    cases: cases.map((c) => ({
      caseNo: c.caseNo,
      status: c.status,
      receivedAt: c.receivedAt && new Date(c.receivedAt).toISOString(),
    })),
  };
}
/** What global-setup.ts hands the test workers (vitest provide/inject): serializable names only. */
export type Templates = {
  /**
   * Tarball files of a PGlite data directory; `empty` is the cluster as initdb left it, for a test
   * that migrates from an older schema itself (initdb costs seconds, loading the copy a fraction).
   */
  pglite: TemplatePair & { empty: string };
  /** Database names on the TEST_DATABASE_URL server. */
  postgres: TemplatePair | null;
  /** The demo templates as seeding left them, before they were dumped or closed. */
  seeded: { pglite: DemoSnapshot; postgres: DemoSnapshot | null };
};

declare module 'vitest' {
  // Declaration merging needs an interface here.
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions
  export interface ProvidedContext {
    tongbanTemplates: Templates;
  }
}

function depsFor(handle: DatabaseHandle, dataDir: string): Deps {
  return { db: handle.db, dbKind: handle.kind, clock: fixedClock(TEMPLATE_NOW), config: testConfig(dataDir) };
}

/**
 * The data directory as a tarball, after a checkpoint: a copy then starts with nothing to redo
 * (without it every test database replays the seed's WAL, a quarter of a second each).
 */
async function dumpCheckpointed(handle: DatabaseHandle, file: string): Promise<void> {
  await sql`checkpoint`.execute(handle.db);
  writeFileSync(file, Buffer.from(await (await handle.dumpDataDir!()).arrayBuffer()));
}

/** One PGlite: dumped as `empty`; migrated → dumped as `bare`; then seeded → dumped as `demo`. */
async function buildPglite(dir: string): Promise<TemplatePair & { empty: string; seeded: DemoSnapshot }> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'tongban-tpl-'));
  const handle = await openDatabase({});
  try {
    const empty = path.join(dir, 'pglite-empty.tar');
    await dumpCheckpointed(handle, empty);
    const deps = depsFor(handle, dataDir);
    await prepareDatabase(handle, deps, false);
    const bare = path.join(dir, 'pglite-bare.tar');
    await dumpCheckpointed(handle, bare);
    await prepareDatabase(handle, deps, true);
    const seeded = await demoSnapshot(handle.db);
    const demo = path.join(dir, 'pglite-demo.tar');
    await dumpCheckpointed(handle, demo);
    return { empty, bare, demo, seeded };
  } finally {
    await handle.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function admin<T>(adminUrl: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: adminUrl });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

export function databaseUrl(adminUrl: string, name: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Two PostgreSQL databases, bare and demo; closed afterwards (a template must have no connections). */
async function buildPostgres(adminUrl: string): Promise<TemplatePair & { seeded: DemoSnapshot }> {
  const tag = `${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  const names = { bare: `tb_tpl_bare_${tag}`, demo: `tb_tpl_demo_${tag}` };
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'tongban-tpl-'));
  try {
    await admin(adminUrl, (c) => c.query(`create database ${names.bare}`));
    const bare = await openDatabase({ url: databaseUrl(adminUrl, names.bare) });
    try {
      await prepareDatabase(bare, depsFor(bare, dataDir), false);
    } finally {
      await bare.close();
    }
    await admin(adminUrl, (c) => c.query(`create database ${names.demo} template ${names.bare}`));
    const demo = await openDatabase({ url: databaseUrl(adminUrl, names.demo) });
    let seeded: DemoSnapshot;
    try {
      await prepareDatabase(demo, depsFor(demo, dataDir), true);
      seeded = await demoSnapshot(demo.db);
    } finally {
      await demo.close();
    }
    return { ...names, seeded };
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

export async function dropPostgresTemplates(adminUrl: string, t: TemplatePair): Promise<void> {
  await admin(adminUrl, async (c) => {
    for (const name of [t.demo, t.bare]) await c.query(`drop database if exists ${name} with (force)`);
  });
}

/** Builds every template this run needs, in `dir` (PGlite) and on TEST_DATABASE_URL (PostgreSQL). */
export async function buildTemplates(dir: string): Promise<Templates> {
  const adminUrl = process.env.TEST_DATABASE_URL;
  // PGlite works the CPU, PostgreSQL mostly waits: side by side they take the time of the longer.
  const [pglite, postgres] = await Promise.all([
    buildPglite(dir),
    adminUrl ? buildPostgres(adminUrl) : Promise.resolve(null),
  ]);
  return {
    pglite: { empty: pglite.empty, bare: pglite.bare, demo: pglite.demo },
    postgres: postgres && { bare: postgres.bare, demo: postgres.demo },
    seeded: { pglite: pglite.seeded, postgres: postgres?.seeded ?? null },
  };
}
