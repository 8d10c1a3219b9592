import type { Deps } from '../platform/app-types';

/** Demo data of the evaluations module (placeholder until the module lands). */
export async function seedEvaluationsDemo(_deps: Deps): Promise<void> {}
