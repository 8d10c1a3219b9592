export { orgRoutes } from './org.routes';
export * as orgService from './org.service';
export { findRegionName } from './org.service';
