import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendAudit, verifyAuditChain } from '../src/modules/audit';
import { SYSTEM_ACTOR } from '../src/platform/access';
import { createDemoDataDir, createTestApp, dbKinds, signIn, type TestApp } from './harness';

describe.each(dbKinds())('audit chain (%s)', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(kind);
  });
  afterAll(() => t.close());

  it('every mutation appends an entry with actor, action, entity, summary and client address', async () => {
    const admin = await signIn(t.app, 'admin');
    const r = await admin.request('POST', '/api/org/departments', {
      regionCode: '350999',
      name: '云溪县医疗保障局',
      shortName: '医保',
    });
    expect(r.status).toBe(201);
    const entry = await t.deps.db
      .selectFrom('auditLog')
      .selectAll()
      .where('entityId', '=', r.body.id)
      .executeTakeFirstOrThrow();
    expect(entry).toMatchObject({
      action: 'org.department.create',
      entityType: 'department',
      regionCode: '350999',
      actorName: '系统管理员',
    });
    expect(entry.summary).toMatchObject({ name: '云溪县医疗保障局' });
    expect(entry.clientIp).toBe('127.0.0.1');
  });

  it('TRUTH: verify passes on an untouched chain and finds a row changed behind the application', async () => {
    expect((await verifyAuditChain(t.deps.db)).ok).toBe(true);
    const victim = await t.deps.db
      .selectFrom('auditLog')
      .select('seq')
      .where('action', '=', 'org.department.create')
      .orderBy('seq')
      .executeTakeFirstOrThrow();
    await sql`update audit_log set summary = '{"name":"篡改"}'::jsonb where seq = ${victim.seq}`.execute(
      t.deps.db,
    );
    const r = await verifyAuditChain(t.deps.db);
    expect(r.ok).toBe(false);
    expect(r.firstBreak).toMatchObject({ seq: victim.seq, reason: 'hash_mismatch' });
  });
});

describe.each(dbKinds())('audit chain lanes (%s)', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(kind);
  });
  afterAll(() => t.close());

  it('TRUTH: concurrent changes each join their lane; every chain links in order (docs/adr/0002)', async () => {
    // Two entities × 10 entries, written by 20 concurrent transactions.
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        t.deps.db.transaction().execute((tx) =>
          appendAudit(
            tx,
            SYSTEM_ACTOR,
            {
              action: 'test',
              entityType: 'test',
              entityId: `e${i % 2}`,
              regionCode: '350999',
              summary: { i },
            },
            new Date(),
          ),
        ),
      ),
    );
    const mine = await t.deps.db
      .selectFrom('auditLog')
      .select(['entityId', 'lane'])
      .where('action', '=', 'test')
      .execute();
    expect(mine).toHaveLength(20);
    for (const id of ['e0', 'e1']) {
      const lanes = new Set(mine.filter((r) => r.entityId === id).map((r) => r.lane));
      // One entity, one lane: its history is one chain.
      expect(lanes.size).toBe(1);
      const lane = [...lanes][0]!;
      const chain = await t.deps.db
        .selectFrom('auditLog')
        .select(['seq', 'prevHash', 'hash'])
        .where('regionCode', '=', '350999')
        .where('lane', '=', lane)
        .orderBy('seq')
        .execute();
      let prev = '0'.repeat(64);
      for (const r of chain) {
        expect(r.prevHash).toBe(prev);
        prev = r.hash;
      }
      // The head of the lane is its newest entry.
      const head = await t.deps.db
        .selectFrom('auditHead')
        .selectAll()
        .where('regionCode', '=', '350999')
        .where('lane', '=', lane)
        .executeTakeFirstOrThrow();
      expect(head.hash).toBe(prev);
    }
    const v = await verifyAuditChain(t.deps.db);
    expect(v.ok).toBe(true);
    expect(v.chains).toBeGreaterThan(1);
  });
});

describe('npm run audit:verify', () => {
  it('TRUTH: exits 0 on an intact embedded database and 1 after tampering', async () => {
    const { mkdtempSync } = await import('node:fs');
    const os = await import('node:os');
    const dir = mkdtempSync(path.join(os.tmpdir(), 'tongban-verify-'));
    const { openDatabase } = await import('../src/platform/db');
    await createDemoDataDir(dir);
    const root = path.resolve(import.meta.dirname, '../../..');
    const run = () => {
      try {
        return {
          code: 0,
          out: execFileSync('npx', ['tsx', 'apps/server/src/modules/audit/audit-verify.cli.ts'], {
            cwd: root,
            env: { ...process.env, DATA_DIR: dir, DATABASE_URL: '' },
            encoding: 'utf8',
            stdio: 'pipe',
          }),
        };
      } catch (e) {
        const err = e as { status: number; stderr: string };
        return { code: err.status, out: err.stderr };
      }
    };
    const ok = run();
    expect(ok.code).toBe(0);
    expect(ok.out).toMatch(/审计链完整/);
    const h2 = await openDatabase({ dataDir: dir });
    // A middle entry of one of the county's chains: the next entry's link no longer matches.
    await sql`delete from audit_log where seq = (
      select min(a.seq) from audit_log a where a.region_code = '350999' and exists (
        select 1 from audit_log b where b.region_code = a.region_code and b.lane = a.lane and b.seq > a.seq))`.execute(
      h2.db,
    );
    await h2.close();
    const broken = run();
    expect(broken.code).toBe(1);
    expect(broken.out).toMatch(/审计链断裂/);
  });
});
