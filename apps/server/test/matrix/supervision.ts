import type { Entry } from '../access-matrix';

/** The supervision module's routes × roles (see access-matrix.ts). */
export const SUPERVISION_MATRIX: Entry[] = [];
