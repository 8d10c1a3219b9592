/**
 * The org module's surface as its routes and other modules call it (`orgService` in index.ts); each
 * use case lives in use-cases/, the scope checks in org-scope.ts, plain reads in org-records.ts.
 */
export { listRegions } from './use-cases/list-regions';
export { createRegion } from './use-cases/create-region';
export { updateRegion } from './use-cases/update-region';
export { listHalls } from './use-cases/list-halls';
export { createHall } from './use-cases/create-hall';
export { updateHall } from './use-cases/update-hall';
export { listDepartments } from './use-cases/list-departments';
export { createDepartment } from './use-cases/create-department';
export { updateDepartment } from './use-cases/update-department';
export { listWindows } from './use-cases/list-windows';
export { createWindow } from './use-cases/create-window';
export { updateWindow } from './use-cases/update-window';
export { listStaff } from './use-cases/list-staff';
export { createStaff } from './use-cases/create-staff';
export { updateStaff } from './use-cases/update-staff';
export { setStaffPhoto } from './use-cases/set-staff-photo';
export { getBoard } from './use-cases/get-board';
export { listUsers } from './use-cases/list-users';
export { createUser } from './use-cases/create-user';
export { updateUser } from './use-cases/update-user';
export { resetUserPassword } from './use-cases/reset-user-password';
export {
  findHallRecord,
  findWindowRecord,
  findStaffRecord,
  findDepartmentRecord,
  listHallWindows,
  listHallDepartments,
  listHallStaff,
  listHallRecords,
  findWindowById,
  findStaffById,
  listStaffOfWindow,
  findDepartmentById,
  windowByIdQuery,
  staffByIdQuery,
  departmentByIdQuery,
} from './org-records';
