export { casesRoutes } from './cases.routes';
export * as casesService from './cases.service';
export { onCaseTransition, type CaseTransition, type CaseTransitionListener } from './cases.service';
export { CasesError, CasesErrorCode } from './cases.errors';
export { checkCaseProjections, type CaseProjectionMismatch } from './case-projection-check';
