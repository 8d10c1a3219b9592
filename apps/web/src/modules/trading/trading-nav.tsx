import { AuditOutlined, MoneyCollectOutlined, ProjectOutlined, TeamOutlined } from '@ant-design/icons';
import type { NavItem } from '../../app/menu';

/** 公共资源交易: projects, the expert pool, the deposits board. */
export const TRADING_ITEMS: NavItem[] = [
  {
    key: 'trading-projects',
    path: '/trading',
    labelKey: 'trading.menu.projects',
    icon: <ProjectOutlined />,
    action: 'trading.read',
  },
  {
    key: 'trading-experts',
    path: '/trading/experts',
    labelKey: 'trading.menu.experts',
    icon: <TeamOutlined />,
    action: 'trading.read',
  },
  {
    key: 'trading-deposits',
    path: '/trading/deposits',
    labelKey: 'trading.menu.deposits',
    icon: <MoneyCollectOutlined />,
    action: 'trading.deposit.read',
  },
  {
    key: 'trading-figures',
    path: '/trading/figures',
    labelKey: 'trading.menu.figures',
    icon: <AuditOutlined />,
    action: 'trading.read',
  },
];
