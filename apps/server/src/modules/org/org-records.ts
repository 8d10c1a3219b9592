import { type Executor } from '../../platform/db';
import * as repo from './org.repository';

// ── Plain reads for other modules (issue 19, hall): no actor, the caller checks access ──
// `regionCode`: the region of the record the caller holds (its hall, window, pad or ticket; a
// record's hall, window, department and staff share its region, ADR 0006), so the read goes to one
// shard. Without it the id alone finds the row in any region (named in CROSS_REGION); callers that
// have the region should pass it.

export const findHallRecord = (db: Executor, id: string, regionCode?: string) =>
  repo.findHall(db, id, regionCode);
export const findWindowRecord = (db: Executor, id: string, regionCode?: string) =>
  repo.findWindow(db, id, regionCode);
export const findStaffRecord = (db: Executor, id: string, regionCode?: string) =>
  repo.findStaff(db, id, regionCode);
export const findDepartmentRecord = (db: Executor, id: string, regionCode?: string) =>
  repo.findDepartment(db, id, regionCode);
export const listHallWindows = (db: Executor, hallId: string, regionCode?: string) =>
  repo.listWindowsOfHall(db, hallId, regionCode);
export const listHallDepartments = (db: Executor, hallId: string, regionCode?: string) =>
  repo.listDepartmentsOfHall(db, hallId, regionCode);
export const listHallStaff = (db: Executor, hallId: string, regionCode?: string) =>
  repo.listStaffOfHall(db, hallId, regionCode);
/** Halls of a region and the regions below it (public hall pickers). */
export const listHallRecords = (db: Executor, like: string) => repo.listHalls(db, like);
// ── For other modules (evaluations, issue 17): reads inside the caller's transaction ──

export const findWindowById = (db: Executor, id: string, regionCode?: string) =>
  repo.findWindow(db, id, regionCode);
export const findStaffById = (db: Executor, id: string, regionCode?: string) =>
  repo.findStaff(db, id, regionCode);
export const listStaffOfWindow = (db: Executor, windowId: string, regionCode?: string) =>
  repo.listStaffOfWindow(db, windowId, regionCode);
export const findDepartmentById = (db: Executor, id: string, regionCode?: string) =>
  repo.findDepartment(db, id, regionCode);
/** The same reads as statements, for a caller that sends several in one round trip (executeBatch). */
export const windowByIdQuery = (db: Executor, id: string, regionCode?: string) =>
  repo.windowQuery(db, id, regionCode);
export const staffByIdQuery = (db: Executor, id: string, regionCode?: string) =>
  repo.staffQuery(db, id, regionCode);
export const departmentByIdQuery = (db: Executor, id: string, regionCode?: string) =>
  repo.departmentQuery(db, id, regionCode);
