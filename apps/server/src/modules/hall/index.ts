import type { AppInstance } from '../../platform/app-types';

/** Placeholder until the module lands: replace with `export { hallRoutes } from './hall.routes';`. */
export async function hallRoutes(_app: AppInstance): Promise<void> {}
