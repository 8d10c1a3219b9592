import type { Executor } from '../../platform/db';

/**
 * Department look-ups for other modules (ledger's 责任部门): id, region and names only. With the
 * region of the record naming the department, one shard; without, by the id alone (CROSS_REGION).
 */
export const findDepartmentBrief = (db: Executor, id: string, regionCode?: string) =>
  db
    .selectFrom('department')
    .select(['id', 'regionCode', 'name'])
    .$if(regionCode !== undefined, (q) => q.where('regionCode', '=', regionCode!))
    .where('id', '=', id)
    .executeTakeFirst();

/** Departments whose region code matches `like` (a region prefix and %). */
export const listDepartmentsLike = (db: Executor, like: string) =>
  db.selectFrom('department').select(['id', 'name', 'shortName']).where('regionCode', 'like', like).execute();
