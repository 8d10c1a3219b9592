import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../src/modules/audit';
import { createTestApp, dbKinds, signIn, type TestApp } from './harness';

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

describe('npm run audit:verify', () => {
  it('TRUTH: exits 0 on an intact embedded database and 1 after tampering', async () => {
    const { mkdtempSync } = await import('node:fs');
    const os = await import('node:os');
    const dir = mkdtempSync(path.join(os.tmpdir(), 'tongban-verify-'));
    const { openDatabase } = await import('../src/platform/db');
    const { migrate } = await import('../src/platform/migrate');
    const { seedDemo } = await import('../src/demo/seed-demo');
    const { loadConfig } = await import('../src/platform/config');
    const { systemClock } = await import('../src/platform/clock');
    const h = await openDatabase({ dataDir: dir });
    await migrate(h.db);
    await seedDemo({
      db: h.db,
      dbKind: 'pglite',
      clock: systemClock,
      config: loadConfig({ DATA_DIR: dir }, []),
    });
    await h.close();
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
    // A middle entry of the county's chain: the next entry's link no longer matches.
    await sql`delete from audit_log where seq = (select min(seq) + 1 from audit_log where region_code = '350999')`.execute(
      h2.db,
    );
    await h2.close();
    const broken = run();
    expect(broken.code).toBe(1);
    expect(broken.out).toMatch(/审计链断裂/);
  });
});
