import type { AppInstance } from '../../platform/app-types';

/** Placeholder until the module lands: replace with `export { bundlesRoutes } from './bundles.routes';`. */
export async function bundlesRoutes(_app: AppInstance): Promise<void> {}
