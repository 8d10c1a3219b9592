// What other modules may use of calendar (eslint no-restricted-imports: modules meet only at index.ts).
export { NextYearHolidaysAlert } from './components/next-year-alert';
