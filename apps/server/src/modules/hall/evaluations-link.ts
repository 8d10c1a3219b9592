/**
 * EVAL-3 (一次一评): when a clerk finishes a ticket, the window's evaluator pad asks the applicant
 * for a rating of this visit. The evaluations module owns the pad; called inside the finish
 * transaction.
 */
export { openRatingVisit, type RatingVisit } from '../evaluations';
