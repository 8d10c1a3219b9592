import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { seedDemo } from '../src/demo/seed-demo';
import { loadNationalDays } from '../src/modules/calendar';
import type { Deps } from '../src/platform/app-types';
import { fixedClock } from '../src/platform/clock';
import { loadConfig, type Config } from '../src/platform/config';
import { tableRowCounts } from './factories/http';
import { openDatabase, type DatabaseHandle, type Db } from '../src/platform/db';
import { migrate } from '../src/platform/migrate';
import {
  admin,
  announce,
  READY,
  type DemoSnapshot,
  type TemplatePair,
  type TemplatePlan,
  type Templates,
} from './template-plan';

export type { DemoSnapshot, TemplatePair, TemplatePlan, Templates } from './template-plan';

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

function depsFor(handle: DatabaseHandle, dataDir: string): Deps {
  return { db: handle.db, dbKind: handle.kind, clock: fixedClock(TEMPLATE_NOW), config: testConfig(dataDir) };
}

/**
 * The data directory as a tarball, after a checkpoint: a copy then starts with nothing to redo
 * (without it every test database replays the seed's WAL, a quarter of a second each). WAL segments
 * after the current one are left out: PostgreSQL makes them ahead of need (16 MB each, a quarter of
 * the tarball) and makes them again when it needs them. Every test file loads a copy, so each
 * megabyte left out is copied some forty times less.
 */
async function dumpCheckpointed(handle: DatabaseHandle, file: string): Promise<void> {
  await sql`checkpoint`.execute(handle.db);
  const { current } = (
    await sql<{ current: string }>`select pg_walfile_name(pg_current_wal_lsn()) as current`.execute(handle.db)
  ).rows[0]!;
  const tar = new Uint8Array(await (await handle.dumpDataDir!()).arrayBuffer());
  writeFileSync(
    file,
    tarWithout(tar, (name) => {
      const wal = /(?:^|\/)pg_wal\/([0-9A-F]{24})$/.exec(name)?.[1];
      return wal !== undefined && wal > current;
    }),
  );
}

/**
 * A ustar archive without the regular files `drop` names: each entry is a 512-byte header (name at
 * 0, octal size at 124, type at 156) and its data padded to 512 bytes; the rest is kept byte for byte.
 */
function tarWithout(tar: Uint8Array, drop: (name: string) => boolean): Uint8Array {
  const text = (at: number, len: number) =>
    new TextDecoder().decode(tar.subarray(at, at + len)).replace(/\0[\s\S]*$/, '');
  const kept: Uint8Array[] = [];
  let at = 0;
  while (at + 512 <= tar.length) {
    const name = text(at, 100);
    if (name === '') break; // the two zero blocks that end the archive
    const size = parseInt(text(at + 124, 12).trim() || '0', 8);
    const type = String.fromCharCode(tar[at + 156]!);
    const end = at + 512 + Math.ceil(size / 512) * 512;
    if (!((type === '0' || type === '\0') && drop(name))) kept.push(tar.subarray(at, end));
    at = end;
  }
  kept.push(tar.subarray(at));
  return Buffer.concat(kept);
}

/**
 * A test cluster needs only its own database: initdb's template0 and template1 (15 MB that every
 * copy would load) are dropped before the first dump. No test creates a database on PGlite.
 */
async function dropTemplateDatabases(handle: DatabaseHandle): Promise<void> {
  await sql`update pg_database set datistemplate = false where datname in ('template0', 'template1')`.execute(
    handle.db,
  );
  await sql`drop database template0`.execute(handle.db);
  await sql`drop database template1`.execute(handle.db);
}

/**
 * One PGlite: dumped as `empty` (announced at once: a test that migrates from an older schema starts
 * on it while the rest is built); migrated → dumped as `bare`; then seeded → dumped as `demo`.
 */
async function buildPglite(dir: string): Promise<TemplatePair & { empty: string; seeded: DemoSnapshot }> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'tongban-tpl-'));
  const handle = await openDatabase({});
  try {
    await dropTemplateDatabases(handle);
    const empty = path.join(dir, 'pglite-empty.tar');
    await dumpCheckpointed(handle, empty);
    announce(dir, READY.empty, { empty });
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

export function databaseUrl(adminUrl: string, name: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Two PostgreSQL databases, bare and demo; closed afterwards (a template must have no connections). */
async function buildPostgres(
  adminUrl: string,
  names: TemplatePair,
): Promise<TemplatePair & { seeded: DemoSnapshot }> {
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

/**
 * Builds every template the plan names, in its directory (PGlite) and on TEST_DATABASE_URL
 * (PostgreSQL), and announces each stage; a failure is announced too, for the waiting files to report.
 */
export async function buildTemplates(plan: TemplatePlan): Promise<void> {
  const adminUrl = process.env.TEST_DATABASE_URL;
  try {
    // PGlite works the CPU, PostgreSQL mostly waits: side by side they take the time of the longer.
    const [pglite, postgres] = await Promise.all([
      buildPglite(plan.dir),
      adminUrl && plan.postgres ? buildPostgres(adminUrl, plan.postgres) : Promise.resolve(null),
    ]);
    announce(plan.dir, READY.all, {
      pglite: { empty: pglite.empty, bare: pglite.bare, demo: pglite.demo },
      postgres: postgres && { bare: postgres.bare, demo: postgres.demo },
      seeded: { pglite: pglite.seeded, postgres: postgres?.seeded ?? null },
    } satisfies Templates);
  } catch (err) {
    announce(plan.dir, READY.failed, err instanceof Error ? (err.stack ?? err.message) : String(err));
  }
}
