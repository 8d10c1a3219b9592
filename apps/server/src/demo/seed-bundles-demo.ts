import type { Deps } from '../platform/app-types';

/** Demo data of the bundles module (placeholder until the module lands). */
export async function seedBundlesDemo(_deps: Deps): Promise<void> {}
