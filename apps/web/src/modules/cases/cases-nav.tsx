import {
  AlertOutlined,
  AuditOutlined,
  FileDoneOutlined,
  FormOutlined,
  StopOutlined,
  UnorderedListOutlined,
} from '@ant-design/icons';
import type { NavItem } from '../../app/menu';

/** Menu group 办件: 窗口受理 and 出件 for the window, 审批工作台 for the back office, lists for staff. */
export const CASES_ITEMS: NavItem[] = [
  {
    key: 'cases-intake',
    path: '/cases/intake',
    labelKey: 'menu.casesIntake',
    icon: <FormOutlined />,
    action: 'case.intake',
  },
  {
    key: 'cases-review',
    path: '/cases/review',
    labelKey: 'menu.casesReview',
    icon: <AuditOutlined />,
    action: 'case.review',
  },
  {
    key: 'cases-delivery',
    path: '/cases/delivery',
    labelKey: 'menu.casesDelivery',
    icon: <FileDoneOutlined />,
    action: 'case.intake',
  },
  {
    key: 'cases',
    path: '/cases',
    labelKey: 'menu.casesList',
    icon: <UnorderedListOutlined />,
    action: 'case.read',
  },
  {
    key: 'cases-overdue',
    path: '/cases/overdue',
    labelKey: 'menu.casesOverdue',
    icon: <AlertOutlined />,
    action: 'case.read',
  },
  // 办不成事: the supervisors' (and heads') review of refusals.
  {
    key: 'cases-refused',
    path: '/cases/refused',
    labelKey: 'menu.casesRefused',
    icon: <StopOutlined />,
    action: 'case.urge',
  },
];

/** Which cases item a path belongs to (a case's own page is under 办件列表), or undefined. */
export function casesNavKey(pathname: string): string | undefined {
  if (!pathname.startsWith('/cases')) return undefined;
  return CASES_ITEMS.find((i) => i.path !== '/cases' && pathname.startsWith(i.path))?.key ?? 'cases';
}
