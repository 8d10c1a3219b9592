import type { Deps } from '../platform/app-types';

/** Demo data of the hall module (placeholder until the module lands). */
export async function seedHallDemo(_deps: Deps): Promise<void> {}
