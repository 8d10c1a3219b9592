import type { Compilable } from 'kysely';
import type { Executor } from '../../../platform/db';
import type { MessageParams } from '@tongban/contracts';
import * as repo from '../inbox.repository';

export type InboxDelivery = {
  regionCode: string;
  /** One item per recipient; duplicates in the list are delivered once. */
  recipientUserIds: readonly string[];
  /** Module-prefixed: `supervision.order`, `hall.patrol_notice` … */
  kind: string;
  title: string;
  body?: string;
  /**
   * The facts the title and body were worded from, for a screen in another language (the web's
   * `inbox.kinds.<kind>` templates). Record numbers, dates, counts, names of records: never a
   * person's identity number or phone (SEC-1).
   */
  params?: MessageParams | null;
  /** In-app path that opens the record; never personal data (SEC-1). */
  link?: string | null;
  entityType?: string | null;
  entityId?: string | null;
  /** A to-do stays open until `closeInboxTodos` is called for its record. */
  isTodo?: boolean;
  /** Per recipient, `${dedupeKey}:${userId}`: a job that runs often delivers once. */
  dedupeKey?: string | null;
};

/**
 * Puts an item in each recipient's inbox inside the caller's transaction, so the message exists
 * exactly when the change it is about has committed. Returns how many items were written.
 */
export async function deliverToInbox(tx: Executor, d: InboxDelivery): Promise<number> {
  return repo.insertItems(tx, itemsOf(d));
}

/**
 * deliverToInbox for many deliveries in as few statements as the parameter limit allows (a draw
 * that hands out 300 files wrote 300 statements, one round trip each).
 */
export async function deliverAllToInbox(tx: Executor, ds: readonly InboxDelivery[]): Promise<number> {
  const rows = ds.flatMap(itemsOf);
  let written = 0;
  for (let i = 0; i < rows.length; i += 1000) written += await repo.insertItems(tx, rows.slice(i, i + 1000));
  return written;
}

/**
 * deliverToInbox and closeInboxTodos as statements, for a caller that sends all of its
 * transaction's writes as one (executeWrites).
 */
export function inboxWrites(
  tx: Executor,
  w: {
    deliver?: readonly InboxDelivery[];
    close?: readonly Parameters<typeof closeInboxTodos>[1][];
    at: Date;
  },
): Compilable[] {
  const out: Compilable[] = [];
  for (const ref of w.close ?? [])
    out.push(repo.closeTodosQuery(tx, ref.regionCode, ref.entityType, ref.entityId, w.at, ref.kind));
  const rows = (w.deliver ?? []).flatMap(itemsOf);
  const insert = repo.insertItemsQuery(tx, rows);
  if (insert) out.push(insert);
  return out;
}

function itemsOf(d: InboxDelivery) {
  const recipients = [...new Set(d.recipientUserIds)];
  return recipients.map((userId) => ({
    regionCode: d.regionCode,
    recipientUserId: userId,
    kind: d.kind,
    title: d.title,
    body: d.body ?? '',
    params: d.params ? JSON.stringify(d.params) : null,
    link: d.link ?? null,
    entityType: d.entityType ?? null,
    entityId: d.entityId ?? null,
    isTodo: d.isTodo ?? false,
    dedupeKey: d.dedupeKey ? `${d.dedupeKey}:${userId}` : null,
  }));
}

/** The work a to-do asked for is done: its open to-dos (of one kind, or all) close. */
export async function closeInboxTodos(
  tx: Executor,
  ref: { regionCode: string; entityType: string; entityId: string; kind?: string },
  at: Date,
): Promise<void> {
  await repo.closeTodos(tx, ref.regionCode, ref.entityType, ref.entityId, at, ref.kind);
}
