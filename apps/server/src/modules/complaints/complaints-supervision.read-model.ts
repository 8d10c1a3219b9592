// Reads of complaints for the supervision module (电子监察, issue 16), exported from the index: no
// actor, no personal data (numbers, departments, dates only); supervision checks access itself.
import type { Executor } from '../../platform/db';

/** Open complaints (dispatched or being handled) past their due date, oldest due first. */
export const listOverdueComplaintItems = (db: Executor, regionLike: string, today: string) =>
  db
    .selectFrom('complaint')
    .select(['id', 'regionCode', 'orderNo', 'heldByDepartmentId as departmentId', 'dueDate', 'status'])
    .where('regionCode', 'like', regionLike)
    .where('status', 'in', ['dispatched', 'handling'])
    .where('dueDate', '<', today)
    .orderBy('dueDate')
    .limit(5000)
    .execute();

/**
 * 办不成事 matters whose refused case was found acceptable and received again (outcome
 * 'reopened') since `since`: the refused case (when the matter names it) and the new case.
 */
export const listReopenedRefusals = (db: Executor, since: Date) =>
  db
    .selectFrom('complaint')
    .select(['id', 'regionCode', 'orderNo', 'relatedCaseId', 'outcomeCaseId', 'updatedAt'])
    .where('outcomeKind', '=', 'reopened')
    .where('updatedAt', '>=', since)
    .orderBy('updatedAt')
    .limit(5000)
    .execute();
