import type { Insertable, Updateable } from 'kysely';
import type { Executor } from '../../platform/db';
import type {
  DepartmentTable,
  HallTable,
  HallWindowTable,
  RegionTable,
  StaffTable,
} from '../../platform/db-types';

export const listRegions = (db: Executor, like: string) =>
  db.selectFrom('region').selectAll().where('code', 'like', like).orderBy('code').execute();
export const findRegion = (db: Executor, code: string) =>
  db.selectFrom('region').selectAll().where('code', '=', code).executeTakeFirst();
export const insertRegion = (db: Executor, r: RegionTable) => db.insertInto('region').values(r).execute();
export const updateRegion = (db: Executor, code: string, r: Updateable<RegionTable>) =>
  db.updateTable('region').set(r).where('code', '=', code).execute();

export const listHalls = (db: Executor, like: string) =>
  db
    .selectFrom('hall')
    .select(['id', 'regionCode', 'name', 'level', 'address', 'phone'])
    .where('regionCode', 'like', like)
    .orderBy('regionCode')
    .orderBy('name')
    .execute();
/**
 * A record found by its id alone, in whatever region (ADR 0006, named in CROSS_REGION): a route's
 * `:id` (PATCH of a hall, department, window or staff record, which answers ORG_OUT_OF_REGION for
 * a record outside the admin's scope), an id a form names (a staff record's department or window),
 * a public board's hall, or another module's id that came without its region. Given the region
 * (`regionCode`), the same read names it and goes to one shard.
 */
export const findHall = (db: Executor, id: string, regionCode?: string) =>
  db
    .selectFrom('hall')
    .select(['id', 'regionCode', 'name', 'level', 'address', 'phone'])
    .$if(regionCode !== undefined, (q) => q.where('regionCode', '=', regionCode!))
    .where('id', '=', id)
    .executeTakeFirst();
export const insertHall = (db: Executor, h: Insertable<HallTable>) =>
  db
    .insertInto('hall')
    .values(h)
    .returning(['id', 'regionCode', 'name', 'level', 'address', 'phone'])
    .executeTakeFirstOrThrow();
export const updateHall = (db: Executor, regionCode: string, id: string, h: Updateable<HallTable>) =>
  db
    .updateTable('hall')
    .set(h)
    .where('regionCode', '=', regionCode)
    .where('id', '=', id)
    .returning(['id', 'regionCode', 'name', 'level', 'address', 'phone'])
    .executeTakeFirstOrThrow();

const DEPT_COLS = ['id', 'regionCode', 'hallId', 'name', 'shortName', 'hallExemption'] as const;
export const listDepartments = (db: Executor, like: string) =>
  db
    .selectFrom('department')
    .select(DEPT_COLS)
    .where('regionCode', 'like', like)
    .orderBy('regionCode')
    .orderBy('name')
    .execute();
/** A department by id, in its region when the caller has it, else by the id alone (see findHall). */
export const departmentQuery = (db: Executor, id: string, regionCode?: string) =>
  db
    .selectFrom('department')
    .select(DEPT_COLS)
    .$if(regionCode !== undefined, (q) => q.where('regionCode', '=', regionCode!))
    .where('id', '=', id);
export const findDepartment = (db: Executor, id: string, regionCode?: string) =>
  departmentQuery(db, id, regionCode).executeTakeFirst();
export const insertDepartment = (db: Executor, d: Insertable<DepartmentTable>) =>
  db.insertInto('department').values(d).returning(DEPT_COLS).executeTakeFirstOrThrow();
export const updateDepartment = (
  db: Executor,
  regionCode: string,
  id: string,
  d: Updateable<DepartmentTable>,
) =>
  db
    .updateTable('department')
    .set(d)
    .where('regionCode', '=', regionCode)
    .where('id', '=', id)
    .returning(DEPT_COLS)
    .executeTakeFirstOrThrow();

const WIN_COLS = ['id', 'regionCode', 'hallId', 'number', 'name', 'kind', 'tidal', 'departmentId'] as const;
export const listWindows = (db: Executor, like: string) =>
  db
    .selectFrom('hallWindow')
    .select(WIN_COLS)
    .where('regionCode', 'like', like)
    .orderBy('hallId')
    .orderBy('number')
    .execute();
/** A window by id, in its region when the caller has it, else by the id alone (see findHall). */
export const windowQuery = (db: Executor, id: string, regionCode?: string) =>
  db
    .selectFrom('hallWindow')
    .select(WIN_COLS)
    .$if(regionCode !== undefined, (q) => q.where('regionCode', '=', regionCode!))
    .where('id', '=', id);
export const findWindow = (db: Executor, id: string, regionCode?: string) =>
  windowQuery(db, id, regionCode).executeTakeFirst();
export const insertWindow = (db: Executor, w: Insertable<HallWindowTable>) =>
  db.insertInto('hallWindow').values(w).returning(WIN_COLS).executeTakeFirstOrThrow();
export const updateWindow = (db: Executor, regionCode: string, id: string, w: Updateable<HallWindowTable>) =>
  db
    .updateTable('hallWindow')
    .set(w)
    .where('regionCode', '=', regionCode)
    .where('id', '=', id)
    .returning(WIN_COLS)
    .executeTakeFirstOrThrow();
/** A hall's window by its number (a hall's windows lie in the hall's region). */
export const findWindowByNumber = (db: Executor, regionCode: string, hallId: string, number: string) =>
  db
    .selectFrom('hallWindow')
    .select('id')
    .where('regionCode', '=', regionCode)
    .where('hallId', '=', hallId)
    .where('number', '=', number)
    .executeTakeFirst();

const STAFF_COLS = [
  'id',
  'regionCode',
  'name',
  'title',
  'departmentId',
  'windowId',
  'employment',
  'stationedFrom',
  'stationedUntil',
  'photo',
  'staffNo',
] as const;
/** Another staff record of the region with this 工号. */
export const findStaffByNo = (db: Executor, regionCode: string, staffNo: string) =>
  db
    .selectFrom('staff')
    .select('id')
    .where('regionCode', '=', regionCode)
    .where('staffNo', '=', staffNo)
    .executeTakeFirst();
export const listStaff = (db: Executor, like: string) =>
  db
    .selectFrom('staff')
    .select(STAFF_COLS)
    .where('regionCode', 'like', like)
    .orderBy('departmentId')
    .orderBy('name')
    .execute();
/** A staff record by id, in its region when the caller has it, else by the id alone (see findHall). */
export const staffQuery = (db: Executor, id: string, regionCode?: string) =>
  db
    .selectFrom('staff')
    .select(STAFF_COLS)
    .$if(regionCode !== undefined, (q) => q.where('regionCode', '=', regionCode!))
    .where('id', '=', id);
export const findStaff = (db: Executor, id: string, regionCode?: string) =>
  staffQuery(db, id, regionCode).executeTakeFirst();
export const insertStaff = (db: Executor, s: Insertable<StaffTable>) =>
  db.insertInto('staff').values(s).returning(STAFF_COLS).executeTakeFirstOrThrow();
export const updateStaff = (db: Executor, regionCode: string, id: string, s: Updateable<StaffTable>) =>
  db
    .updateTable('staff')
    .set(s)
    .where('regionCode', '=', regionCode)
    .where('id', '=', id)
    .returning(STAFF_COLS)
    .executeTakeFirstOrThrow();

/**
 * 公示牌: staff of one hall currently stationed (not past their term), with window and department.
 * A hall's windows and departments, and so their staff, lie in the hall's region (composite keys).
 */
export const listBoard = (db: Executor, regionCode: string, hallId: string, today: string) =>
  db
    .selectFrom('staff as s')
    .innerJoin('department as d', (j) =>
      j.onRef('d.regionCode', '=', 's.regionCode').onRef('d.id', '=', 's.departmentId'),
    )
    .leftJoin('hallWindow as w', (j) =>
      j.onRef('w.regionCode', '=', 's.regionCode').onRef('w.id', '=', 's.windowId'),
    )
    .select([
      's.id as staffId',
      's.name',
      's.title',
      's.photo',
      's.staffNo',
      's.employment',
      'd.name as departmentName',
      'w.number as windowNumber',
      'w.name as windowName',
    ])
    .where('s.regionCode', '=', regionCode)
    .where((eb) =>
      eb.or([
        eb('w.hallId', '=', hallId),
        eb.and([eb('s.windowId', 'is', null), eb('d.hallId', '=', hallId)]),
      ]),
    )
    .where((eb) => eb.or([eb('s.stationedUntil', 'is', null), eb('s.stationedUntil', '>=', today)]))
    .where('s.stationedFrom', '<=', today)
    .orderBy('w.number')
    .orderBy('s.name')
    .execute();

// ── Reads for the hall module (issue 19): one hall's windows, departments and staff ──
// The hall's region, when the caller passes it, names the shard: a hall's windows, departments and
// their staff lie in it. Without it, the hall's id alone finds them (named in CROSS_REGION).
export const listWindowsOfHall = (db: Executor, hallId: string, regionCode?: string) =>
  db
    .selectFrom('hallWindow')
    .select(WIN_COLS)
    .$if(regionCode !== undefined, (q) => q.where('regionCode', '=', regionCode!))
    .where('hallId', '=', hallId)
    .orderBy('number')
    .execute();
export const listDepartmentsOfHall = (db: Executor, hallId: string, regionCode?: string) =>
  db
    .selectFrom('department')
    .select(DEPT_COLS)
    .$if(regionCode !== undefined, (q) => q.where('regionCode', '=', regionCode!))
    .where('hallId', '=', hallId)
    .orderBy('name')
    .execute();
/** Every staff record of a hall's departments or windows, past terms included. */
export const listStaffOfHall = (db: Executor, hallId: string, regionCode?: string) =>
  db
    .selectFrom('staff as s')
    .innerJoin('department as d', (j) =>
      j.onRef('d.regionCode', '=', 's.regionCode').onRef('d.id', '=', 's.departmentId'),
    )
    .leftJoin('hallWindow as w', (j) =>
      j.onRef('w.regionCode', '=', 's.regionCode').onRef('w.id', '=', 's.windowId'),
    )
    .select([
      's.id',
      's.regionCode',
      's.name',
      's.title',
      's.departmentId',
      's.windowId',
      's.stationedFrom',
      's.stationedUntil',
      's.photo',
      'd.name as departmentName',
    ])
    .$if(regionCode !== undefined, (q) => q.where('s.regionCode', '=', regionCode!))
    .where((eb) => eb.or([eb('w.hallId', '=', hallId), eb('d.hallId', '=', hallId)]))
    .orderBy('d.name')
    .orderBy('s.name')
    .execute();
/** Staff stationed at a window (evaluations' on-duty fallback until hall's presence). */
export const listStaffOfWindow = (db: Executor, windowId: string, regionCode?: string) =>
  db
    .selectFrom('staff')
    .select(STAFF_COLS)
    .$if(regionCode !== undefined, (q) => q.where('regionCode', '=', regionCode!))
    .where('windowId', '=', windowId)
    .orderBy('createdAt')
    .execute();

/** Department names by id (a missing id has no entry), in the given regions when the caller has them. */
export const listDepartmentNames = (db: Executor, ids: readonly string[], regionCodes?: readonly string[]) =>
  db
    .selectFrom('department')
    .select(['id', 'name'])
    .$if(regionCodes !== undefined, (q) => q.where('regionCode', 'in', [...new Set(regionCodes)]))
    .where('id', 'in', [...new Set(ids)])
    .execute();

export const anyRegion = (db: Executor) => db.selectFrom('region').select('code').limit(1).executeTakeFirst();
export const setDepartmentCreditCode = (db: Executor, id: string, creditCode: string, regionCode?: string) =>
  db
    .updateTable('department')
    .set({ creditCode })
    .$if(regionCode !== undefined, (q) => q.where('regionCode', '=', regionCode!))
    .where('id', '=', id)
    .execute();
