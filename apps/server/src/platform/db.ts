import os from 'node:os';
import path from 'node:path';
import { CompiledQuery, Kysely, sql, type Compilable, type QueryResult, type Transaction } from 'kysely';
import pg from 'pg';
import type { DB } from './db-types';
import { CamelCaseResults } from './camel-case';
import {
  BATCH,
  BATCH_RESULTS,
  PipelinedPostgresDialect,
  THEN_COMMIT,
  type PipelinedQuery,
} from './pg-dialect';
import { PGliteDialect } from './pglite-dialect';
import { trieChild, type TrieNode } from './trie';

export type Db = Kysely<DB>;
export type Tx = Transaction<DB>;
/** Either the database or an open transaction: repositories take this. */
export type Executor = Db | Tx;

export type DatabaseHandle = {
  db: Db;
  kind: 'pglite' | 'postgres';
  close(): Promise<void>;
  /** The embedded database's files as one tarball (PGlite only): tests copy a migrated template. */
  dumpDataDir?(): Promise<Blob>;
};

const DATE_OID = 1082;
const INT8_OID = 20;
const NUMERIC_OID = 1700;

// Dates stay 'YYYY-MM-DD' strings (a Date would shift by the server's time zone); int8 counts are
// small enough for numbers. Both drivers get the same parsers so code sees the same values.
pg.types.setTypeParser(DATE_OID, (v: string) => v);
pg.types.setTypeParser(INT8_OID, (v: string) => Number(v));

/**
 * Opens the database: PostgreSQL when a URL is given, otherwise an embedded PGlite persisted in
 * `dataDir` (or in memory when `dataDir` is undefined — tests).
 */
export async function openDatabase(opts: {
  url?: string | undefined;
  dataDir?: string | undefined;
  /** A new PGlite starts from these files (a dumpDataDir tarball) instead of an empty cluster. */
  loadDataDir?: Blob | undefined;
  /**
   * Server settings for PGlite (`-c name=value` after its defaults). Tests give a small
   * `shared_buffers`: the WebAssembly heap is cleared at every start, and 128 MB of buffers cost a
   * third of a second per test database.
   */
  pgliteSettings?: Record<string, string> | undefined;
}): Promise<DatabaseHandle> {
  if (opts.url) {
    // Pipeline mode: a client sends queries without waiting for the previous answer (pg-dialect.ts).
    const { max, min } = poolSize(process.env);
    const pool = new pg.Pool({
      connectionString: opts.url,
      max,
      min,
      pipeline: true,
    } as pg.PoolConfig);
    // An idle connection the server drops (restart, admin termination) is reported here; without a
    // listener the error would crash the process. The pool replaces the connection on next use.
    pool.on('error', (err) => {
      console.warn(`数据库空闲连接已断开：${err.message}`);
    });
    const db = new Kysely<DB>({
      dialect: new PipelinedPostgresDialect(pool),
      plugins: [new CamelCaseResults()],
    });
    return { db, kind: 'postgres', close: () => db.destroy() };
  }
  // Only the embedded database needs PGlite (and its WebAssembly build): loaded here, not at start.
  const { PGlite } = await import('@electric-sql/pglite');
  const parsers = {
    [DATE_OID]: (v: string) => v,
    [INT8_OID]: (v: string) => Number(v),
    [NUMERIC_OID]: (v: string) => v,
  };
  const settings = Object.entries(opts.pgliteSettings ?? {}).flatMap(([k, v]) => ['-c', `${k}=${v}`]);
  const options = {
    parsers,
    ...(opts.loadDataDir ? { loadDataDir: opts.loadDataDir } : {}),
    ...(settings.length ? { startParams: [...PGlite.defaultStartParams, ...settings] } : {}),
  };
  const pglite = opts.dataDir
    ? await PGlite.create(path.join(opts.dataDir, 'pglite'), options)
    : await PGlite.create(options);
  const db = new Kysely<DB>({ dialect: new PGliteDialect(pglite), plugins: [new CamelCaseResults()] });
  return {
    db,
    kind: 'pglite',
    close: async () => {
      await db.destroy();
      await pglite.close();
    },
    dumpDataDir: () => pglite.dumpDataDir('none'),
  };
}

/**
 * The PostgreSQL pool's size: DB_POOL_MAX connections, of which DB_POOL_MIN (default: all) are kept
 * open once opened. pg's own default closed every connection idle for 10 s: under a moderate load the
 * pool shrank to the few connections it hands out first, and the next burst of requests waited for
 * new backends to start and fill their catalog caches (answers of 0.2–2 s in bench:evaluations). A
 * fixed-size pool is what PostgreSQL pools usually recommend.
 *
 * DB_POOL_MAX defaults to twice the machine's cores (PostgreSQL's rule of thumb for active
 * connections: cores × 2 plus the disks; the one server of a county runs both). More transactions
 * at once than the cores can run only wait longer on the rows they share — a region's gap-free
 * notice and case numbers, its audit lanes — while holding their own: on the 2-core machine
 * bench:cases moved ~15 % more transitions with 4 connections than with 10, and bench:bundles ~12 %.
 * Requests beyond the pool wait in it, not in PostgreSQL. No code path takes a second connection
 * while holding one (the integration suite passes with DB_POOL_MAX=1).
 */
export function poolSize(
  env: Record<string, string | undefined>,
  cores: number = os.availableParallelism(),
): { max: number; min: number } {
  const count = (name: string, fallback: number, least: number) => {
    const raw = env[name];
    const n = raw === undefined || raw === '' ? fallback : Number(raw);
    if (!Number.isInteger(n) || n < least || n > 1000)
      throw new Error(`${name} 应为 ${least} 到 1000 之间的整数，当前为 "${raw}"`);
    return n;
  };
  const max = count('DB_POOL_MAX', Math.max(2, 2 * cores), 1);
  return { max, min: Math.min(max, count('DB_POOL_MIN', max, 0)) };
}

/**
 * Shifts the `$n` placeholders of a compiled statement by `offset`, leaving quoted strings and
 * identifiers alone, so several statements can share one parameter list.
 */
export function shiftPlaceholders(text: string, offset: number): string {
  let out = '';
  let i = 0;
  while (i < text.length) {
    const ch = text[i]!;
    if (ch === "'" || ch === '"') {
      // A quoted string or identifier runs to its closing quote (a doubled quote stays inside).
      let j = i + 1;
      for (;;) {
        if (j >= text.length) break;
        if (text[j] === ch) {
          if (text[j + 1] === ch) j += 2;
          else break;
        } else j++;
      }
      out += text.slice(i, j + 1);
      i = j + 1;
    } else if (ch === '$' && /[0-9]/.test(text[i + 1] ?? '')) {
      let j = i + 1;
      while (j < text.length && /[0-9]/.test(text[j]!)) j++;
      out += `$${Number(text.slice(i + 1, j)) + offset}`;
      i = j;
    } else {
      out += ch;
      i++;
    }
  }
  return out;
}

/**
 * Shifted texts already made: a transition's statements are the same few texts at the same few
 * offsets every time, so the character loop runs once per text and offset, not per request.
 */
const shiftedTexts = new Map<string, Map<number, string>>();
function shiftedText(text: string, offset: number): string {
  if (offset === 0) return text;
  let byOffset = shiftedTexts.get(text);
  if (!byOffset) {
    if (shiftedTexts.size >= 2000) shiftedTexts.clear();
    shiftedTexts.set(text, (byOffset = new Map()));
  }
  let out = byOffset.get(offset);
  if (out === undefined) byOffset.set(offset, (out = shiftPlaceholders(text, offset)));
  return out;
}

/**
 * Combined texts already made, by their statements' texts in order (a statement's text fixes how
 * many parameters it has, so it fixes the offsets too). The same combination gives the same string
 * every time, which the prepared statements' names are looked up by.
 */
let combinedTexts: TrieNode<string, string> = {};
let combinedCount = 0;

/** The statements as one: each becomes a data-modifying WITH query of a single SELECT. */
export function combineWrites(queries: readonly CompiledQuery[]): CompiledQuery {
  if (queries.length === 1) return queries[0]!;
  const parameters: unknown[] = [];
  let node = combinedTexts;
  for (const q of queries) {
    node = trieChild(node, q.sql);
    for (const p of q.parameters) parameters.push(p);
  }
  if (node.value === undefined) {
    let offset = 0;
    const parts = queries.map((q, i) => {
      const text = shiftedText(q.sql, offset);
      offset += q.parameters.length;
      return `w${i} as (${text})`;
    });
    node.value = `with ${parts.join(', ')} select 1`;
    if (++combinedCount > 2000) {
      combinedTexts = {};
      combinedCount = 0;
    }
  }
  return CompiledQuery.raw(node.value, parameters);
}

/**
 * Runs several INSERT/UPDATE/DELETE statements in one round trip (writable CTEs). They all see the
 * snapshot from before the statement, so none may depend on another's effect on the same rows
 * (foreign keys to a row inserted alongside are fine: they are checked at the end).
 */
export async function executeWrites(
  db: Executor,
  queries: readonly Compilable[],
  opts: { thenCommit?: boolean } = {},
): Promise<void> {
  if (queries.length === 0) return;
  const combined: PipelinedQuery = { ...combineWrites(queries.map((q) => q.compile())) };
  // The transaction's last statement: COMMIT goes in the same round trip (on PostgreSQL; the
  // embedded database ignores the mark and Kysely commits as usual).
  if (opts.thenCommit) combined[THEN_COMMIT] = true;
  await db.executeQuery(combined);
}

/**
 * A read one module lets another send in its own round trip (executeBatch): the statement, and
 * what its rows come to.
 */
export type BatchRead<T> = { query: Compilable<unknown>; finish(rows: unknown[]): Promise<T> };

type Rows<Q> = Q extends Compilable<infer O> ? O[] : Q extends null ? undefined : never;

/** What executeBatch gives back for the statements Q: each one's rows, in order. */
export type BatchRows<Q extends readonly unknown[]> = { -readonly [K in keyof Q]: Rows<Q[K]> };

/**
 * Runs several statements in one round trip where the database allows it (PostgreSQL, pipelined),
 * one after the other otherwise; either way in order, and each gets its own rows back. A null entry
 * is a read the caller does not need this time: it is not sent, and its rows are undefined.
 */
export async function executeBatch<const Q extends readonly (Compilable<unknown> | null)[]>(
  db: Executor,
  queries: Q,
): Promise<BatchRows<Q>> {
  const compiled = queries.flatMap((q) => (q ? [q.compile()] : []));
  const [head, ...rest] = compiled;
  const out: QueryResult<unknown>[] = [];
  if (head) {
    const first: PipelinedQuery = { ...head, [BATCH]: rest };
    out.push(await db.executeQuery(first));
    const sent = first[BATCH_RESULTS];
    if (sent) {
      // Sent behind the first: run their results through the plugins as Kysely does for the first.
      for (const [i, r] of sent.entries()) {
        let result = r as QueryResult<Record<string, unknown>>;
        for (const plugin of db.getExecutor().plugins)
          result = await plugin.transformResult({ result, queryId: compiled[i + 1]!.queryId });
        out.push(result);
      }
    } else {
      for (const q of rest) out.push(await db.executeQuery(q));
    }
  }
  let next = 0;
  return queries.map((q) => (q ? out[next++]!.rows : undefined)) as never;
}

/**
 * Rows given by their keys (region and id): `<region> in (their regions) and (<region>, <id>) in
 * (the keys)`. The first part routes the statement to those regions' shards on Citus (issue 23),
 * the second lets the keys' indexes serve it (an id alone would scan them). No array parameter, so
 * PGlite reads it too. No keys: false.
 */
export function keysIn(
  regionColumn: string,
  idColumn: string,
  keys: readonly { regionCode: string; id: string }[],
) {
  if (keys.length === 0) return sql<boolean>`false`;
  const region = sql.ref(regionColumn);
  return sql<boolean>`${region} in (${sql.join([...new Set(keys.map((k) => k.regionCode))])})
    and (${region}, ${sql.ref(idColumn)}) in (select r, i::uuid from unnest(
      string_to_array(${keys.map((k) => k.regionCode).join(',')}, ','),
      string_to_array(${keys.map((k) => k.id).join(',')}, ',')) as k(r, i))`;
}

/**
 * Marks a statement that may span regions (issue 23, ADR 0006): `.modifyEnd(regionFree('cases.x'))`.
 * The name must be on the statement check's named list (test/statement-check.ts REGION_FREE), with
 * the reason; PostgreSQL and Citus read it as a comment.
 */
export function regionFree(name: string) {
  if (!/^[\w.-]+$/.test(name)) throw new Error(`region-free name: ${name}`);
  return sql.raw(`/* region-free: ${name} */`);
}

export { sql };
