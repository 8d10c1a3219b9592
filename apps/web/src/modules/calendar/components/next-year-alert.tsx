import { Alert, Col } from 'antd';
import { useCurrentUser } from '../../../app/auth-context';
import { useCalendarStatus } from '../api';

/**
 * CAL-2: on the admin's home screen from 1 December, while next year's national holidays are not
 * loaded — deadlines running into next year would otherwise count its holidays as working days.
 */
export function NextYearHolidaysAlert() {
  const user = useCurrentUser();
  const isAdmin = user.role === 'admin';
  const status = useCalendarStatus(isAdmin);
  if (!isAdmin || !status.data?.nextYearMissing) return null;
  const year = status.data.nextYear;
  return (
    <Col span={24}>
      <Alert
        type="warning"
        showIcon
        data-testid="next-year-holidays-alert"
        message={`尚未导入 ${year} 年节假日安排`}
        description={`国务院办公厅的节假日安排通知通常在 11 月发布。导入前，${year} 年的办理期限只按周末计算，法定节假日和调休不会生效。请更新节假日数据（chinese-days）后重启服务；数据截至 ${status.data.dataThroughYear ?? '—'} 年。`}
      />
    </Col>
  );
}
