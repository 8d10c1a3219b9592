import { Alert, Button, Col } from 'antd';
import { Link } from 'react-router';
import type { Role } from '@tongban/contracts';
import { useCurrentUser } from '../../../app/auth-context';
import { useCalendarStatus } from '../api';
import { tr } from '../../../app/i18n';

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
        message={tr('calendar.nextYearAlert.theHolidaysOfAre', { year })}
        description={
          isAdmin
            ? tr('calendar.nextYearAlert.theStateCouncilS', { year, year1: year })
            : tr('calendar.nextYearAlert.untilThenDeadlinesThat', { year })
        }
        action={
          isAdmin ? (
            <Link to="/calendar">
              <Button size="small" type="primary" data-testid="next-year-go-calendar">
                {tr('calendar.nextYearAlert.loadIt')}
              </Button>
            </Link>
          ) : undefined
        }
      />
    </Col>
  );
}
