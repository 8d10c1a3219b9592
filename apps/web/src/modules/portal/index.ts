// What other modules may use of the portal (modules meet only at index.ts).
export { useMyCases, verifyTokenOf } from './api';
export { rememberDraft } from './my-drafts';
export { ApplicantHome } from './components/applicant-home';
