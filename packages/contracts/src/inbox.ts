import { z } from 'zod';

/** 站内消息与待办: what a module put in a person's inbox (issue 14 point 10). */
/** A message's facts by name: record numbers, dates, counts, names of records (never personal data). */
export const MessageParams = z.record(z.string(), z.union([z.string(), z.number()]));
export type MessageParams = z.infer<typeof MessageParams>;

export const InboxItem = z.object({
  id: z.uuid(),
  kind: z.string(),
  /** In Chinese, as written. */
  title: z.string(),
  body: z.string(),
  /** The facts they were worded from, for another language's wording of the kind; null: none. */
  params: MessageParams.nullable(),
  /** In-app path that opens the record. */
  link: z.string().nullable(),
  entityType: z.string().nullable(),
  entityId: z.string().nullable(),
  isTodo: z.boolean(),
  createdAt: z.iso.datetime(),
  readAt: z.iso.datetime().nullable(),
  doneAt: z.iso.datetime().nullable(),
});
export type InboxItem = z.infer<typeof InboxItem>;

export const InboxQuery = z.object({
  /** all (default), unread, todo (open to-dos). */
  filter: z.enum(['all', 'unread', 'todo']).default('all'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
});
export type InboxQuery = z.infer<typeof InboxQuery>;

export const InboxList = z.object({
  items: z.array(InboxItem),
  total: z.number().int(),
  unread: z.number().int(),
  openTodos: z.number().int(),
});
export type InboxList = z.infer<typeof InboxList>;

export const InboxCounts = z.object({ unread: z.number().int(), openTodos: z.number().int() });
export type InboxCounts = z.infer<typeof InboxCounts>;
