import type { NavItem } from '../../app/menu';

/** The supervision module's menu entries (placeholder until the module lands). */
export const SUPERVISION_ITEMS: NavItem[] = [];
