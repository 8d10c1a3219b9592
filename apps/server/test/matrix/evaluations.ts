import type { Entry } from '../access-matrix';

/** The evaluations module's routes × roles (see access-matrix.ts). */
export const EVALUATIONS_MATRIX: Entry[] = [];
