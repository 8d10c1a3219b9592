import { appendAudit, type AuditInput } from '../modules/audit';
import { deliverAllToInbox, type InboxDelivery } from '../modules/inbox';
import type { Actor } from './access';
import type { Deps } from './app-types';
import { executeWrites, type Tx } from './db';
import { enqueue, enqueueWrite, type NewOutboxMessage } from './outbox';
import type { Compilable } from 'kysely';

/** What a use case's change carries with it: its audit entries, its messages, its to-dos. */
export type CommandEffects = {
  audit?: AuditInput | readonly AuditInput[] | null;
  /** Messages that leave after commit (SMS, e-mail) through the outbox poller. */
  outbox?: readonly NewOutboxMessage[];
  /** Items in people's inboxes, written with the change. */
  inbox?: readonly InboxDelivery[];
  /**
   * The change's last writes, for a change that has already locked what it writes (its audit
   * chains too: its audit entries are among them, and `audit` is then null). They go with the
   * outbox messages and COMMIT in one round trip (docs/adr/0003); the change reads nothing after.
   */
  writes?: readonly Compilable[];
};

export type CommandContext = { tx: Tx; now: Date; actor: Actor; deps: Deps };

/**
 * Runs one use case's change (ARCHITECTURE.md "A module"): a transaction holding its locked reads,
 * the change, its audit entries, its inbox items and its outbox messages, so all of them commit
 * together or none does. Audit entries go last: they lock their chain until commit.
 */
export async function runCommand<T>(
  deps: Deps,
  actor: Actor,
  change: (ctx: CommandContext) => Promise<{ result: T } & CommandEffects>,
): Promise<T> {
  const now = deps.clock.now();
  return deps.db.transaction().execute(async (tx) => {
    const { result, audit, outbox, inbox, writes } = await change({ tx, now, actor, deps });
    if (inbox?.length) await deliverAllToInbox(tx, inbox);
    if (writes) {
      if (audit != null) throw new Error('runCommand: with writes, the audit entries are among them');
      const messages = (outbox ?? []).map((m) => enqueueWrite(tx, m));
      await executeWrites(tx, [...writes, ...messages], { thenCommit: true });
      return result;
    }
    for (const m of outbox ?? []) await enqueue(tx, m);
    const entries = audit == null ? [] : Array.isArray(audit) ? audit : [audit as AuditInput];
    for (const entry of entries) await appendAudit(tx, actor, entry, now);
    return result;
  });
}
