import type { AppInstance } from '../../platform/app-types';

/** Placeholder until the module lands: replace with `export { evaluationsRoutes } from './evaluations.routes';`. */
export async function evaluationsRoutes(_app: AppInstance): Promise<void> {}
