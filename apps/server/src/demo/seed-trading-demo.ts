import type { Deps } from '../platform/app-types';

/** Demo data of the trading module (placeholder until the module lands). */
export async function seedTradingDemo(_deps: Deps): Promise<void> {}
