import type { Deps } from '../platform/app-types';

/** Demo data of the supervision module (placeholder until the module lands). */
export async function seedSupervisionDemo(_deps: Deps): Promise<void> {}
