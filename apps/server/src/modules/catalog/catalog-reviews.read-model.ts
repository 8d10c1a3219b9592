// Issue 21 (reviews): each department's live items and whether each is handled in the hall (应进必进:
// hall_exemption null) or on the published 负面清单. Read only; reviews calls this through the index.
import type { Executor } from '../../platform/db';

export const readHallItemsForReviews = (db: Executor, q: { regionPrefix: string }) =>
  db
    .selectFrom('catalogItemVersion as v')
    .innerJoin('catalogItem as i', (j) =>
      j.onRef('i.regionCode', '=', 'v.regionCode').onRef('i.id', '=', 'v.itemId'),
    )
    .select(['v.itemId', 'v.departmentId', 'v.name', 'v.hallExemption'])
    .where('v.regionCode', 'like', `${q.regionPrefix}%`)
    .where('v.status', '=', 'published')
    .where('i.retiredAt', 'is', null)
    .execute();
