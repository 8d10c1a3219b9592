import type { Insertable } from 'kysely';
import type { Executor } from '../../platform/db';
import type { InboxItemTable } from '../../platform/db-types';

const COLUMNS = [
  'id',
  'kind',
  'title',
  'body',
  'params',
  'link',
  'entityType',
  'entityId',
  'isTodo',
  'createdAt',
  'readAt',
  'doneAt',
] as const;

/** Writes items; an item whose dedupe key exists in its region is skipped. */
export async function insertItems(db: Executor, rows: Insertable<InboxItemTable>[]): Promise<number> {
  if (rows.length === 0) return 0;
  const written = await db
    .insertInto('inboxItem')
    .values(rows)
    .onConflict((oc) => oc.columns(['regionCode', 'dedupeKey']).doNothing())
    .returning('id')
    .execute();
  return written.length;
}

export type InboxFilter = 'all' | 'unread' | 'todo';

function mine(db: Executor, regionCode: string, userId: string, filter: InboxFilter) {
  let q = db
    .selectFrom('inboxItem')
    .where('regionCode', '=', regionCode)
    .where('recipientUserId', '=', userId);
  if (filter === 'unread') q = q.where('readAt', 'is', null);
  if (filter === 'todo') q = q.where('isTodo', '=', true).where('doneAt', 'is', null);
  return q;
}

export const listItems = (
  db: Executor,
  regionCode: string,
  userId: string,
  filter: InboxFilter,
  limit: number,
  offset: number,
) =>
  mine(db, regionCode, userId, filter)
    .select(COLUMNS)
    .orderBy('createdAt', 'desc')
    .orderBy('id')
    .limit(limit)
    .offset(offset)
    .execute();

export async function countItems(db: Executor, regionCode: string, userId: string) {
  const row = await mine(db, regionCode, userId, 'all')
    .select((eb) => [
      eb.fn.countAll<string>().as('total'),
      eb.fn.count<string>('id').filterWhere('readAt', 'is', null).as('unread'),
      eb.fn
        .count<string>('id')
        .filterWhere((w) => w.and([w('isTodo', '=', true), w('doneAt', 'is', null)]))
        .as('openTodos'),
    ])
    .executeTakeFirstOrThrow();
  return { total: Number(row.total), unread: Number(row.unread), openTodos: Number(row.openTodos) };
}

export const markRead = (db: Executor, regionCode: string, userId: string, id: string, at: Date) =>
  db
    .updateTable('inboxItem')
    .set({ readAt: at })
    .where('regionCode', '=', regionCode)
    .where('recipientUserId', '=', userId)
    .where('id', '=', id)
    .where('readAt', 'is', null)
    .returning('id')
    .executeTakeFirst();

export const markAllRead = (db: Executor, regionCode: string, userId: string, at: Date) =>
  db
    .updateTable('inboxItem')
    .set({ readAt: at })
    .where('regionCode', '=', regionCode)
    .where('recipientUserId', '=', userId)
    .where('readAt', 'is', null)
    .execute();

export const findOwnItem = (db: Executor, regionCode: string, userId: string, id: string) =>
  db
    .selectFrom('inboxItem')
    .select('id')
    .where('regionCode', '=', regionCode)
    .where('recipientUserId', '=', userId)
    .where('id', '=', id)
    .executeTakeFirst();

/** Closes the open to-dos about one record (the work they asked for is done). */
export const closeTodos = (
  db: Executor,
  regionCode: string,
  entityType: string,
  entityId: string,
  at: Date,
  kind?: string,
) => closeTodosQuery(db, regionCode, entityType, entityId, at, kind).execute();

/** closeTodos as a statement, for a caller that sends its writes as one (executeWrites). */
export const closeTodosQuery = (
  db: Executor,
  regionCode: string,
  entityType: string,
  entityId: string,
  at: Date,
  kind?: string,
) => {
  let q = db
    .updateTable('inboxItem')
    .set({ doneAt: at })
    .where('regionCode', '=', regionCode)
    .where('entityType', '=', entityType)
    .where('entityId', '=', entityId)
    .where('isTodo', '=', true)
    .where('doneAt', 'is', null);
  if (kind) q = q.where('kind', '=', kind);
  return q;
};

/** insertItems as a statement (executeWrites); null when there is nobody to deliver to. */
export const insertItemsQuery = (db: Executor, rows: Insertable<InboxItemTable>[]) =>
  rows.length === 0
    ? null
    : db
        .insertInto('inboxItem')
        .values(rows)
        .onConflict((oc) => oc.columns(['regionCode', 'dedupeKey']).doNothing());
