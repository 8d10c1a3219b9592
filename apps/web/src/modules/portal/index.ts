// What other modules may use of the portal (modules meet only at index.ts).
export { verifyTokenOf } from './api';
