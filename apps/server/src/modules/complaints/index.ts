export { complaintsRoutes } from './complaints.routes';
export { listOverdueComplaints } from './use-cases/supervise-complaint';
export { countComplaintsAboutStaff } from './use-cases/read-complaints';
export { readComplaintsForReviews } from './complaints-reviews.read-model';
