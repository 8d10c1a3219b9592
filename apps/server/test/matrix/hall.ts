import type { Entry } from '../access-matrix';

/** The hall module's routes × roles (see access-matrix.ts). */
export const HALL_MATRIX: Entry[] = [];
