export { hallRoutes } from './hall.routes';
export { findOnDutyStaff, onDutyPresenceQuery } from './use-cases/presence';
export { mayReadPatrolProblem } from './use-cases/problem-photo';
export { readPatrolProblemsForReviews, readSignedInStaffForReviews } from './hall-reviews.read-model';
