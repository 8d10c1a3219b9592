import { AuditCheckpointExport } from '@tongban/contracts';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditCheckpointJob, checkpointKey, exportCheckpoints, writeCheckpoints } from '../src/modules/audit';
import { checkpointSignatureValid, GENESIS_HASH } from '../src/modules/audit/audit.policy';
import { runAuditVerify } from '../src/modules/audit/audit-verify';
import type { Db } from '../src/platform/db';
import { createTestApp, dbKinds, signIn, type TestApp } from './harness';
import { asOwner } from './tamper';

// Issue 12 point 5 (TRUTH-1): the audit record is append-only in the database, chain heads are
// anchored by signed checkpoints (also kept outside the database), and audit:verify reports
// truncation, missing chains and case rows that disagree with their events.

type Chain = { regionCode: string; lane: number; seqs: number[] };

/** The county's chains with at least `n` entries, each with its entries' seqs in order. */
async function chainsWithAtLeast(db: Db, n: number): Promise<Chain[]> {
  const r = await sql<Chain>`
    select region_code, lane, array_agg(seq order by seq) as seqs from audit_log
    where region_code = '350999' group by region_code, lane having count(*) >= ${n} order by lane`.execute(
    db,
  );
  return r.rows.map((c) => ({ ...c, seqs: c.seqs.map(Number) }));
}

/** The chain as it is now (others' tests append entries, e.g. by signing in). */
async function current(db: Db, chain: Chain): Promise<Chain> {
  const rows = await db
    .selectFrom('auditLog')
    .select('seq')
    .where('regionCode', '=', chain.regionCode)
    .where('lane', '=', chain.lane)
    .orderBy('seq')
    .execute();
  return { ...chain, seqs: rows.map((r) => r.seq) };
}

/** What an attacker with the owner's rights does: removes the newest `k` entries and moves the head back. */
async function cutTail(db: Db, chain: Chain, k: number) {
  await asOwner(db, async (tx) => {
    await tx
      .deleteFrom('auditLog')
      .where('regionCode', '=', chain.regionCode)
      .where('lane', '=', chain.lane)
      .where('seq', 'in', chain.seqs.slice(-k))
      .execute();
    const last = await tx
      .selectFrom('auditLog')
      .select('hash')
      .where('regionCode', '=', chain.regionCode)
      .where('lane', '=', chain.lane)
      .orderBy('seq', 'desc')
      .executeTakeFirst();
    await tx
      .updateTable('auditHead')
      .set({ hash: last?.hash ?? GENESIS_HASH })
      .where('regionCode', '=', chain.regionCode)
      .where('lane', '=', chain.lane)
      .execute();
  });
}

describe.each(dbKinds())('audit checkpoints and audit:verify (%s)', (kind) => {
  let t: TestApp;
  let key: string;
  const verify = (external?: AuditCheckpointExport) =>
    runAuditVerify(t.deps.db, {
      checkpointKey: key,
      ...(external ? { external: external.checkpoints } : {}),
    });
  const checkpointAll = () => auditCheckpointJob(t.deps).run(t.clock.now());
  // Each tampering test takes a chain of its own, so the others' damage does not hide its finding.
  let chains: Chain[];
  beforeAll(async () => {
    t = await createTestApp(kind);
    key = checkpointKey(t.deps.config.secrets.lookupKey);
    chains = await chainsWithAtLeast(t.deps.db, 3);
  });
  afterAll(() => t.close());

  it('TRUTH-1: audit_log, audit_head and audit_checkpoint refuse UPDATE, DELETE and TRUNCATE', async () => {
    const db = t.deps.db;
    await checkpointAll();
    const count = async () =>
      (await sql<{ n: number }>`select count(*)::int as n from audit_log`.execute(db)).rows[0]!.n;
    const before = await count();
    const [c] = chains;
    const entry = db.updateTable('auditLog').where('regionCode', '=', '350999').where('lane', '=', c!.lane);
    await expect(entry.set({ action: 'x' }).where('seq', '=', c!.seqs[0]!).execute()).rejects.toThrow(
      /append-only/,
    );
    await expect(
      db.deleteFrom('auditLog').where('lane', '=', c!.lane).where('seq', '=', c!.seqs[0]!).execute(),
    ).rejects.toThrow(/append-only/);
    await expect(sql`truncate audit_log`.execute(db)).rejects.toThrow(/append-only/);
    // The head moves forward with each entry, but is never removed, moved to another chain or reset.
    const head = db.updateTable('auditHead').where('regionCode', '=', '350999').where('lane', '=', c!.lane);
    await expect(head.set({ hash: GENESIS_HASH }).execute()).rejects.toThrow(/audit_head/);
    await expect(head.set({ lane: 999 }).execute()).rejects.toThrow(/audit_head/);
    // …nor set back in seq (ADR 0006: the head carries the chain's last seq).
    await expect(head.set({ seq: 0 }).execute()).rejects.toThrow(/audit_head/);
    await expect(db.deleteFrom('auditHead').execute()).rejects.toThrow(/append-only/);
    await expect(sql`truncate audit_head`.execute(db)).rejects.toThrow(/append-only/);
    await expect(db.updateTable('auditCheckpoint').set({ entries: 1 }).execute()).rejects.toThrow(
      /append-only/,
    );
    await expect(db.deleteFrom('auditCheckpoint').execute()).rejects.toThrow(/append-only/);
    await expect(sql`truncate audit_checkpoint`.execute(db)).rejects.toThrow(/append-only/);
    expect(await count()).toBe(before);
  });

  it('TRUTH-1: untouched demo data passes: chains, their checkpoints and every case row', async () => {
    expect(chains.length).toBeGreaterThanOrEqual(4);
    // The hourly job: a chain that has not grown gets no second checkpoint.
    const again = await writeCheckpoints(t.deps.db, key, '%', t.clock.now());
    expect(again.chains).toBeGreaterThan(chains.length);
    expect(again.written).toBe(0);
    const r = await verify();
    expect(r.problems).toEqual([]);
    expect(r.ok).toBe(true);
    expect(r.chain.checkpoints).toBe(again.chains);
    expect(r.cases).toBeGreaterThan(10);
    expect(r.lines).toEqual([
      expect.stringMatching(/^审计链完整：.*与 \d+ 个检查点相符；\d+ 件办件与其事件一致$/),
    ]);
  });

  it('TRUTH-1: POST /api/audit/checkpoints signs the region’s heads; GET exports them for a copy outside', async () => {
    const supervisor = await signIn(t.app, 'supervisor');
    const w = await supervisor.request('POST', '/api/audit/checkpoints', {});
    expect(w.status, JSON.stringify(w.body)).toBe(200);
    expect(w.body.chains).toBeGreaterThan(0);
    // Signing in added entries since the job ran: those chains get a new checkpoint.
    expect(w.body.written).toBeGreaterThan(0);
    const inspector = await signIn(t.app, 'inspector');
    expect((await inspector.request('POST', '/api/audit/checkpoints', {})).status).toBe(403);
    const e = await inspector.request('GET', '/api/audit/checkpoints');
    expect(e.status).toBe(200);
    const file = AuditCheckpointExport.parse(e.body);
    expect(file.checkpoints.length).toBeGreaterThan(0);
    for (const c of file.checkpoints) {
      expect(c.regionCode.startsWith('350999')).toBe(true);
      expect(checkpointSignatureValid(key, { ...c, at: new Date(c.at) })).toBe(true);
    }
    // The request itself is audited.
    const entry = await t.deps.db
      .selectFrom('auditLog')
      .selectAll()
      .where('action', '=', 'audit.checkpoint')
      .executeTakeFirstOrThrow();
    expect(entry.actorName).toBe('杨静怡');
    expect((await verify()).ok).toBe(true);
  });

  it('TRUTH-1: the newest entries of a chain cut off (head moved back too) → truncation, naming the chain', async () => {
    await checkpointAll();
    const a = await current(t.deps.db, chains[0]!);
    await cutTail(t.deps.db, a, 2);
    const r = await verify();
    expect(r.ok).toBe(false);
    expect(r.problems).toContainEqual(
      expect.objectContaining({
        kind: 'truncated',
        regionCode: '350999',
        lane: a.lane,
        entries: a.seqs.length - 2,
        checkpoint: expect.objectContaining({ entries: a.seqs.length, lastSeq: a.seqs.at(-1) }),
      }),
    );
    expect(r.lines).toContainEqual(
      expect.stringContaining(`审计链被截断：区划 350999 第 ${a.lane} 链 现有 ${a.seqs.length - 2} 条`),
    );
  });

  it('TRUTH-1: a whole chain deleted (entries and head) → reported missing', async () => {
    const b = chains[1]!;
    await asOwner(t.deps.db, async (tx) => {
      await tx.deleteFrom('auditLog').where('regionCode', '=', '350999').where('lane', '=', b.lane).execute();
      await tx
        .deleteFrom('auditHead')
        .where('regionCode', '=', '350999')
        .where('lane', '=', b.lane)
        .execute();
    });
    const r = await verify();
    expect(r.ok).toBe(false);
    expect(r.problems).toContainEqual(
      expect.objectContaining({ kind: 'chain_missing', regionCode: '350999', lane: b.lane }),
    );
    expect(r.lines).toContainEqual(
      expect.stringContaining(`审计链缺失：区划 350999 第 ${b.lane} 链 已无任何记录`),
    );
  });

  it('TRUTH-1: service_case.status edited directly → the case is named by id, without personal data', async () => {
    const victim = await t.deps.db
      .selectFrom('serviceCase as c')
      .innerJoin('applicant as a', 'a.id', 'c.applicantId')
      .select(['c.id', 'c.caseNo', 'c.status', 'a.name'])
      .where('c.status', '=', 'accepted')
      .executeTakeFirstOrThrow();
    // No trigger protects the projection: it is the events that are the record.
    await sql`update service_case set status = 'delivered' where id = ${victim.id}`.execute(t.deps.db);
    const r = await verify();
    expect(r.ok).toBe(false);
    expect(r.problems).toContainEqual({
      kind: 'case_projection',
      caseId: victim.id,
      caseNo: victim.caseNo,
      fields: ['status'],
      status: ['delivered', 'accepted'],
    });
    const line = r.lines.find((l) => l.includes(victim.id))!;
    expect(line).toMatch(/^办件记录与事件不符：/);
    expect(line).not.toContain(victim.name);
  });

  it('TRUTH-1: an exported copy still catches a truncation after the checkpoints in the table were deleted', async () => {
    await checkpointAll();
    // Through JSON, as the file kept outside the database.
    const file = AuditCheckpointExport.parse(
      JSON.parse(JSON.stringify(await exportCheckpoints(t.deps.db, '%', t.clock.now()))),
    );
    const c = await current(t.deps.db, chains[2]!);
    await cutTail(t.deps.db, c, 1);
    await asOwner(t.deps.db, (tx) =>
      tx
        .deleteFrom('auditCheckpoint')
        .where('regionCode', '=', '350999')
        .where('lane', '=', c.lane)
        .execute(),
    );
    const mine = (ps: { kind: string; lane?: number; regionCode?: string }[]) =>
      ps.filter((p) => p.regionCode === '350999' && p.lane === c.lane);
    // With its own checkpoints gone, the database alone no longer shows it…
    expect(mine((await verify()).problems)).toEqual([]);
    // …the copy outside does.
    const r = await verify(file);
    expect(r.ok).toBe(false);
    expect(mine(r.problems).map((p) => p.kind)).toEqual(['checkpoint_missing', 'truncated']);
    expect(r.lines).toContainEqual(
      expect.stringMatching(new RegExp(`^审计链被截断：区划 350999 第 ${c.lane} 链 .*外部副本中`)),
    );
  });

  it('TRUTH-1: a checkpoint written with SQL alone (no key) is reported forged and not trusted', async () => {
    const d = await current(t.deps.db, chains[3]!);
    await t.deps.db
      .insertInto('auditCheckpoint')
      .values({
        regionCode: '350999',
        lane: d.lane,
        entries: d.seqs.length + 100,
        lastSeq: d.seqs.at(-1)! + 100,
        headHash: 'f'.repeat(64),
        at: t.clock.now(),
        signature: 'e'.repeat(64),
      })
      .execute();
    const r = await verify();
    const mine = r.problems.filter((p) => 'lane' in p && p.regionCode === '350999' && p.lane === d.lane);
    expect(mine.map((p) => p.kind)).toEqual(['checkpoint_forged']);
    expect(r.lines).toContainEqual(expect.stringContaining(`检查点签名无效：区划 350999 第 ${d.lane} 链`));
  });
});
