export { orgRoutes } from './org.routes';
export * as orgService from './org.service';
export {
  departmentNames,
  findDepartment,
  findRegionName,
  hasAnyRegion,
  listDepartmentsIn,
  listStaffNamesIn,
  recordDepartmentCreditCode,
} from './org-lookups';
export { findDepartmentBrief, listDepartmentsLike } from './org-lookup.read-model';
