import type { NavItem } from '../../app/menu';

/** The hall module's menu entries (placeholder until the module lands). */
export const HALL_ITEMS: NavItem[] = [];
