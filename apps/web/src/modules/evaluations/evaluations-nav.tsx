import type { NavItem } from '../../app/menu';

/** The evaluations module's menu entries (placeholder until the module lands). */
export const EVALUATIONS_ITEMS: NavItem[] = [];
