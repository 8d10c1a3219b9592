import { z } from 'zod';

/** A list reply: `{ items: [...] }` (the shape every list route of the API answers with). */
export const ItemsOf = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item) });

/** The reply of a route that answers 204 (nothing to send). */
export const NoContent = z.null().describe('无内容 (204)');

/** A page of a list: `{ items, total, page, pageSize }` (catalog searches, case lists…). */
export const PageOf = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), total: z.number(), page: z.number(), pageSize: z.number() });
export type Page<T> = { items: T[]; total: number; page: number; pageSize: number };

/**
 * A moment in a reply: the server hands a `Date` (a timestamptz column) or an ISO string, the wire
 * always carries the ISO string. Reply types the web reads are `z.input<…>` (the wire shape).
 */
export const Instant = z.codec(
  z.iso.datetime({ offset: true }),
  z.union([z.date(), z.iso.datetime({ offset: true })]),
  { decode: (s) => s, encode: (v) => (typeof v === 'string' ? v : v.toISOString()) },
);

/** `{ id }`: what a delete (and a few other changes) answers. */
export const IdReply = z.object({ id: z.string() });
export type IdReply = z.infer<typeof IdReply>;
