import type { Entry } from '../access-matrix';

/** The intermediaries module's routes × roles (see access-matrix.ts). */
export const INTERMEDIARIES_MATRIX: Entry[] = [];
