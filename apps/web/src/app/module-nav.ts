import { SUPERVISION_ITEMS } from '../modules/supervision/supervision-nav';
import { EVALUATIONS_ITEMS } from '../modules/evaluations/evaluations-nav';
import { COMPLAINTS_ITEMS } from '../modules/complaints/complaints-nav';
import { HALL_ITEMS } from '../modules/hall/hall-nav';
import { BUNDLES_ITEMS } from '../modules/bundles/bundles-nav';
import { TRADING_ITEMS } from '../modules/trading/trading-nav';
import { INTERMEDIARIES_ITEMS } from '../modules/intermediaries/intermediaries-nav';
import { REVIEWS_ITEMS } from '../modules/reviews/reviews-nav';
import type { NavItem } from './menu';

/**
 * The menu groups of the supervising modules of wave 2, in menu order. Each module owns its entries
 * in `<m>-nav.tsx`; a group shows when the role may open at least one of them.
 */
export const MODULE_GROUPS: { key: string; labelKey: string; items: NavItem[] }[] = [
  { key: 'supervision-group', labelKey: 'menu.supervision', items: SUPERVISION_ITEMS },
  { key: 'evaluations-group', labelKey: 'menu.evaluations', items: EVALUATIONS_ITEMS },
  { key: 'complaints-group', labelKey: 'menu.complaints', items: COMPLAINTS_ITEMS },
  { key: 'hall-group', labelKey: 'menu.hall', items: HALL_ITEMS },
  { key: 'bundles-group', labelKey: 'menu.bundles', items: BUNDLES_ITEMS },
  { key: 'trading-group', labelKey: 'menu.trading', items: TRADING_ITEMS },
  { key: 'intermediaries-group', labelKey: 'menu.intermediaries', items: INTERMEDIARIES_ITEMS },
  { key: 'reviews-group', labelKey: 'menu.reviews', items: REVIEWS_ITEMS },
];
