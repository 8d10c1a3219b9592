import type { AppInstance } from '../../platform/app-types';

/** Placeholder until the module lands: replace with `export { tradingRoutes } from './trading.routes';`. */
export async function tradingRoutes(_app: AppInstance): Promise<void> {}
