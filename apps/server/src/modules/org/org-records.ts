import { type Executor } from '../../platform/db';
import * as repo from './org.repository';

// ── Plain reads for other modules (issue 19, hall): no actor, the caller checks access ──

export const findHallRecord = (db: Executor, id: string) => repo.findHall(db, id);
export const findWindowRecord = (db: Executor, id: string) => repo.findWindow(db, id);
export const findStaffRecord = (db: Executor, id: string) => repo.findStaff(db, id);
export const findDepartmentRecord = (db: Executor, id: string) => repo.findDepartment(db, id);
export const listHallWindows = (db: Executor, hallId: string) => repo.listWindowsOfHall(db, hallId);
export const listHallDepartments = (db: Executor, hallId: string) => repo.listDepartmentsOfHall(db, hallId);
export const listHallStaff = (db: Executor, hallId: string) => repo.listStaffOfHall(db, hallId);
/** Halls of a region and the regions below it (public hall pickers). */
export const listHallRecords = (db: Executor, like: string) => repo.listHalls(db, like);
// ── For other modules (evaluations, issue 17): reads inside the caller's transaction ──

export const findWindowById = (db: Executor, id: string) => repo.findWindow(db, id);
export const findStaffById = (db: Executor, id: string) => repo.findStaff(db, id);
export const listStaffOfWindow = (db: Executor, windowId: string) => repo.listStaffOfWindow(db, windowId);
export const findDepartmentById = (db: Executor, id: string) => repo.findDepartment(db, id);
/** The same reads as statements, for a caller that sends several in one round trip (executeBatch). */
export const windowByIdQuery = (db: Executor, id: string) => repo.windowQuery(db, id);
export const staffByIdQuery = (db: Executor, id: string) => repo.staffQuery(db, id);
export const departmentByIdQuery = (db: Executor, id: string) => repo.departmentQuery(db, id);
