import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { executeBatch, executeWrites } from '../src/platform/db';
import { createTestApp, dbKinds, type TestApp } from './harness';

// Round trips (platform/pg-dialect.ts, docs/adr/0003): BEGIN held back to the first statement,
// COMMIT behind the last write, batches. On PGlite the same calls run one statement at a time;
// either way the transaction means the same.
describe.each(dbKinds())('pipelined round trips (%s)', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(kind, { demo: false });
    await sql`create table pipe_probe (k text primary key, n integer not null check (n >= 0))`.execute(
      t.deps.db,
    );
  });
  afterAll(() => t.close());
  const ins = (k: string, n: number) => t.deps.db.insertInto('pipe_probe' as never).values({ k, n } as never);
  const count = async (prefix: string) =>
    Number(
      (
        await sql<{
          c: number;
        }>`select count(*)::int as c from pipe_probe where k like ${prefix + '%'}`.execute(t.deps.db)
      ).rows[0]!.c,
    );

  it('a batch returns each statement its own rows, in order, inside the transaction', async () => {
    const out = await t.deps.db.transaction().execute(async (tx) => {
      await executeWrites(tx, [ins('a1', 1)]);
      return executeBatch(tx, [
        tx
          .selectFrom('pipe_probe' as never)
          .select(sql<string>`k`.as('k'))
          .where(sql<boolean>`k = ${'a1'}`),
        { compile: () => sql<{ two: number }>`select ${2}::int as two`.compile(tx) },
        tx.selectFrom('pipe_probe' as never).select(sql<number>`count(*)::int`.as('c')),
      ] as const);
    });
    expect(out[0]).toEqual([{ k: 'a1' }]);
    expect(out[1]).toEqual([{ two: 2 }]);
    expect(out[2]).toEqual([{ c: 1 }]);
  });

  it('a null entry in a batch is not sent and gets undefined; the others keep their places', async () => {
    const out = await t.deps.db
      .transaction()
      .execute(async (tx) =>
        executeBatch(tx, [
          null,
          { compile: () => sql<{ one: number }>`select ${1}::int as one`.compile(tx) },
          null,
          { compile: () => sql<{ three: number }>`select ${3}::int as three`.compile(tx) },
        ] as const),
      );
    expect(out).toEqual([undefined, [{ one: 1 }], undefined, [{ three: 3 }]]);
    const none = await t.deps.db.transaction().execute(async (tx) => executeBatch(tx, [null] as const));
    expect(none).toEqual([undefined]);
  });

  it('TRUTH: a failing statement in a batch fails the transaction and leaves nothing written', async () => {
    await expect(
      t.deps.db.transaction().execute(async (tx) => {
        await executeWrites(tx, [ins('b1', 1)]);
        await executeBatch(tx, [
          { compile: () => sql`insert into pipe_probe values (${'b2'}, ${-1})`.compile(tx) },
          { compile: () => sql`insert into pipe_probe values (${'b3'}, ${3})`.compile(tx) },
        ] as const);
      }),
    ).rejects.toMatchObject({ code: '23514' }); // the check constraint, not "transaction aborted"
    expect(await count('b')).toBe(0);
  });

  it('TRUTH: the last write with COMMIT behind it commits; a failing one commits nothing', async () => {
    await t.deps.db.transaction().execute(async (tx) => {
      await executeWrites(tx, [ins('c1', 1)]);
      await executeWrites(tx, [ins('c2', 2), ins('c3', 3)], { thenCommit: true });
    });
    expect(await count('c')).toBe(3);
    await expect(
      t.deps.db.transaction().execute(async (tx) => {
        await executeWrites(tx, [ins('d1', 1)]);
        await executeWrites(tx, [ins('d2', -2)], { thenCommit: true });
      }),
    ).rejects.toMatchObject({ code: '23514' });
    expect(await count('d')).toBe(0);
    // The connection is clean afterwards: the next transaction works.
    await t.deps.db.transaction().execute((tx) => executeWrites(tx, [ins('e1', 1)], { thenCommit: true }));
    expect(await count('e')).toBe(1);
  });

  it('an error thrown before any statement, and an empty transaction, leave the connection usable', async () => {
    await expect(
      t.deps.db.transaction().execute(async () => {
        throw new Error('no statement sent');
      }),
    ).rejects.toThrow('no statement sent');
    await t.deps.db.transaction().execute(async () => undefined);
    const rows = await t.deps.db
      .transaction()
      .execute(async (tx) => (await sql`select 1 as one`.execute(tx)).rows);
    expect(rows).toEqual([{ one: 1 }]);
  });

  it.runIf(kind === 'postgres')(
    'a statement after COMMIT went behind the last write is refused',
    async () => {
      await expect(
        t.deps.db.transaction().execute(async (tx) => {
          await executeWrites(tx, [ins('f1', 1)], { thenCommit: true });
          await executeWrites(tx, [ins('f2', 2)]);
        }),
      ).rejects.toThrow('事务已随上一条语句提交');
      // The first write committed (it was the transaction's last, as marked); the stray one did not run.
      expect(await count('f')).toBe(1);
    },
  );
});

// Named prepared statements exist on PostgreSQL only (platform/db.ts); PGlite runs statements as given.
describe.runIf(process.env.TEST_DATABASE_URL)('prepared statements (postgres)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp('postgres', { demo: false });
    await sql`create table prep_probe (a integer)`.execute(t.deps.db);
    await sql`insert into prep_probe values (1)`.execute(t.deps.db);
  });
  afterAll(() => t.close());

  const probe = () =>
    sql<Record<string, unknown>>`select * from prep_probe where a = ${1}`.execute(t.deps.db);

  it('a table changed under a prepared statement fails that request once, then works again', async () => {
    // Prepared on the connections the pool hands out.
    for (let i = 0; i < 12; i++) expect((await probe()).rows).toEqual([{ a: 1 }]);
    // What a newer process's migration does during a rolling upgrade.
    await sql`alter table prep_probe add column b integer default 2`.execute(t.deps.db);
    const outcomes: string[] = [];
    for (let i = 0; i < 12; i++) {
      try {
        outcomes.push(JSON.stringify((await probe()).rows));
      } catch (err) {
        outcomes.push((err as { code?: string }).code ?? 'error');
      }
    }
    // At most the first run fails with "cached plan must not change result type"; every later one
    // is prepared anew and sees the new column.
    expect(outcomes.slice(1).every((o) => o === '[{"a":1,"b":2}]')).toBe(true);
    expect(['0A000', '[{"a":1,"b":2}]']).toContain(outcomes[0]);
  });
});
