// What other modules may use of org (eslint no-restricted-imports: modules meet only at index.ts).
export { useDepartments, useHalls, useRegions, useStaff, useWindows } from './api';
