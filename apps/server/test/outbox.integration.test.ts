import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enqueueLedgerReminders } from '../src/modules/ledger';
import { openDatabase, type DatabaseHandle, type Db } from '../src/platform/db';
import {
  backoffMs,
  deliverDue,
  enqueue,
  type NewOutboxMessage,
  type OutboxMessage,
  type OutboxTransport,
} from '../src/platform/outbox';
import { createTestApp, dbKinds, signIn, type Client, type TestApp } from './harness';

/**
 * The outbox (docs/outbox.md): a message exists only if its transaction commits; concurrent pollers
 * deliver each message once; failures are retried with backoff; ledger reminders are derived from
 * the recorded state, once per day / due date / quarter.
 */

const REGION = '350999';

function recorder(opts: { delayMs?: number; failIf?: (m: OutboxMessage) => boolean } = {}) {
  const sent: OutboxMessage[] = [];
  const transport: OutboxTransport = {
    name: 'test',
    send: async (m) => {
      if (opts.delayMs) await new Promise((r) => setTimeout(r, opts.delayMs));
      if (opts.failIf?.(m)) throw new Error('网关不可用');
      sent.push(m);
    },
  };
  return { sent, transport };
}

describe.each(dbKinds())('outbox and ledger reminders (%s)', (kind) => {
  let t: TestApp;
  let second: DatabaseHandle | undefined;
  let leader: Client;
  let clerk: Client;
  let supervisor: Client;
  beforeAll(async () => {
    t = await createTestApp(kind);
    leader = await signIn(t.app, 'leader');
    clerk = await signIn(t.app, 'clerk');
    supervisor = await signIn(t.app, 'supervisor');
    if (kind === 'postgres') {
      // A second process's pool: another connection pool on the same database.
      const name = (await sql<{ db: string }>`select current_database() as db`.execute(t.deps.db)).rows[0]!
        .db;
      const url = new URL(process.env.TEST_DATABASE_URL!);
      url.pathname = `/${name}`;
      second = await openDatabase({ url: url.toString() });
    }
  });
  afterAll(async () => {
    await second?.close();
    await t.close();
  });

  const msg = (key: string, extra: Partial<NewOutboxMessage> = {}): NewOutboxMessage => ({
    regionCode: REGION,
    kind: 'test.message',
    recipientUserId: clerk.user.id,
    subject: `测试 ${key}`,
    body: '测试消息',
    dedupeKey: key,
    availableAt: new Date(t.clock.now().getTime() - 1000),
    ...extra,
  });
  const byKey = (prefix: string) =>
    t.deps.db
      .selectFrom('outboxMessage')
      .selectAll()
      .where('dedupeKey', 'like', `${prefix}%`)
      .orderBy('dedupeKey')
      .execute();

  it('a message enqueued in a transaction that rolls back does not exist; a duplicate key is dropped', async () => {
    await expect(
      t.deps.db.transaction().execute(async (tx) => {
        expect(await enqueue(tx, msg('rollback:1'))).toBe(true);
        throw new Error('业务校验失败');
      }),
    ).rejects.toThrow('业务校验失败');
    expect(await byKey('rollback:')).toHaveLength(0);

    await t.deps.db.transaction().execute((tx) => enqueue(tx, msg('commit:1')));
    expect(await byKey('commit:')).toHaveLength(1);
    const again = await t.deps.db.transaction().execute((tx) => enqueue(tx, msg('commit:1')));
    expect(again).toBe(false);
    expect(await byKey('commit:')).toHaveLength(1);
  });

  it('two pollers claiming at once deliver every message exactly once', async () => {
    const keys = Array.from({ length: 40 }, (_, i) => `once:${i}`);
    await t.deps.db.transaction().execute(async (tx) => {
      for (const k of keys) await enqueue(tx, msg(k, { kind: 'test.once' }));
    });
    // Slow sends widen the window in which both hold claims.
    const a = recorder({ delayMs: 3 });
    const b = recorder({ delayMs: 3 });
    const drain = async (db: Db, transport: OutboxTransport) => {
      for (;;) {
        const r = await deliverDue({ db, clock: t.clock }, transport, { batchSize: 6 });
        if (r.claimed === 0) return;
      }
    };
    await Promise.all([
      drain(t.deps.db, a.transport),
      drain(second?.db ?? t.deps.db, b.transport),
      drain(t.deps.db, b.transport),
    ]);
    const delivered = [...a.sent, ...b.sent].filter((m) => m.kind === 'test.once').map((m) => m.dedupeKey);
    expect(delivered.sort()).toEqual([...keys].sort());
    expect(new Set(delivered).size).toBe(keys.length);
    const rows = await byKey('once:');
    expect(rows.every((r) => r.sentAt !== null && r.attempts === 0)).toBe(true);
    // Nothing left to claim.
    const c = recorder();
    await deliverDue(t.deps, c.transport);
    expect(c.sent.filter((m) => m.kind === 'test.once')).toHaveLength(0);
  });

  it('a failed delivery is retried after a backoff, and given up after the attempt limit', async () => {
    await t.deps.db.transaction().execute(async (tx) => {
      await enqueue(tx, msg('retry:flaky'));
      await enqueue(tx, msg('retry:dead'));
    });
    let flakyFails = true;
    const r = recorder({
      failIf: (m) => m.dedupeKey === 'retry:dead' || (m.dedupeKey === 'retry:flaky' && flakyFails),
    });
    const start = t.clock.now().getTime();
    await deliverDue(t.deps, r.transport, { maxAttempts: 3 });
    let [dead, flaky] = await byKey('retry:');
    expect(flaky!.dedupeKey).toBe('retry:flaky');
    expect(flaky).toMatchObject({ attempts: 1, sentAt: null, lastError: '网关不可用' });
    expect(new Date(flaky!.availableAt).getTime()).toBe(start + backoffMs(1));
    // Not due yet: not claimed again.
    await deliverDue(t.deps, r.transport, { maxAttempts: 3 });
    expect((await byKey('retry:flaky'))[0]!.attempts).toBe(1);
    // After the backoff it goes out.
    flakyFails = false;
    t.clock.advance(backoffMs(1));
    await deliverDue(t.deps, r.transport, { maxAttempts: 3 });
    [dead, flaky] = await byKey('retry:');
    expect(flaky!.sentAt).not.toBeNull();
    expect(r.sent.filter((m) => m.dedupeKey === 'retry:flaky')).toHaveLength(1);
    // The dead one: 1 min, then 2 min later, then it stops at the limit with its last error.
    expect(dead!.attempts).toBe(2);
    t.clock.advance(backoffMs(2));
    await deliverDue(t.deps, r.transport, { maxAttempts: 3 });
    t.clock.advance(backoffMs(3));
    await deliverDue(t.deps, r.transport, { maxAttempts: 3 });
    dead = (await byKey('retry:dead'))[0]!;
    expect(dead).toMatchObject({ attempts: 3, sentAt: null, lastError: '网关不可用' });
    expect(backoffMs(2)).toBe(2 * backoffMs(1));
    expect(backoffMs(30)).toBe(6 * 3600_000);
  });

  describe('ledger reminders', () => {
    // The test clock starts at 2026-11-20 10:00 in Shanghai.
    const at = (date: string) => new Date(`${date}T02:00:00Z`);
    const ids: Record<string, string> = {};
    beforeAll(async () => {
      const i = await leader.request('POST', '/api/ledger/inspections', {
        kind: 'special_supervision',
        team: '县政务服务监督组',
        inspectedUnit: '云溪县行政审批服务局',
      });
      const f = await leader.request('POST', `/api/ledger/inspections/${i.body.id}/findings`, {
        title: '提醒测试问题',
      });
      const add = async (name: string, body: Record<string, unknown>) => {
        const r = await leader.request('POST', `/api/ledger/findings/${f.body.id}/measures`, {
          content: `措施${name}`,
          ownerUserId: clerk.user.id,
          ...body,
        });
        expect(r.status, JSON.stringify(r.body)).toBe(201);
        ids[name] = r.body.id;
      };
      await add('dueIn3', { kind: 'deadline', dueDate: '2026-11-23' });
      await add('dueIn5', { kind: 'deadline', dueDate: '2026-11-25' });
      await add('dueToday', { kind: 'deadline', dueDate: '2026-11-20' });
      await add('overdue', { kind: 'deadline', dueDate: '2026-11-18' });
      await add('signedOff', { kind: 'deadline', dueDate: '2026-11-18' });
      await add('awaiting', { kind: 'deadline', dueDate: '2026-11-18' });
      await add('ongoing', { kind: 'ongoing' });
      await add('ongoingReported', { kind: 'ongoing' });
      await add('noOwner', { kind: 'deadline', dueDate: '2026-11-18', ownerUserId: null });
      const progress = (name: string, body: Record<string, unknown>) =>
        clerk.request('POST', `/api/ledger/measures/${ids[name]}/progress`, body);
      await progress('signedOff', {
        date: '2026-11-17',
        text: '已完成',
        evidenceText: '通报文件 云审〔2026〕9号',
        requestSignoff: true,
      });
      expect(
        (await supervisor.request('POST', `/api/ledger/measures/${ids.signedOff}/signoff`, {})).status,
      ).toBe(200);
      await progress('awaiting', {
        date: '2026-11-17',
        text: '已完成',
        evidenceText: '纪要',
        requestSignoff: true,
      });
      await progress('ongoingReported', { date: '2026-11-10', text: '本季度已按月分析' });
    });

    const remindersOf = async (name: string) =>
      (await byKey('ledger.measure.')).filter((m) => m.dedupeKey!.includes(ids[name]!));

    it('before the due date (N = 3 days), on it and after it; once per day; to the owner', async () => {
      const n = await enqueueLedgerReminders(t.deps, at('2026-11-20'));
      expect(n).toBeGreaterThan(0);
      const soon = await remindersOf('dueIn3');
      expect(soon).toHaveLength(1);
      expect(soon[0]).toMatchObject({
        kind: 'ledger.measure.due_soon',
        recipientUserId: clerk.user.id,
        regionCode: REGION,
        channel: 'site',
      });
      expect(soon[0]!.body).toContain('2026-11-23');
      expect(await remindersOf('dueIn5')).toHaveLength(0);
      expect((await remindersOf('dueToday')).map((m) => m.kind)).toEqual(['ledger.measure.due_today']);
      const overdue = await remindersOf('overdue');
      expect(overdue.map((m) => m.kind)).toEqual(['ledger.measure.overdue']);
      expect(overdue[0]!.subject).toContain('逾期 2 天');

      // The job runs every few minutes: the same day adds nothing.
      expect(await enqueueLedgerReminders(t.deps, at('2026-11-20'))).toBe(0);
      // The next day: another overdue reminder, the due-soon one is not repeated.
      await enqueueLedgerReminders(t.deps, at('2026-11-21'));
      expect(await remindersOf('overdue')).toHaveLength(2);
      expect(await remindersOf('dueIn3')).toHaveLength(1);
      // dueIn5 enters its window three days before.
      await enqueueLedgerReminders(t.deps, at('2026-11-22'));
      expect((await remindersOf('dueIn5')).map((m) => m.kind)).toEqual(['ledger.measure.due_soon']);
    });

    it('no reminder for signed-off measures, measures awaiting sign-off, or measures without an owner', async () => {
      await enqueueLedgerReminders(t.deps, at('2026-11-24'));
      expect(await remindersOf('signedOff')).toHaveLength(0);
      expect(await remindersOf('awaiting')).toHaveLength(0);
      expect(await remindersOf('noOwner')).toHaveLength(0);
    });

    it('长期坚持: one reminder per quarter while no progress is recorded in it', async () => {
      await enqueueLedgerReminders(t.deps, at('2026-11-20'));
      await enqueueLedgerReminders(t.deps, at('2026-12-15'));
      const q4 = await remindersOf('ongoing');
      expect(q4.map((m) => [m.kind, m.dedupeKey!.split(':').at(-1)])).toEqual([
        ['ledger.measure.quarterly', '2026Q4'],
      ]);
      // Progress recorded this quarter: no reminder.
      expect(await remindersOf('ongoingReported')).toHaveLength(0);
      // The next quarter: both are reminded again.
      await enqueueLedgerReminders(t.deps, at('2027-01-05'));
      expect((await remindersOf('ongoing')).map((m) => m.dedupeKey!.split(':').at(-1))).toEqual([
        '2026Q4',
        '2027Q1',
      ]);
      expect((await remindersOf('ongoingReported')).map((m) => m.dedupeKey!.split(':').at(-1))).toEqual([
        '2027Q1',
      ]);
    });

    it('the reminders go out through the poller once each', async () => {
      t.clock.set(at('2027-01-06'));
      const r = recorder();
      for (;;) if ((await deliverDue(t.deps, r.transport)).claimed === 0) break;
      const ours = (m: { dedupeKey: string | null }) =>
        Object.values(ids).some((id) => (m.dedupeKey ?? '').includes(id));
      const rows = (await byKey('ledger.measure.')).filter(ours);
      expect(rows.length).toBeGreaterThanOrEqual(8);
      expect(rows.every((m) => m.sentAt !== null)).toBe(true);
      expect(
        r.sent
          .filter(ours)
          .map((m) => m.id)
          .sort(),
      ).toEqual(rows.map((m) => m.id).sort());
    });
  });
});
