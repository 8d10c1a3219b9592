import type { Entry } from '../access-matrix';

/** The trading module's routes × roles (see access-matrix.ts). */
export const TRADING_MATRIX: Entry[] = [];
