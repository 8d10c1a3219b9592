import path from 'node:path';
import {
  CamelCasePlugin,
  CompiledQuery,
  Kysely,
  PostgresDialect,
  sql,
  type Compilable,
  type PostgresPool,
  type PostgresPoolClient,
  type Transaction,
} from 'kysely';
import pg from 'pg';
import type { DB } from './db-types';
import { PGliteDialect } from './pglite-dialect';

export type Db = Kysely<DB>;
export type Tx = Transaction<DB>;
/** Either the database or an open transaction: repositories take this. */
export type Executor = Db | Tx;

export type DatabaseHandle = {
  db: Db;
  kind: 'pglite' | 'postgres';
  close(): Promise<void>;
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
}): Promise<DatabaseHandle> {
  if (opts.url) {
    const pool = new pg.Pool({ connectionString: opts.url, max: Number(process.env.DB_POOL_MAX ?? 10) });
    // An idle connection the server drops (restart, admin termination) is reported here; without a
    // listener the error would crash the process. The pool replaces the connection on next use.
    pool.on('error', (err) => {
      console.warn(`数据库空闲连接已断开：${err.message}`);
    });
    const db = new Kysely<DB>({
      dialect: new PostgresDialect({ pool: preparingPool(pool) }),
      plugins: [new CamelCasePlugin()],
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
  const pglite = opts.dataDir
    ? await PGlite.create(path.join(opts.dataDir, 'pglite'), { parsers })
    : await PGlite.create({ parsers });
  const db = new Kysely<DB>({ dialect: new PGliteDialect(pglite), plugins: [new CamelCasePlugin()] });
  return {
    db,
    kind: 'pglite',
    close: async () => {
      await db.destroy();
      await pglite.close();
    },
  };
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

/** The statements as one: each becomes a data-modifying WITH query of a single SELECT. */
export function combineWrites(queries: readonly CompiledQuery[]): CompiledQuery {
  if (queries.length === 1) return queries[0]!;
  const parameters: unknown[] = [];
  const parts = queries.map((q, i) => {
    const text = shiftPlaceholders(q.sql, parameters.length);
    parameters.push(...q.parameters);
    return `w${i} as (${text})`;
  });
  return CompiledQuery.raw(`with ${parts.join(', ')} select 1`, parameters);
}

/**
 * Runs several INSERT/UPDATE/DELETE statements in one round trip (writable CTEs). They all see the
 * snapshot from before the statement, so none may depend on another's effect on the same rows
 * (foreign keys to a row inserted alongside are fine: they are checked at the end).
 */
export async function executeWrites(db: Executor, queries: readonly Compilable[]): Promise<void> {
  if (queries.length === 0) return;
  await db.executeQuery(combineWrites(queries.map((q) => q.compile())));
}

/** Distinct statements that get a name; past this, statements run unnamed (parsed each time). */
const MAX_PREPARED = 1000;

/**
 * A pool whose clients run parameterised statements as named prepared statements: PostgreSQL parses
 * and plans each distinct statement once per connection instead of on every execution (parsing
 * and planning were about 40% of the server's CPU in bench:cases). Names are per process, the same
 * on every connection; statements without parameters (BEGIN, COMMIT, migrations) stay unnamed.
 */
function preparingPool(pool: pg.Pool): PostgresPool {
  const names = new Map<string, string>();
  let counter = 0;
  const nameOf = (text: string): string | undefined => {
    let name = names.get(text);
    if (name === undefined && names.size < MAX_PREPARED) names.set(text, (name = `tb_${counter++}`));
    return name;
  };
  const clients = new WeakMap<pg.PoolClient, PostgresPoolClient>();
  return {
    async connect() {
      const client = await pool.connect();
      let wrapped = clients.get(client);
      if (!wrapped) {
        wrapped = {
          // Kysely calls query(sql, parameters) only: no cursor is configured.
          query: (async (text: string, values: unknown[]) => {
            const name = values.length > 0 ? nameOf(text) : undefined;
            try {
              return await client.query(name ? { name, text, values } : { text, values });
            } catch (err) {
              // "cached plan must not change result type": a newer process migrated a table under a
              // prepared `select *` (rolling upgrade). Forget the name: the statement is prepared
              // anew, under a new name, the next time it runs. This one request fails.
              if (name && (err as { code?: string }).code === '0A000') names.delete(text);
              throw err;
            }
          }) as unknown as PostgresPoolClient['query'],
          release: () => client.release(),
        };
        clients.set(client, wrapped);
      }
      return wrapped;
    },
    end: () => pool.end(),
  };
}

export async function withTransaction<T>(db: Db, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return db.transaction().execute(fn);
}

export { sql };
