import {
  CompiledQuery,
  PostgresAdapter,
  PostgresIntrospector,
  type DatabaseConnection,
  type Dialect,
  type Driver,
  type Kysely,
  type QueryResult,
  type TransactionSettings,
} from 'kysely';
import pg from 'pg';
import { SnakeCaseCompiler } from './camel-case';

/**
 * Kysely over node-postgres in pipeline mode (docs/adr/0003-pipelined-round-trips.md).
 *
 * A transition's cost is its round trips (bench:cases): each one is a write, a wake-up of the
 * backend and a wake-up of the server. Three things here save them without changing what runs:
 * - BEGIN is held back and sent in front of the transaction's first statement;
 * - a statement marked THEN_COMMIT is followed by COMMIT in the same round trip;
 * - a statement carrying a BATCH sends the batch's statements behind it in the same round trip.
 * PostgreSQL still runs every statement in order, each with its own Sync, so a failing statement
 * fails the transaction exactly as it would have one at a time.
 *
 * Parameterised statements run as named prepared statements: PostgreSQL parses and plans each
 * distinct statement once per connection instead of on every execution (parsing and planning were
 * about 40% of PostgreSQL's CPU in bench:cases). Names are per process, the same on every
 * connection; statements without parameters (BEGIN, COMMIT, migrations) stay unnamed.
 */
export const THEN_COMMIT = Symbol('thenCommit');
export const BATCH = Symbol('batch');
export const BATCH_RESULTS = Symbol('batchResults');

export type PipelinedQuery = CompiledQuery & {
  [THEN_COMMIT]?: boolean;
  [BATCH]?: readonly CompiledQuery[];
  /** Filled by a connection that sent the batch; a connection that cannot leaves it unset. */
  [BATCH_RESULTS]?: QueryResult<unknown>[];
};

/** Distinct statements that get a name; past this, statements run unnamed (parsed each time). */
const MAX_PREPARED = 1000;

class StatementNames {
  private readonly names = new Map<string, string>();
  private counter = 0;
  nameOf(text: string): string | undefined {
    let name = this.names.get(text);
    if (name === undefined && this.names.size < MAX_PREPARED)
      this.names.set(text, (name = `tb_${this.counter++}`));
    return name;
  }
  forget(text: string) {
    this.names.delete(text);
  }
}

/** A dialect speaking PostgreSQL's SQL: only the driver differs (this one, PGlite's). */
export abstract class PostgresFamilyDialect implements Dialect {
  abstract createDriver(): Driver;
  createAdapter() {
    return new PostgresAdapter();
  }
  createIntrospector(db: Kysely<unknown>) {
    return new PostgresIntrospector(db);
  }
  createQueryCompiler() {
    return new SnakeCaseCompiler();
  }
}

export class PipelinedPostgresDialect extends PostgresFamilyDialect {
  constructor(private readonly pool: pg.Pool) {
    super();
  }
  createDriver(): Driver {
    return new PipelinedDriver(this.pool);
  }
}

class PipelinedDriver implements Driver {
  private readonly names = new StatementNames();
  private readonly connections = new WeakMap<pg.PoolClient, PipelinedConnection>();
  constructor(private readonly pool: pg.Pool) {}
  async init() {}
  async acquireConnection(): Promise<DatabaseConnection> {
    const client = await this.pool.connect();
    let conn = this.connections.get(client);
    if (!conn) this.connections.set(client, (conn = new PipelinedConnection(client, this.names)));
    return conn;
  }
  async beginTransaction(conn: DatabaseConnection, settings: TransactionSettings) {
    let text = 'begin';
    if (settings.isolationLevel || settings.accessMode) {
      text = 'start transaction';
      if (settings.isolationLevel) text += ` isolation level ${settings.isolationLevel}`;
      if (settings.accessMode) text += ` ${settings.accessMode}`;
    }
    (conn as PipelinedConnection).deferBegin(text);
  }
  async commitTransaction(conn: DatabaseConnection) {
    await (conn as PipelinedConnection).end('commit');
  }
  async rollbackTransaction(conn: DatabaseConnection) {
    await (conn as PipelinedConnection).end('rollback');
  }
  async releaseConnection(conn: DatabaseConnection) {
    (conn as PipelinedConnection).release();
  }
  async destroy() {
    await this.pool.end();
  }
}

type Sent = { text: string; values: unknown[] };

class PipelinedConnection implements DatabaseConnection {
  /** BEGIN not sent yet: it goes in front of the transaction's first statement. */
  private pendingBegin: string | undefined;
  /** The transaction already ended behind its last statement (THEN_COMMIT). */
  private ended = false;

  constructor(
    private readonly client: pg.PoolClient,
    private readonly names: StatementNames,
  ) {}

  deferBegin(text: string) {
    this.pendingBegin = text;
    this.ended = false;
  }

  /** COMMIT or ROLLBACK, unless there is nothing to end: nothing was sent, or it already ended. */
  async end(text: 'commit' | 'rollback') {
    if (this.pendingBegin !== undefined) {
      this.pendingBegin = undefined;
      return;
    }
    if (this.ended) {
      this.ended = false;
      return;
    }
    await this.executeQuery(CompiledQuery.raw(text));
  }

  release() {
    this.pendingBegin = undefined;
    this.ended = false;
    this.client.release();
  }

  async executeQuery<R>(q: PipelinedQuery): Promise<QueryResult<R>> {
    // A statement after COMMIT would run outside the transaction, on its own: refuse it loudly.
    if (this.ended) throw new Error('事务已随上一条语句提交，不能再执行语句');
    const batch = q[BATCH] ?? [];
    const sends: Sent[] = [];
    if (this.pendingBegin !== undefined) sends.push({ text: this.pendingBegin, values: [] });
    this.pendingBegin = undefined;
    const first = sends.length;
    for (const s of [q, ...batch]) sends.push({ text: s.sql, values: [...s.parameters] });
    if (q[THEN_COMMIT]) sends.push({ text: 'commit', values: [] });

    // One write for the whole round trip: the pipelined client writes each query as it is queued.
    const stream = (this.client as unknown as { connection?: { stream?: NodeJS.WritableStream & Corkable } })
      .connection?.stream;
    stream?.cork?.();
    let pending: Promise<pg.QueryResult>[];
    try {
      pending = sends.map((s) => this.send(s));
    } finally {
      stream?.uncork?.();
    }
    const settled = await Promise.allSettled(pending);
    if (q[THEN_COMMIT]) this.ended = true; // COMMIT answered: committed, or rolled back after a failure
    // The first failure is the cause; those after it only say the transaction was aborted.
    const failure = settled.find((s) => s.status === 'rejected');
    if (failure) throw failure.reason;
    const results = settled.map((s) => toResult((s as PromiseFulfilledResult<pg.QueryResult>).value));
    if (batch.length > 0) q[BATCH_RESULTS] = results.slice(first + 1, first + 1 + batch.length);
    return results[first] as QueryResult<R>;
  }

  streamQuery(): AsyncIterableIterator<QueryResult<never>> {
    throw new Error('streaming is not configured');
  }

  private async send({ text, values }: Sent): Promise<pg.QueryResult> {
    const name = values.length > 0 ? this.names.nameOf(text) : undefined;
    try {
      // A Query made from the text and named after (given a config object, pg copies its every
      // property descriptor on each call: about 2% of the server's time in bench:cases).
      const query = new pg.Query(text, values) as pg.Query & SubmittedQuery;
      if (name) query.name = name;
      return await new Promise<pg.QueryResult>((resolve, reject) => {
        query.callback = (err, res) => (err ? reject(err) : resolve(res));
        void this.client.query(query);
      });
    } catch (err) {
      // "cached plan must not change result type": a newer process migrated a table under a
      // prepared `select *` (rolling upgrade). Forget the name: the statement is prepared anew,
      // under a new name, the next time it runs. This one request fails.
      if (name && (err as { code?: string }).code === '0A000') this.names.forget(text);
      throw err;
    }
  }
}

/** What pg's Query reads when it runs: its name (prepared) and the callback it answers. */
type SubmittedQuery = { name?: string; callback: (err: Error | null, res: pg.QueryResult) => void };

type Corkable = { cork?: () => void; uncork?: () => void };

function toResult(r: pg.QueryResult): QueryResult<unknown> {
  const affects =
    r.command === 'INSERT' || r.command === 'UPDATE' || r.command === 'DELETE' || r.command === 'MERGE';
  return {
    ...(affects ? { numAffectedRows: BigInt(r.rowCount ?? 0) } : {}),
    rows: r.rows ?? [],
  };
}
