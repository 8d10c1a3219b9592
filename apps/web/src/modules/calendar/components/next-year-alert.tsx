import { Alert, Button, Col } from 'antd';
import { Link } from 'react-router';
import type { Role } from '@tongban/contracts';
import { useCurrentUser } from '../../../app/auth-context';
import { useCalendarStatus } from '../api';

// Those whose work runs on deadlines, or who answer for them, are told too (issue 14: supervisors and heads).
const WARNED: readonly Role[] = ['admin', 'supervisor', 'dept_head', 'leader'];

/**
 * CAL-2: on the home screen from 1 December, while next year's national holidays are not loaded —
 * deadlines running into next year would otherwise count its holidays as working days. The
 * administrator gets the way to load them; the others learn that such deadlines are provisional.
 */
export function NextYearHolidaysAlert() {
  const user = useCurrentUser();
  const warned = WARNED.includes(user.role);
  const status = useCalendarStatus(warned);
  if (!warned || !status.data?.nextYearMissing) return null;
  const year = status.data.nextYear;
  const isAdmin = user.role === 'admin';
  return (
    <Col span={24}>
      <Alert
        type="warning"
        showIcon
        data-testid="next-year-holidays-alert"
        message={`尚未导入 ${year} 年节假日安排`}
        description={
          isAdmin
            ? `国务院办公厅的节假日安排通知通常在 11 月发布。导入前，${year} 年的办理期限只按周末计算，落在 ${year} 年的期限都标为“暂定”。请在工作日历中粘贴通知全文导入。`
            : `导入前，落在 ${year} 年的办理期限只按周末计算，标为“暂定”，导入后可能后移。请联系系统管理员导入国务院办公厅的节假日安排通知。`
        }
        action={
          isAdmin ? (
            <Link to="/calendar">
              <Button size="small" type="primary" data-testid="next-year-go-calendar">
                去导入
              </Button>
            </Link>
          ) : undefined
        }
      />
    </Col>
  );
}
