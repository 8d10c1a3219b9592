import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import * as prettier from 'prettier';
import { openDatabase } from './db';
import { migrate } from './migrate';
import { SERVER_ROOT } from './paths';

/**
 * `npm run db:types`: regenerates db-types.generated.ts with kysely-codegen from a freshly migrated
 * temporary PostgreSQL database (dropped afterwards). `--check` (`npm run check:db-types`) writes
 * nothing and fails when the file is stale. ADMIN_DATABASE_URL picks the server (default: local).
 */
const OUT = path.join(SERVER_ROOT, 'src/platform/db-types.generated.ts');
const adminUrl = process.env.ADMIN_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const check = process.argv.includes('--check');

// What the drivers hand the code (platform/db.ts): int8 as numbers, dates as 'YYYY-MM-DD' strings;
// jsonb is written as JSON text and read as whatever the module parses it into.
const TYPE_MAPPING = { int8: 'number', jsonb: 'ColumnType<unknown, string, string>' };
const NULLABLE_JSON = 'ColumnType<unknown, string | null, string | null>';

/** CHECK (col in ('a', 'b')) becomes the column type 'a' | 'b', so the code keeps its unions. */
async function overrides(c: pg.Client): Promise<Record<string, string>> {
  const checks = await c.query<{ tbl: string; def: string }>(`
    select conrelid::regclass::text as tbl, pg_get_constraintdef(oid) as def
    from pg_constraint where contype = 'c' and connamespace = 'public'::regnamespace`);
  const columns = await c.query<{
    tbl: string;
    col: string;
    type: string;
    nullable: boolean;
    dflt: boolean;
  }>(`
    select table_name as tbl, column_name as col, data_type as type, is_nullable = 'YES' as nullable,
           column_default is not null as dflt
    from information_schema.columns where table_schema = 'public'`);
  const column = (tbl: string, col: string) => columns.rows.find((r) => r.tbl === tbl && r.col === col);
  const out: Record<string, string> = {};
  for (const { tbl, def } of checks.rows) {
    const m = /^CHECK \(\((\w+) = ANY \(ARRAY\[(.*)\]\)\)\)$/.exec(def);
    if (!m) continue;
    const values = [...m[2]!.matchAll(/'([^']*)'::text/g)].map((v) => `'${v[1]}'`);
    const col = column(tbl, m[1]!);
    if (!col) continue;
    // An override replaces the whole column type: nullability and defaults are added back here.
    const type = values.join(' | ') + (col.nullable ? ' | null' : '');
    // (Spelled out: the generated file's Generated<T> would distribute over the union.)
    out[`${tbl}.${col.col}`] = col.dflt ? `ColumnType<${type}, ${type} | undefined, ${type}>` : type;
  }
  for (const r of columns.rows)
    if (r.type === 'jsonb' && r.nullable)
      out[`${r.tbl}.${r.col}`] = r.dflt ? `Generated<${NULLABLE_JSON}>` : NULLABLE_JSON;
  return out;
}

async function generate(file: string): Promise<void> {
  const name = `tb_codegen_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  try {
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    const handle = await openDatabase({ url: url.toString() });
    try {
      await migrate(handle.db);
    } finally {
      await handle.close();
    }
    const c = new pg.Client({ connectionString: url.toString() });
    await c.connect();
    const over = await overrides(c).finally(() => c.end());
    const bin = path.join(SERVER_ROOT, '../../node_modules/.bin/kysely-codegen');
    const r = spawnSync(
      bin,
      [
        '--dialect=postgres',
        `--url=${url.toString()}`,
        '--camel-case',
        '--date-parser=string',
        '--numeric-parser=string',
        '--exclude-pattern=schema_migrations',
        `--type-mapping=${JSON.stringify(TYPE_MAPPING)}`,
        `--overrides=${JSON.stringify({ columns: over })}`,
        `--out-file=${file}`,
        '--log-level=error',
      ],
      { stdio: 'inherit' },
    );
    if (r.status !== 0) throw new Error(`kysely-codegen 失败（退出码 ${r.status}）`);
  } finally {
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
  const text = readFileSync(file, 'utf8');
  const options = (await prettier.resolveConfig(OUT)) ?? {};
  writeFileSync(file, await prettier.format(text, { ...options, filepath: OUT }));
}

if (check) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'tongban-db-types-'));
  try {
    const tmp = path.join(dir, 'db-types.generated.ts');
    await generate(tmp);
    if (readFileSync(tmp, 'utf8') !== readFileSync(OUT, 'utf8')) {
      console.error('db-types.generated.ts 与迁移不一致：请运行 npm run db:types 并提交。');
      process.exitCode = 1;
    } else console.log('db-types.generated.ts 与迁移一致。');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
} else {
  await generate(OUT);
  console.log(`已生成 ${path.relative(process.cwd(), OUT)}`);
}
