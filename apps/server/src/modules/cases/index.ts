export { casesRoutes } from './cases.routes';
export * as casesService from './cases.service';
export { CasesError, CasesErrorCode } from './cases.errors';
