import type { NavItem } from '../../app/menu';

/** The bundles module's menu entries (placeholder until the module lands). */
export const BUNDLES_ITEMS: NavItem[] = [];
