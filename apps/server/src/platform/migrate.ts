import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import type { Db } from './db';
import { SERVER_ROOT } from './paths';

export const MIGRATIONS_DIR = path.join(SERVER_ROOT, 'migrations');

type MigrationFile = { version: number; name: string; sql: string };

export function listMigrations(dir = MIGRATIONS_DIR): MigrationFile[] {
  return readdirSync(dir)
    .filter((f) => /^\d{4}_[a-z0-9_]+\.sql$/.test(f))
    .sort()
    .map((f) => ({ version: Number(f.slice(0, 4)), name: f, sql: readFileSync(path.join(dir, f), 'utf8') }));
}

/**
 * Applies the numbered SQL files not yet applied, each in its own transaction, forward only.
 * An advisory lock keeps two starting processes from migrating at once. Returns the version.
 */
export async function migrate(db: Db, dir = MIGRATIONS_DIR): Promise<number> {
  await sql`create table if not exists schema_migrations (
    version integer primary key, name text not null, applied_at timestamptz not null default now())`.execute(
    db,
  );
  const files = listMigrations(dir);
  await db.transaction().execute(async (tx) => {
    await sql`select pg_advisory_xact_lock(7271001)`.execute(tx);
    const done = new Set(
      (await sql<{ version: number }>`select version from schema_migrations`.execute(tx)).rows.map(
        (r) => r.version,
      ),
    );
    for (const m of files) {
      if (done.has(m.version)) continue;
      await sql.raw(m.sql).execute(tx);
      await sql`insert into schema_migrations (version, name) values (${m.version}, ${m.name})`.execute(tx);
    }
  });
  return currentMigration(db);
}

export async function currentMigration(db: Db): Promise<number> {
  const r = await sql<{ v: number | null }>`select max(version)::int as v from schema_migrations`.execute(db);
  return r.rows[0]?.v ?? 0;
}
