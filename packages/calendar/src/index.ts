export * from './errors';
export * from './dates';
export * from './calendar';
export * from './case-clock';
export * from './explain';
export { daysFromChineseDays } from './chinese-days-source';
export * from './holiday-notice';
