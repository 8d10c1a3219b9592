import type { Executor } from '../../platform/db';
import * as repo from './org.repository';

/**
 * What other modules read of the county's structure (ARCHITECTURE.md "A module": they call these,
 * never the region and department tables).
 */

/** A region's name by its code (cases: the short name on notice numbers, 我的办件). */
export async function findRegionName(db: Executor, code: string): Promise<string | undefined> {
  return (await repo.findRegion(db, code))?.name;
}

/**
 * A department's id, region and name; undefined when there is none. With `regionCode` (the region of
 * the record that names the department: they share it, ADR 0006) it is read in that region only;
 * without, by its id alone in any region (named in CROSS_REGION).
 */
export async function findDepartment(db: Executor, id: string, regionCode?: string) {
  const d = await repo.findDepartment(db, id, regionCode);
  return d ? { id: d.id, regionCode: d.regionCode, name: d.name } : undefined;
}

/** The departments of the regions matching a LIKE pattern (e.g. '3301%'). */
export async function listDepartmentsIn(db: Executor, like: string) {
  return (await repo.listDepartments(db, like)).map((d) => ({
    id: d.id,
    regionCode: d.regionCode,
    name: d.name,
    shortName: d.shortName,
  }));
}

/**
 * Department names by id, for lists. `regionCodes`: the regions of the records that name them (a
 * record's department lies in its region), so the read names them; without, by the ids alone.
 */
export async function departmentNames(
  db: Executor,
  ids: readonly string[],
  regionCodes?: readonly string[],
): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  return new Map((await repo.listDepartmentNames(db, ids, regionCodes)).map((d) => [d.id, d.name] as const));
}

/** Whether any region exists yet (the demo seeds an empty database only). */
export async function hasAnyRegion(db: Executor): Promise<boolean> {
  return (await repo.anyRegion(db)) !== undefined;
}

/** Records a department's 统一社会信用代码 (the demo; e-licenses name their issuer by it). */
export async function recordDepartmentCreditCode(
  db: Executor,
  id: string,
  creditCode: string,
  regionCode?: string,
) {
  await repo.setDepartmentCreditCode(db, id, creditCode, regionCode);
}

/** The staff records (id and name) of the regions matching a LIKE pattern. */
export async function listStaffNamesIn(db: Executor, like: string) {
  return (await repo.listStaff(db, like)).map((s) => ({ id: s.id, name: s.name }));
}
