import { z } from 'zod';

/** A list reply: `{ items: [...] }` (the shape every list route of the API answers with). */
export const ItemsOf = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item) });

/** The reply of a route that answers 204 (nothing to send). */
export const NoContent = z.null().describe('无内容 (204)');

/** A page of a list: `{ items, total, page, pageSize }` (catalog searches, case lists…). */
export const PageOf = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), total: z.number(), page: z.number(), pageSize: z.number() });
export type Page<T> = { items: T[]; total: number; page: number; pageSize: number };
