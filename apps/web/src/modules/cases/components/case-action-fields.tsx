/** The form helpers the case action dialogs share (case-actions.tsx, back-office-actions.tsx, window-actions.tsx). */
import { tr } from '../../../app/i18n';

export const required = (label: string) => [
  { required: true, whitespace: true, message: tr('cases.caseActions.pleaseEnter', { label }) },
];
export const text = (v: unknown) => (typeof v === 'string' ? v.trim() : '');

export const remedies = () => tr('cases.caseActions.theApplicantSRemedies');
