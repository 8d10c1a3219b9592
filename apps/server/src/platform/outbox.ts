import type { MessageParams } from '@tongban/contracts';
import type { Insertable, Selectable } from 'kysely';
import type { Clock } from './clock';
import type { Db, Executor } from './db';
import { fixedStatement } from './fixed-statement';
import type { OutboxMessageRow, OutboxMessageTable } from './db-types';

/**
 * The outbox (ARCHITECTURE.md "jobs"; docs/outbox.md). A service writes messages with `enqueue`
 * inside its own transaction, so a message exists only if the change that caused it commits. An
 * in-process poller claims due messages with `FOR UPDATE SKIP LOCKED`, hands each to a transport
 * and marks it sent in the same transaction: another process polling the same database skips rows
 * this one holds, so each message is delivered once. A failed delivery is retried with backoff.
 */

export type OutboxMessage = OutboxMessageRow;
export type OutboxChannel = Selectable<OutboxMessageTable>['channel'];

export type NewOutboxMessage = {
  regionCode: string;
  /** What it is about, e.g. `ledger.measure.overdue`. */
  kind: string;
  recipientUserId: string | null;
  /** An applicant (not a user) the channel message goes to: the adapter looks up the phone. */
  recipientApplicantId?: string | null;
  /** SEC-1: the case a channel message is about: the adapter sends to that case's own contact. */
  recipientCaseId?: string | null;
  channel?: OutboxChannel;
  subject: string;
  body: string;
  /** The facts subject and body were worded from (a site message's inbox item keeps them). */
  params?: MessageParams | null;
  /** A second message with the same key is dropped (jobs that run often send once). */
  dedupeKey?: string | null;
  /** Not before this instant (default: now). */
  availableAt?: Date;
  /** In-app path of the record it is about (site messages open it from the inbox). */
  link?: string | null;
};

/**
 * Delivers one message; throws to have it retried later. `db` is the transaction that holds the
 * claim: a transport that needs to read (a recipient's phone) reads through it — on the embedded
 * database, which has a single connection, any other read would wait for the claim to end.
 */
export type OutboxTransport = { name: string; send(msg: OutboxMessage, db: Executor): Promise<void> };

/**
 * What an SMS or e-mail gateway implements to plug into `channelTransport`. The gateway gets the
 * recipient's user id or applicant id; looking up the phone number or address (and SM4-decrypting
 * it: cases `getApplicantContact` for applicants) is its job.
 */
export type ChannelAdapter = {
  channel: OutboxChannel;
  deliver(msg: OutboxMessage, db: Executor): Promise<void>;
};

type LogSink = { info(obj: object, msg: string): void };

/** The default transport: one structured log line per message (until an inbox, SMS or e-mail exists). */
export function logTransport(log: LogSink): OutboxTransport {
  return {
    name: 'log',
    send: async (m) =>
      log.info(
        {
          outbox: {
            id: m.id,
            kind: m.kind,
            channel: m.channel,
            regionCode: m.regionCode,
            recipientUserId: m.recipientUserId,
            recipientApplicantId: m.recipientApplicantId,
            recipientCaseId: m.recipientCaseId,
            subject: m.subject,
            body: m.body,
            attempt: m.attempts + 1,
          },
        },
        'outbox message',
      ),
  };
}

/** Routes each message to the adapter of its channel; channels without one go to `fallback`. */
export function channelTransport(adapters: ChannelAdapter[], fallback: OutboxTransport): OutboxTransport {
  const by = new Map(adapters.map((a) => [a.channel, a]));
  return {
    name: `channels(${adapters.map((a) => a.channel).join(',')})`,
    send: (m, db) => by.get(m.channel)?.deliver(m, db) ?? fallback.send(m, db),
  };
}

/**
 * Writes a message in the caller's transaction. Returns false when a message with the same
 * dedupe key already exists (nothing written).
 */
export async function enqueue(tx: Executor, msg: NewOutboxMessage): Promise<boolean> {
  const rows = await enqueueBuilder(tx, outboxValues(msg)).returning('id').execute();
  return rows.length > 0;
}

/** The same write as a query, for a caller that sends its writes as one statement (executeWrites). */
export function enqueueWrite(tx: Executor, msg: NewOutboxMessage) {
  const values = outboxValues(msg);
  return fixedStatement('outbox.enqueue', [values], [], ([v]) => enqueueBuilder(tx, v as typeof values));
}

function outboxValues(msg: NewOutboxMessage): Insertable<OutboxMessageTable> {
  return {
    regionCode: msg.regionCode,
    kind: msg.kind,
    recipientUserId: msg.recipientUserId,
    recipientApplicantId: msg.recipientApplicantId ?? null,
    recipientCaseId: msg.recipientCaseId ?? null,
    channel: msg.channel ?? 'site',
    subject: msg.subject,
    body: msg.body,
    params: msg.params ? JSON.stringify(msg.params) : null,
    dedupeKey: msg.dedupeKey ?? null,
    link: msg.link ?? null,
    ...(msg.availableAt ? { availableAt: msg.availableAt } : {}),
  };
}

function enqueueBuilder(tx: Executor, values: Insertable<OutboxMessageTable>) {
  return (
    tx
      .insertInto('outboxMessage')
      .values(values)
      // The only unique key besides the primary key (a fresh uuid) is (region_code, dedupe_key), so
      // no target names exactly it: before migration 0040 the key was dedupe_key alone (ADR 0006).
      .onConflict((oc) => oc.doNothing())
  );
}

export type DeliveryOptions = { batchSize: number; maxAttempts: number; sendTimeoutMs: number };

export const OUTBOX_DEFAULTS: Readonly<DeliveryOptions> = {
  batchSize: 20,
  /** After this many failed attempts a message is left with its last error (about a day of retries). */
  maxAttempts: 10,
  /** A delivery that takes longer counts as failed (the claimed rows stay locked meanwhile). */
  sendTimeoutMs: 30_000,
};

/** Delay before the next attempt after `attempts` failures: 1, 2, 4 … minutes, at most 6 hours. */
export function backoffMs(attempts: number): number {
  return Math.min(60_000 * 2 ** Math.max(0, attempts - 1), 6 * 3600_000);
}

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`发送超时（${ms} 毫秒）`)), ms);
  });
  return Promise.race([p, timeout]).finally(() => clearTimeout(timer));
}

export type DeliverResult = { claimed: number; sent: number; failed: number };

/**
 * One round: claims up to `batchSize` due messages (skipping rows another process holds), sends
 * each, and records the outcome, all in one transaction. A crash between a send and the commit
 * sends that message again on the next round: delivery is at-least-once across crashes and
 * exactly-once across concurrent pollers.
 */
export async function deliverDue(
  deps: { db: Db; clock: Clock },
  transport: OutboxTransport,
  opts: Partial<DeliveryOptions> = {},
): Promise<DeliverResult> {
  const o = { ...OUTBOX_DEFAULTS, ...opts };
  const now = deps.clock.now();
  // ADR 0006: the poller serves every region. Which regions have messages due is one named
  // cross-region read without locks; claiming (FOR UPDATE, which Citus routes only to one shard)
  // and recording are per region.
  // Regions whose oldest due message waited longest come first.
  const due = await deps.db
    .selectFrom('outboxMessage')
    .select('regionCode')
    .where('sentAt', 'is', null)
    .where('availableAt', '<=', now)
    .where('attempts', '<', o.maxAttempts)
    .groupBy('regionCode')
    .orderBy((eb) => eb.fn.min('availableAt'))
    .orderBy('regionCode')
    .limit(o.batchSize)
    .execute();
  const total: DeliverResult = { claimed: 0, sent: 0, failed: 0 };
  for (const { regionCode } of due) {
    if (total.claimed >= o.batchSize) break;
    const r = await deliverDueIn(deps, transport, regionCode, {
      ...o,
      batchSize: o.batchSize - total.claimed,
    });
    total.claimed += r.claimed;
    total.sent += r.sent;
    total.failed += r.failed;
  }
  return total;
}

/** deliverDue for one region: one transaction, statements that name the region. */
async function deliverDueIn(
  deps: { db: Db; clock: Clock },
  transport: OutboxTransport,
  regionCode: string,
  o: DeliveryOptions,
): Promise<DeliverResult> {
  return deps.db.transaction().execute(async (tx) => {
    const now = deps.clock.now();
    const claimed = await tx
      .selectFrom('outboxMessage')
      .selectAll()
      .where('regionCode', '=', regionCode)
      .where('sentAt', 'is', null)
      .where('availableAt', '<=', now)
      .where('attempts', '<', o.maxAttempts)
      .orderBy('availableAt')
      .orderBy('createdAt')
      .limit(o.batchSize)
      .forUpdate()
      .skipLocked()
      .execute();
    const sent: string[] = [];
    let failed = 0;
    for (const m of claimed) {
      try {
        await withTimeout(transport.send(m, tx), o.sendTimeoutMs);
        sent.push(m.id);
      } catch (err) {
        const attempts = m.attempts + 1;
        await tx
          .updateTable('outboxMessage')
          .set({
            attempts,
            availableAt: new Date(deps.clock.now().getTime() + backoffMs(attempts)),
            lastError: (err instanceof Error ? err.message : String(err)).slice(0, 2000),
          })
          .where('regionCode', '=', regionCode)
          .where('id', '=', m.id)
          .execute();
        failed++;
      }
    }
    // The sent ones in one statement: a busy hall sends hundreds a minute.
    if (sent.length > 0)
      await tx
        .updateTable('outboxMessage')
        .set({ sentAt: deps.clock.now(), lastError: null })
        .where('regionCode', '=', regionCode)
        .where('id', 'in', sent)
        .execute();
    return { claimed: claimed.length, sent: sent.length, failed };
  });
}

/** A periodic task the poller runs between deliveries (e.g. ledger reminders). */
export type OutboxJob = { name: string; everyMs: number; run(now: Date): Promise<unknown> };

export type PollerOptions = Partial<DeliveryOptions> & {
  transport: OutboxTransport;
  /** Pause between rounds when nothing was due. */
  intervalMs?: number;
  jobs?: OutboxJob[];
  log?: { error(obj: object, msg: string): void };
};

/**
 * Starts the in-process loop (main.ts; tests call `deliverDue` and the jobs directly): each round
 * runs the jobs that are due, then delivers until the queue is drained. Rounds never overlap;
 * `stop()` waits for the current one. Jobs run in every process: their messages carry dedupe keys.
 */
export function startOutboxPoller(
  deps: { db: Db; clock: Clock },
  opts: PollerOptions,
): { stop(): Promise<void> } {
  const intervalMs = opts.intervalMs ?? 5_000;
  const lastRun = new Map<string, number>();
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let current: Promise<void> = Promise.resolve();

  const round = async () => {
    const now = deps.clock.now();
    for (const job of opts.jobs ?? []) {
      if (stopped) return;
      if (now.getTime() - (lastRun.get(job.name) ?? -Infinity) < job.everyMs) continue;
      lastRun.set(job.name, now.getTime());
      try {
        await job.run(now);
      } catch (err) {
        opts.log?.error({ err, job: job.name }, 'outbox job failed');
      }
    }
    // Drain: a full batch means more may be waiting.
    for (;;) {
      if (stopped) return;
      const r = await deliverDue(deps, opts.transport, opts);
      if (r.claimed < (opts.batchSize ?? OUTBOX_DEFAULTS.batchSize)) return;
    }
  };
  const schedule = () => {
    if (stopped) return;
    timer = setTimeout(() => {
      current = round()
        .catch((err: unknown) => opts.log?.error({ err }, 'outbox round failed'))
        .finally(schedule);
    }, intervalMs);
    timer.unref();
  };
  schedule();
  return {
    stop: async () => {
      stopped = true;
      clearTimeout(timer);
      await current;
    },
  };
}
