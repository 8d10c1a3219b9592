import {
  ApartmentOutlined,
  BarChartOutlined,
  CrownOutlined,
  FormOutlined,
  ImportOutlined,
  InboxOutlined,
  QuestionCircleOutlined,
} from '@ant-design/icons';
import type { NavItem } from '../../app/menu';

/** Menu group 诉求工单. */
export const COMPLAINTS_ITEMS: NavItem[] = [
  {
    key: 'complaints',
    path: '/complaints',
    labelKey: 'complaints.menu.orders',
    icon: <InboxOutlined />,
    action: 'complaint.read',
  },
  {
    key: 'complaints-new',
    path: '/complaints/new',
    labelKey: 'complaints.menu.intake',
    icon: <FormOutlined />,
    action: 'complaint.intake',
  },
  {
    key: 'complaints-import',
    path: '/complaints/import',
    labelKey: 'complaints.menu.import',
    icon: <ImportOutlined />,
    action: 'complaint.intake',
  },
  {
    key: 'complaints-unresolved',
    path: '/complaints/unresolved',
    labelKey: 'complaints.menu.unresolved',
    icon: <QuestionCircleOutlined />,
    action: 'complaint.coordinate',
  },
  {
    key: 'complaints-leader',
    path: '/complaints/leader',
    labelKey: 'complaints.menu.leader',
    icon: <CrownOutlined />,
    action: 'complaint.lead',
  },
  {
    key: 'complaints-catalog',
    path: '/complaints/catalog',
    labelKey: 'complaints.menu.catalog',
    icon: <ApartmentOutlined />,
    action: 'complaint.read',
  },
  {
    key: 'complaints-figures',
    path: '/complaints/figures',
    labelKey: 'complaints.menu.figures',
    icon: <BarChartOutlined />,
    action: 'complaint.read',
  },
];
