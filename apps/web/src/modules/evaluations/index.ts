// What other modules may use of evaluations (modules meet only at index.ts).
export { CaseRatingPanel } from './components/case-rating-panel';
export { MyCaseRatings } from './components/my-case-ratings';
