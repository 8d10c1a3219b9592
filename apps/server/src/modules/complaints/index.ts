import type { AppInstance } from '../../platform/app-types';

/** Placeholder until the module lands: replace with `export { complaintsRoutes } from './complaints.routes';`. */
export async function complaintsRoutes(_app: AppInstance): Promise<void> {}
