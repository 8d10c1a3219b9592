import type { Entry } from '../access-matrix';

/** The complaints module's routes × roles (see access-matrix.ts). */
export const COMPLAINTS_MATRIX: Entry[] = [];
