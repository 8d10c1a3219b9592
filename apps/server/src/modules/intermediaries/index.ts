import type { AppInstance } from '../../platform/app-types';

/** Placeholder until the module lands: replace with `export { intermediariesRoutes } from './intermediaries.routes';`. */
export async function intermediariesRoutes(_app: AppInstance): Promise<void> {}
