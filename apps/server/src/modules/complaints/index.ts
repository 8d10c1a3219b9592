export { complaintsRoutes } from './complaints.routes';
export { listOverdueComplaints } from './use-cases/supervise-complaint';
export { countComplaintsAboutStaff, mayReadComplaint } from './use-cases/read-complaints';
export { listOverdueComplaintItems, listReopenedRefusals } from './complaints-supervision.read-model';
export { readComplaintsForReviews } from './complaints-reviews.read-model';
