import type { NavItem } from '../../app/menu';

/** The trading module's menu entries (placeholder until the module lands). */
export const TRADING_ITEMS: NavItem[] = [];
