/**
 * The cases module's surface as other modules call it (`casesService` in index.ts). The code lives
 * in use-cases/ (one use case a file), the transition engine (case-transition.ts), intake
 * (case-intake.ts), the read model and views, and the applicants/, licenses/ and portal/ areas.
 */
export { MATERIAL_POLICY, publishedForPortal, draftOrThrow } from './portal/drafts';
export { type NewCaseEvent, reviveState, toCaseEvent, replayFromEvents, projection } from './case-state';
export { backOfficeSteps } from './case-clock';
export { toApplicant } from './applicants/applicants';
export { createApplicant } from './applicants/use-cases/create-applicant';
export { findApplicantsByNumber, getApplicant } from './applicants/use-cases/find-applicants';
export { getApplicantContact, getCaseContact } from './applicants/use-cases/get-contact';
export { derivedCreditCode, licenseVerifyUrl } from './licenses/licenses';
export { verifyLicense } from './licenses/use-cases/verify-license';
export {
  forgetCaseRegions,
  type CaseTransition,
  type CaseTransitionListener,
  onCaseTransition,
} from './case-transition';
export { accept } from './use-cases/accept-case';
export { requestSupplement } from './use-cases/request-supplement';
export { supplementReceived } from './use-cases/receive-supplement';
export { refuse } from './use-cases/refuse-case';
export { instantDecision } from './use-cases/instant-decision';
export { deferredReceived } from './use-cases/receive-deferred';
export { completeStep } from './use-cases/complete-step';
export { returnStep } from './use-cases/return-step';
export { transfer } from './use-cases/transfer-case';
export { listTransferCandidates } from './use-cases/list-transfer-candidates';
export { urge } from './use-cases/urge-case';
export { suspend } from './use-cases/suspend-case';
export { resume } from './use-cases/resume-case';
export { requestExtension } from './use-cases/request-extension';
export { decideExtension } from './use-cases/decide-extension';
export { decide } from './use-cases/decide-case';
export { prepareDelivery } from './use-cases/prepare-delivery';
export { deliver } from './use-cases/deliver-result';
export { deliverBranches } from './use-cases/deliver-branches';
export { recordVisit } from './use-cases/record-visit';
export { withdraw } from './use-cases/withdraw-case';
export { createCase } from './use-cases/create-case';
export { previewIntake } from './use-cases/preview-intake';
export { mayReadCase, mayReadDraftCase, getDetail } from './use-cases/get-case-detail';
export { listCases } from './use-cases/list-cases';
export { listOverdue } from './use-cases/list-overdue';
export { listRefused } from './use-cases/list-refused';
export { getNotice, getNoticeDocx } from './use-cases/get-notice';
export { createDraft } from './portal/use-cases/create-draft';
export { getDraft } from './portal/use-cases/get-draft';
export { saveDraft } from './portal/use-cases/save-draft';
export { addDraftFile } from './portal/use-cases/add-draft-file';
export { submitOnline } from './portal/use-cases/submit-online';
export { trackedCase, track, trackNoticeDocx } from './portal/use-cases/track-case';
export { listConcludedCaseFacts, listConcludedCaseKeys } from './use-cases/list-concluded-case-facts';
export { type BranchOptions } from './case-context';
export { type BranchSpec, type FiledBranch, getBranchItem, prepareBranches } from './use-cases/intake-branch';
export {
  type CaseRef,
  findCaseRef,
  findTrackedCaseRef,
  listCaseActors,
  countConcludedCases,
  listConcludedCasesBetween,
} from './case-refs';
