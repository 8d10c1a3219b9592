import { BarChartOutlined, ProfileOutlined } from '@ant-design/icons';
import type { NavItem } from '../../app/menu';

/** Menu group 政务服务: 事项目录 and 事项统计 for catalog.read (writing is decided on the screens). */
export const CATALOG_ITEMS: NavItem[] = [
  {
    key: 'catalog',
    path: '/catalog',
    labelKey: 'menu.catalog',
    icon: <ProfileOutlined />,
    action: 'catalog.read',
  },
  {
    key: 'catalog-figures',
    path: '/catalog/figures',
    labelKey: 'menu.catalogFigures',
    icon: <BarChartOutlined />,
    action: 'catalog.read',
  },
];

/** Which catalog item a path belongs to, or undefined outside /catalog. */
export function catalogNavKey(pathname: string): string | undefined {
  if (!pathname.startsWith('/catalog')) return undefined;
  return pathname.startsWith('/catalog/figures') ? 'catalog-figures' : 'catalog';
}
