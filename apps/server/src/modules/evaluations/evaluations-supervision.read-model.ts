// Reads of 差评 work items for the supervision module (电子监察, issue 16), exported from the
// index: no actor, no personal data (ids, departments, dates only); supervision checks access.
import type { Executor } from '../../platform/db';

/** 差评 work items (EVAL-2) not closed and past their due date, oldest due first. */
export const listOverdueBadReviewItems = (db: Executor, regionLike: string, today: string) =>
  db
    .selectFrom('evalBadReview')
    .select(['id', 'regionCode', 'departmentId', 'dueDate', 'status', 'openedAt'])
    .where('regionCode', 'like', regionLike)
    .where('status', '<>', 'closed')
    .where('dueDate', '<', today)
    .orderBy('dueDate')
    .limit(5000)
    .execute();
