import type { ReactNode } from 'react';
import type { MenuProps } from 'antd';
import {
  ApartmentOutlined,
  BankOutlined,
  CalendarOutlined,
  EnvironmentOutlined,
  HomeOutlined,
  IdcardOutlined,
  ShopOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import { can, type Action, type Role } from '@tongban/contracts';
import type { TFunction } from 'i18next';
import { CATALOG_ITEMS, catalogNavKey } from '../modules/catalog/catalog-nav';
import { LEDGER_ITEMS, ledgerNavKey } from '../modules/ledger/ledger-nav';
import { CASES_ITEMS, casesNavKey } from '../modules/cases/cases-nav';
import { MODULE_GROUPS } from './module-nav';

export type NavItem = { key: string; path: string; labelKey: string; icon: ReactNode; action?: Action };

/** Every screen of the shell; a screen shows in the menu only for roles allowed its action. */
export const HOME_ITEM: NavItem = { key: 'home', path: '/', labelKey: 'menu.home', icon: <HomeOutlined /> };

export const ORG_ITEMS: NavItem[] = [
  {
    key: 'regions',
    path: '/admin/regions',
    labelKey: 'menu.regions',
    icon: <EnvironmentOutlined />,
    action: 'org.read',
  },
  { key: 'halls', path: '/admin/halls', labelKey: 'menu.halls', icon: <BankOutlined />, action: 'org.read' },
  {
    key: 'departments',
    path: '/admin/departments',
    labelKey: 'menu.departments',
    icon: <ApartmentOutlined />,
    action: 'org.read',
  },
  {
    key: 'windows',
    path: '/admin/windows',
    labelKey: 'menu.windows',
    icon: <ShopOutlined />,
    action: 'org.read',
  },
  {
    key: 'staff',
    path: '/admin/staff',
    labelKey: 'menu.staff',
    icon: <IdcardOutlined />,
    action: 'org.read',
  },
  { key: 'users', path: '/admin/users', labelKey: 'menu.users', icon: <TeamOutlined />, action: 'user.read' },
  {
    key: 'calendar',
    path: '/calendar',
    labelKey: 'menu.calendar',
    icon: <CalendarOutlined />,
    action: 'calendar.read',
  },
];

const allowed = (role: Role, item: NavItem) => !item.action || can(role, item.action);

export function buildMenu(role: Role, t: TFunction): MenuProps['items'] {
  const label = (item: NavItem) => <span data-testid={`menu-${item.key}`}>{t(item.labelKey)}</span>;
  const org = ORG_ITEMS.filter((i) => allowed(role, i));
  const items: MenuProps['items'] = [{ key: HOME_ITEM.key, icon: HOME_ITEM.icon, label: label(HOME_ITEM) }];
  if (org.length > 0) {
    items.push({
      type: 'group',
      key: 'org',
      label: <span data-testid="menu-group-org">{t('menu.org')}</span>,
      children: org.map((i) => ({ key: i.key, icon: i.icon, label: label(i) })),
    });
  }
  const cases = CASES_ITEMS.filter((i) => allowed(role, i));
  if (cases.length > 0) {
    items.push({
      type: 'group',
      key: 'cases-group',
      label: <span data-testid="menu-group-cases">{t('menu.cases')}</span>,
      children: cases.map((i) => ({ key: i.key, icon: i.icon, label: label(i) })),
    });
  }
  const ledger = LEDGER_ITEMS.filter((i) => allowed(role, i));
  if (ledger.length > 0) {
    items.push({
      type: 'group',
      key: 'ledger-group',
      label: <span data-testid="menu-group-ledger">{t('menu.ledger')}</span>,
      children: ledger.map((i) => ({ key: i.key, icon: i.icon, label: label(i) })),
    });
  }
  const catalog = CATALOG_ITEMS.filter((i) => allowed(role, i));
  if (catalog.length > 0) {
    items.push({
      type: 'group',
      key: 'catalog-group',
      label: <span data-testid="menu-group-catalog">{t('menu.service')}</span>,
      children: catalog.map((i) => ({ key: i.key, icon: i.icon, label: label(i) })),
    });
  }
  for (const group of MODULE_GROUPS) {
    const visible = group.items.filter((i) => allowed(role, i));
    if (visible.length === 0) continue;
    items.push({
      type: 'group',
      key: group.key,
      label: <span data-testid={`menu-group-${group.key}`}>{t(group.labelKey)}</span>,
      children: visible.map((i) => ({ key: i.key, icon: i.icon, label: label(i) })),
    });
  }
  return items;
}

const MODULE_ITEMS = (): NavItem[] => MODULE_GROUPS.flatMap((g) => g.items);

/** The module entry whose path is the longest prefix of the path, if any. */
function moduleNavKey(pathname: string): string | undefined {
  return MODULE_ITEMS()
    .filter((i) => pathname === i.path || pathname.startsWith(`${i.path}/`))
    .sort((a, b) => b.path.length - a.path.length)[0]?.key;
}

export function findNavItem(key: string): NavItem | undefined {
  const catalogItem =
    CATALOG_ITEMS.find((i) => i.key === key) ??
    CASES_ITEMS.find((i) => i.key === key) ??
    MODULE_ITEMS().find((i) => i.key === key);
  if (catalogItem) return catalogItem;
  return key === HOME_ITEM.key
    ? HOME_ITEM
    : (ORG_ITEMS.find((i) => i.key === key) ?? LEDGER_ITEMS.find((i) => i.key === key));
}

export function navKeyForPath(pathname: string): string {
  const catalogKey = catalogNavKey(pathname) ?? casesNavKey(pathname) ?? moduleNavKey(pathname);
  if (catalogKey) return catalogKey;
  return ledgerNavKey(pathname) ?? ORG_ITEMS.find((i) => pathname.startsWith(i.path))?.key ?? HOME_ITEM.key;
}
