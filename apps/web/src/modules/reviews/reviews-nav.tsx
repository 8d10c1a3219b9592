import { AlertOutlined, AuditOutlined, TrophyOutlined } from '@ant-design/icons';
import type { NavItem } from '../../app/menu';

/** Menu group 评查考核: review plans, assessments, automatic findings (reviews.read). */
export const REVIEWS_ITEMS: NavItem[] = [
  {
    key: 'reviews-plans',
    path: '/reviews/plans',
    labelKey: 'reviews.menu.plans',
    icon: <AuditOutlined />,
    action: 'reviews.read',
  },
  {
    key: 'reviews-assessments',
    path: '/reviews/assessments',
    labelKey: 'reviews.menu.assessments',
    icon: <TrophyOutlined />,
    action: 'reviews.read',
  },
  {
    key: 'reviews-findings',
    path: '/reviews/findings',
    labelKey: 'reviews.menu.findings',
    icon: <AlertOutlined />,
    action: 'reviews.read',
  },
];
