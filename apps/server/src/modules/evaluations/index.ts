export { evaluationsRoutes } from './evaluations.routes';
export { openRatingVisit, type RatingVisit } from './use-cases/open-visit';
export { listOverdueBadReviews, mayReadBadReview } from './use-cases/get-bad-review';
export { enqueueRatingInvites } from './use-cases/sms-links';
export { findOnDutyStaff } from './on-duty';
export { listOverdueBadReviewItems } from './evaluations-supervision.read-model';
export { readRatingsForReviews } from './evaluations-reviews.read-model';
export { verifyRatingRollup, type RatingRollupReport } from './use-cases/verify-rollup';
export { rebuildRatingDays } from './evaluations.repository';
