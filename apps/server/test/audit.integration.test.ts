import path from 'node:path';
import { AuditCheckpointExport } from '@tongban/contracts';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../src/modules/audit';
import { auditCheckpointCommand, auditVerifyCommand } from '../src/modules/audit/audit-commands';
import { SYSTEM_ACTOR } from '../src/platform/access';
import { runCommand } from '../src/platform/command';
import { createDemoDataDir, createTestApp, dbKinds, signIn, type TestApp } from './harness';
import { asOwner } from './tamper';

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

  it('ADR 0006: the audit list pages by time (seq numbers one chain only); a made-up cursor is a 400', async () => {
    const supervisor = await signIn(t.app, 'supervisor');
    type Item = { at: string; cursor: string; regionCode: string; lane: number; seq: number };
    const first = await supervisor.request('GET', '/api/audit?limit=5');
    expect(first.status).toBe(200);
    const page1 = first.body.items as Item[];
    expect(page1).toHaveLength(5);
    const next = await supervisor.request(
      'GET',
      `/api/audit?limit=5&before=${encodeURIComponent(page1.at(-1)!.cursor)}`,
    );
    expect(next.status).toBe(200);
    const page2 = next.body.items as Item[];
    expect(page2).toHaveLength(5);
    const both = [...page1, ...page2];
    // Newest first, no entry twice, the second page wholly after the first.
    expect(new Set(both.map((i) => i.cursor)).size).toBe(10);
    for (let i = 1; i < both.length; i++) expect(both[i]!.at <= both[i - 1]!.at).toBe(true);
    for (const bad of ['12', '2026-13-45T99:00:00.000Z~350999~1~2', "x'~1~2~3"]) {
      const r = await supervisor.request('GET', `/api/audit?before=${encodeURIComponent(bad)}`);
      expect(r.status).toBe(400);
      expect(r.body.message).toMatch(/分页位置无效/);
    }
  });

  it('TRUTH: verify passes on an untouched chain and finds a row changed behind the application', async () => {
    expect((await verifyAuditChain(t.deps.db)).ok).toBe(true);
    const victim = await t.deps.db
      .selectFrom('auditLog')
      .select(['regionCode', 'lane', 'seq'])
      .where('action', '=', 'org.department.create')
      .orderBy('at')
      .executeTakeFirstOrThrow();
    // seq numbers one chain (ADR 0006): an entry is its chain and its seq.
    const tamper = sql`update audit_log set summary = '{"name":"篡改"}'::jsonb
      where region_code = ${victim.regionCode} and lane = ${victim.lane} and seq = ${victim.seq}`;
    // The table refuses the change (TRUTH-1); someone with the owner's rights turns the trigger off.
    await expect(tamper.execute(t.deps.db)).rejects.toThrow(/append-only/);
    await asOwner(t.deps.db, (tx) => tamper.execute(tx));
    const r = await verifyAuditChain(t.deps.db);
    expect(r.ok).toBe(false);
    expect(r.firstBreak).toMatchObject({ ...victim, reason: 'hash_mismatch' });
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
        runCommand(t.deps, SYSTEM_ACTOR, async () => ({
          result: undefined,
          audit: {
            action: 'test',
            entityType: 'test',
            entityId: `e${i % 2}`,
            regionCode: '350999',
            summary: { i },
          },
        })),
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
      // ADR 0006: entries are numbered per chain, 1, 2, 3… (no global counter), without gaps even
      // with concurrent writers, since each takes its number under the chain's lock.
      expect(chain.map((r) => r.seq)).toEqual(chain.map((_, i) => i + 1));
      // The head of the lane is its newest entry, and carries its seq.
      const head = await t.deps.db
        .selectFrom('auditHead')
        .selectAll()
        .where('regionCode', '=', '350999')
        .where('lane', '=', lane)
        .executeTakeFirstOrThrow();
      expect(head.hash).toBe(prev);
      expect(head.seq).toBe(chain.length);
    }
    const v = await verifyAuditChain(t.deps.db);
    expect(v.ok).toBe(true);
    expect(v.chains).toBeGreaterThan(1);
  });
});

describe('npm run audit:verify and audit:checkpoint', () => {
  it('TRUTH-1: exits 0 on an intact embedded database; 1 naming a broken link and, against an exported copy, a truncation', async () => {
    const { mkdtempSync, readFileSync } = await import('node:fs');
    const os = await import('node:os');
    const dir = mkdtempSync(path.join(os.tmpdir(), 'tongban-verify-'));
    const { openDatabase } = await import('../src/platform/db');
    // The migrated, seeded template as an embedded database directory, for the CLI to open.
    await createDemoDataDir(dir);
    // The commands as `npm run audit:checkpoint` / `audit:verify` run them (their .cli.ts files
    // only pass argv, the environment and the console), in this process: each spawned tsx cost
    // seconds of compiling.
    const env = { ...process.env, DATA_DIR: dir, DATABASE_URL: '' };
    const run = async (cli: 'audit-checkpoint' | 'audit-verify', ...args: string[]) => {
      const lines: string[] = [];
      const io = { out: (l: string) => lines.push(l), err: (l: string) => lines.push(l) };
      const command = cli === 'audit-checkpoint' ? auditCheckpointCommand : auditVerifyCommand;
      const code = await command(args, env, io);
      return { code, out: lines.join('\n') };
    };
    const exported = path.join(dir, 'checkpoints.json');
    const cp = await run('audit-checkpoint', '--export', exported);
    expect(cp.code, cp.out).toBe(0);
    expect(cp.out).toMatch(/已写入检查点/);
    const file = AuditCheckpointExport.parse(JSON.parse(readFileSync(exported, 'utf8')));
    expect(file.checkpoints.length).toBeGreaterThan(0);
    const ok = await run('audit-verify', '--checkpoints', exported);
    expect(ok.code, ok.out).toBe(0);
    expect(ok.out).toMatch(/审计链完整/);

    const h2 = await openDatabase({ dataDir: dir });
    const chains = (
      await sql<{ lane: number; seqs: number[] }>`
        select lane, array_agg(seq order by seq) as seqs from audit_log where region_code = '350999'
        group by lane having count(*) >= 3 order by count(*) desc, lane`.execute(h2.db)
    ).rows;
    const [cut, broken] = [chains[0]!, chains[1]!];
    await asOwner(h2.db, async (tx) => {
      // The newest entry of one chain, its head moved back and its checkpoints removed: nothing in
      // the database shows it any more; the exported copy does.
      const inCut = sql`region_code = '350999' and lane = ${cut.lane}`;
      await sql`delete from audit_log where ${inCut} and seq = ${cut.seqs.at(-1)}`.execute(tx);
      await sql`update audit_head set hash = (select hash from audit_log where ${inCut} and seq = ${cut.seqs.at(-2)})
        where ${inCut}`.execute(tx);
      await sql`delete from audit_checkpoint where region_code = '350999' and lane = ${cut.lane}`.execute(tx);
      // A middle entry of another chain: the next entry's link no longer matches.
      await sql`delete from audit_log
        where region_code = '350999' and lane = ${broken.lane} and seq = ${broken.seqs[1]}`.execute(tx);
    });
    await h2.close();
    const bad = await run('audit-verify', '--checkpoints', exported);
    expect(bad.code).toBe(1);
    expect(bad.out).toContain(`审计链断裂：区划 350999 第 ${broken.lane} 链 序号 ${broken.seqs[2]}`);
    expect(bad.out).toContain(`审计链被截断：区划 350999 第 ${cut.lane} 链 现有 ${cut.seqs.length - 1} 条`);
    expect(bad.out).toContain(`检查点缺失：区划 350999 第 ${cut.lane} 链`);
  });
});
