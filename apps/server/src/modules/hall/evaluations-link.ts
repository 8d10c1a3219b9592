import type { Executor } from '../../platform/db';

export type RatingVisit = {
  regionCode: string;
  windowId: string;
  staffId: string;
  ticketId: string;
  caseId: string | null;
  at: Date;
};

/**
 * EVAL-3 (一次一评): when a clerk finishes a ticket, the window's evaluator pad asks the applicant
 * for a rating of this visit. The evaluations module (built in parallel) owns the pad; the lead wires
 * this to its `openRatingVisit` at merge: `export { openRatingVisit } from '../evaluations';`.
 * Until then it does nothing. Called inside the finish transaction.
 */
export async function openRatingVisit(_tx: Executor, _visit: RatingVisit): Promise<void> {}
