export { reviewsRoutes } from './reviews.routes';
export { SOURCES as assessmentSources, type IndicatorSource } from './use-cases/assessment-sources';
export { verifyAssessments, type AssessmentTruthReport } from './use-cases/verify-assessments';
