import { Flex, Typography } from 'antd';
import { DAY_STATUS_STYLES, LEGEND_ORDER } from './day-status-style';

/** 图例: what each colour of the month view means. */
export function CalendarLegend() {
  return (
    <Flex wrap gap={16} align="center" data-testid="calendar-legend">
      {LEGEND_ORDER.map((status) => {
        const s = DAY_STATUS_STYLES[status];
        return (
          <Flex key={status} gap={6} align="center">
            <span
              style={{
                display: 'inline-block',
                width: 16,
                height: 16,
                borderRadius: 3,
                background: s.background,
                border: `2px solid ${s.color}`,
              }}
            />
            <Typography.Text style={{ color: s.color }}>{s.label}</Typography.Text>
          </Flex>
        );
      })}
    </Flex>
  );
}
