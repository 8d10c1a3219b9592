export { casesRoutes } from './cases.routes';
export * as casesService from './cases.service';
export { onCaseTransition, type CaseTransition, type CaseTransitionListener } from './cases.service';
export { CasesError, CasesErrorCode } from './cases.errors';
export { checkCaseProjections, type CaseProjectionMismatch } from './case-projection-check';
// Read-only feed for supervision (issue 16): cases with their events replayed.
export * as caseFeed from './case-feed';
export { checkDraftMaterials } from './portal/use-cases/check-draft-materials';
export { supplementOnline } from './portal/use-cases/supplement-online';
export { listMyCases } from './portal/use-cases/list-my-cases';
export { listConcludedCaseFacts, listConcludedCaseKeys } from './cases.service';
export { declareLicenseType, findSomeApplicantId, hasAnyCase } from './cases-lookups';
