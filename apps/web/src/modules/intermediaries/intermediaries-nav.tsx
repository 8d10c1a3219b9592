import type { NavItem } from '../../app/menu';

/** The intermediaries module's menu entries (placeholder until the module lands). */
export const INTERMEDIARIES_ITEMS: NavItem[] = [];
