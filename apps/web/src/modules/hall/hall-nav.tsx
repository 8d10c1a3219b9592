import {
  AlertOutlined,
  BarChartOutlined,
  CustomerServiceOutlined,
  FileTextOutlined,
  SettingOutlined,
} from '@ant-design/icons';
import type { NavItem } from '../../app/menu';

/** The hall's menu entries. */
export const HALL_ITEMS: NavItem[] = [
  {
    key: 'hall-console',
    path: '/hall/console',
    labelKey: 'hall.menu.console',
    icon: <CustomerServiceOutlined />,
    action: 'hall.queue.serve',
  },
  {
    key: 'hall-manage',
    path: '/hall/manage',
    labelKey: 'hall.menu.manage',
    icon: <SettingOutlined />,
    action: 'hall.read',
  },
  {
    key: 'hall-patrol',
    path: '/hall/patrol',
    labelKey: 'hall.menu.patrol',
    icon: <AlertOutlined />,
    action: 'hall.patrol',
  },
  {
    key: 'hall-notices',
    path: '/hall/notices',
    labelKey: 'hall.menu.notices',
    icon: <FileTextOutlined />,
    action: 'hall.read',
  },
  {
    key: 'hall-figures',
    path: '/hall/figures',
    labelKey: 'hall.menu.figures',
    icon: <BarChartOutlined />,
    action: 'hall.read',
  },
];
