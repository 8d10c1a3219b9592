import { ApartmentOutlined, FormOutlined, ProfileOutlined } from '@ant-design/icons';
import type { NavItem } from '../../app/menu';

/** Menu group 一件事: the window's intake, the staff list (with figures for supervision). */
export const BUNDLES_ITEMS: NavItem[] = [
  {
    key: 'bundles-intake',
    path: '/bundles/intake',
    labelKey: 'bundles.menu.intake',
    icon: <FormOutlined />,
    action: 'bundle.intake',
  },
  {
    key: 'bundles',
    path: '/bundles',
    labelKey: 'bundles.menu.list',
    icon: <ApartmentOutlined />,
    action: 'bundle.read',
  },
  {
    key: 'bundles-definitions',
    path: '/bundles/definitions/new',
    labelKey: 'bundles.menu.definitions',
    icon: <ProfileOutlined />,
    action: 'bundle.define',
  },
];
