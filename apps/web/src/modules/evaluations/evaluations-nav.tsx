import { AuditOutlined, BarChartOutlined, TabletOutlined } from '@ant-design/icons';
import type { NavItem } from '../../app/menu';

/** Menu group 好差评. */
export const EVALUATIONS_ITEMS: NavItem[] = [
  {
    key: 'evaluations-bad-reviews',
    path: '/evaluations/bad-reviews',
    labelKey: 'evaluations.menu.badReviews',
    icon: <AuditOutlined />,
    action: 'evaluations.read',
  },
  {
    key: 'evaluations-figures',
    path: '/evaluations/figures',
    labelKey: 'evaluations.menu.figures',
    icon: <BarChartOutlined />,
    action: 'evaluations.read',
  },
  {
    key: 'evaluations-pads',
    path: '/evaluations/pads',
    labelKey: 'evaluations.menu.pads',
    icon: <TabletOutlined />,
    action: 'evaluations.pad.read',
  },
];
