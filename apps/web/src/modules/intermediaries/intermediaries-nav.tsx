import { ShoppingCartOutlined } from '@ant-design/icons';
import type { NavItem } from '../../app/menu';

/** 网上中介超市: needs, choices and links for the departments. */
export const INTERMEDIARIES_ITEMS: NavItem[] = [
  {
    key: 'intermediaries-market',
    path: '/intermediaries',
    labelKey: 'intermediaries.menu.market',
    icon: <ShoppingCartOutlined />,
    action: 'intermediaries.read',
  },
];
