export { orgRoutes } from './org.routes';
export * as orgService from './org.service';
export { findDepartmentBrief, listDepartmentsLike } from './org-lookup.read-model';
