import type { Deps } from '../platform/app-types';

/** Demo data of the intermediaries module (placeholder until the module lands). */
export async function seedIntermediariesDemo(_deps: Deps): Promise<void> {}
