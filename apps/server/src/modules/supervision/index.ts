import type { AppInstance } from '../../platform/app-types';

/** Placeholder until the module lands: replace with `export { supervisionRoutes } from './supervision.routes';`. */
export async function supervisionRoutes(_app: AppInstance): Promise<void> {}
