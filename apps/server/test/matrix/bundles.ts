import type { Entry } from '../access-matrix';

/** The bundles module's routes × roles (see access-matrix.ts). */
export const BUNDLES_MATRIX: Entry[] = [];
