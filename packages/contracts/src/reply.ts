import { z } from 'zod';

/** A list reply: `{ items: [...] }` (the shape every list route of the API answers with). */
export const ItemsOf = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item) });

/** The reply of a route that answers 204 (nothing to send). */
export const NoContent = z.null().describe('无内容 (204)');
