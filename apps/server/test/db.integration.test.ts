import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from './harness';

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
