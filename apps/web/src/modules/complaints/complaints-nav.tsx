import type { NavItem } from '../../app/menu';

/** The complaints module's menu entries (placeholder until the module lands). */
export const COMPLAINTS_ITEMS: NavItem[] = [];
