import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, dbKinds, readyTemplates, signIn, type TestApp } from './harness';
import { demoSnapshot } from './templates';

const snapshot = (t: TestApp) => demoSnapshot(t.deps.db);

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

  // The template's own record of the seeded database, taken before it was dumped (PGlite) or closed
  // (PostgreSQL): the copy must hold exactly that.
  it('a copy holds what migrating and seeding at the template clock gave', async () => {
    const seeded = (await readyTemplates())?.seeded[kind];
    expect(seeded).not.toBeNull();
    const a = await snapshot(copy);
    expect(a.counts.service_case).toBeGreaterThan(0);
    expect(a).toEqual(seeded);
    // The demo passwords and encrypted identity numbers work on the copy (same keys as the seed).
    const clerk = await signIn(copy.app, 'clerk');
    const list = await clerk.request('GET', '/api/cases');
    expect(list.status).toBe(200);
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
