import {
  AlertOutlined,
  DashboardOutlined,
  FileDoneOutlined,
  FundOutlined,
  SettingOutlined,
} from '@ant-design/icons';
import type { NavItem } from '../../app/menu';

/** Menu group 电子监察: the board, 督办单, figures and the leader's dashboard. */
export const SUPERVISION_ITEMS: NavItem[] = [
  {
    key: 'supervision-board',
    path: '/supervision',
    labelKey: 'supervision.menu.board',
    icon: <AlertOutlined />,
    action: 'supervision.read',
  },
  {
    key: 'supervision-orders',
    path: '/supervision/orders',
    labelKey: 'supervision.menu.orders',
    icon: <FileDoneOutlined />,
    action: 'supervision.read',
  },
  {
    key: 'supervision-figures',
    path: '/supervision/figures',
    labelKey: 'supervision.menu.figures',
    icon: <FundOutlined />,
    action: 'supervision.read',
  },
  {
    key: 'supervision-dashboard',
    path: '/supervision/dashboard',
    labelKey: 'supervision.menu.dashboard',
    icon: <DashboardOutlined />,
    action: 'supervision.read',
  },
  {
    key: 'supervision-thresholds',
    path: '/supervision/thresholds',
    labelKey: 'supervision.menu.thresholds',
    icon: <SettingOutlined />,
    action: 'supervision.threshold.write',
  },
];
