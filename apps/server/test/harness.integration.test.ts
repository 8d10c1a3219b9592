import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, dbKinds, signIn, type TestApp } from './harness';

/** Every table's row count, and what the demo's cases came to: identical whichever way it was seeded. */
async function snapshot(t: TestApp) {
  const tables = await sql<{ name: string }>`
    select table_name as name from information_schema.tables
    where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`.execute(t.deps.db);
  const counts: Record<string, number> = {};
  for (const { name } of tables.rows)
    counts[name] = (
      await sql<{ n: number }>`select count(*)::int as n from ${sql.table(name)}`.execute(t.deps.db)
    ).rows[0]!.n;
  // An entity's audit lane follows from its id (docs/adr/0002), and most ids are random: how many of
  // the 128 lanes per region the seed touches differs from one seeding to the next.
  delete counts.audit_head;
  const cases = await t.deps.db
    .selectFrom('serviceCase')
    .select(['caseNo', 'status', 'receivedAt'])
    .orderBy('caseNo')
    .execute();
  return { counts, cases };
}

// Integration databases are copies of a template migrated and seeded once per run (templates.ts).
describe.each(dbKinds())('test databases from the template (%s)', (kind) => {
  let copy: TestApp;
  let other: TestApp;
  beforeAll(async () => {
    [copy, other] = [await createTestApp(kind), await createTestApp(kind)];
  });
  afterAll(async () => {
    await copy.close();
    await other.close();
  });

  // Seeds a database of its own the slow way: a generous limit for a loaded machine (not a timing check).
  it('a copy holds what migrating and seeding at the same clock gives', { timeout: 240_000 }, async () => {
    const fresh = await createTestApp(kind, { template: false });
    try {
      const [a, b] = [await snapshot(copy), await snapshot(fresh)];
      expect(a.counts.service_case).toBeGreaterThan(0);
      expect(a).toEqual(b);
      // The demo passwords and encrypted identity numbers work on the copy (same keys as the seed).
      const clerk = await signIn(copy.app, 'clerk');
      const list = await clerk.request('GET', '/api/cases');
      expect(list.status).toBe(200);
    } finally {
      await fresh.close();
    }
  });

  it('copies are independent: a change in one is not seen by another', async () => {
    await sql`delete from national_day`.execute(copy.deps.db);
    const left = await sql<{ n: number }>`select count(*)::int as n from national_day`.execute(other.deps.db);
    expect(left.rows[0]!.n).toBeGreaterThan(0);
  });

  it('demo: false gives the migrated database with the national days and no demo', async () => {
    const bare = await createTestApp(kind, { demo: false });
    try {
      const { counts } = await snapshot(bare);
      expect(counts.region).toBe(0);
      expect(counts.national_day).toBeGreaterThan(0);
    } finally {
      await bare.close();
    }
  });
});
