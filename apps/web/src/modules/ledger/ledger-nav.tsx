import {
  BarChartOutlined,
  FileTextOutlined,
  ImportOutlined,
  ScheduleOutlined,
  TableOutlined,
} from '@ant-design/icons';
import type { NavItem } from '../../app/menu';

/** Menu group 整改台账: read screens for ledger.read, 导入 and 通报 for ledger.write. */
export const LEDGER_ITEMS: NavItem[] = [
  {
    key: 'ledger',
    path: '/ledger',
    labelKey: 'menu.ledgerTable',
    icon: <TableOutlined />,
    action: 'ledger.read',
  },
  {
    key: 'ledger-mine',
    path: '/ledger/mine',
    labelKey: 'menu.ledgerMine',
    icon: <ScheduleOutlined />,
    action: 'ledger.read',
  },
  {
    key: 'ledger-dashboard',
    path: '/ledger/dashboard',
    labelKey: 'menu.ledgerDashboard',
    icon: <BarChartOutlined />,
    action: 'ledger.read',
  },
  {
    key: 'ledger-import',
    path: '/ledger/import',
    labelKey: 'menu.ledgerImport',
    icon: <ImportOutlined />,
    action: 'ledger.write',
  },
  {
    key: 'ledger-report',
    path: '/ledger/report',
    labelKey: 'menu.ledgerReport',
    icon: <FileTextOutlined />,
    action: 'ledger.write',
  },
];

/** Which ledger item a path belongs to (`/ledger/<id>/report` is 整改通报), or undefined. */
export function ledgerNavKey(pathname: string): string | undefined {
  if (!pathname.startsWith('/ledger')) return undefined;
  if (/^\/ledger\/[^/]+\/report/.test(pathname)) return 'ledger-report';
  const exact = LEDGER_ITEMS.find((i) => i.path !== '/ledger' && pathname.startsWith(i.path));
  return exact?.key ?? 'ledger';
}
