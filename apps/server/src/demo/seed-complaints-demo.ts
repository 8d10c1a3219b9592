import type { Deps } from '../platform/app-types';

/** Demo data of the complaints module (placeholder until the module lands). */
export async function seedComplaintsDemo(_deps: Deps): Promise<void> {}
