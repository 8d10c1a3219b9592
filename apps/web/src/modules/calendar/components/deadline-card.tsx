import { useState } from 'react';
import { Alert, Card, DatePicker, Flex, InputNumber, List, Space, Tag, Tooltip, Typography } from 'antd';
import { InfoCircleOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { DEADLINE_MAX_DAYS, type DayNote } from '@tongban/contracts';
import { ApiError } from '../../../app/api-client';
import { useDeadline } from '../api';
import { tr } from '../../../app/i18n';

const WEEKDAYS = [
  'calendar.deadlineCard.sunday',
  'calendar.deadlineCard.monday',
  'calendar.deadlineCard.tuesday',
  'calendar.deadlineCard.wednesday',
  'calendar.deadlineCard.thursday',
  'calendar.deadlineCard.friday',
  'calendar.deadlineCard.saturday',
];

function NoteTag({ note }: { note: DayNote }) {
  const color =
    note.reason === 'holiday'
      ? 'red'
      : note.reason === 'closure'
        ? 'purple'
        : note.reason === 'weekend'
          ? 'default'
          : note.reason === 'suspension'
            ? 'gold'
            : 'cyan';
  return (
    <Tag color={color}>
      {note.counted ? tr('calendar.deadlineCard.counts') : tr('calendar.deadlineCard.notCounted')}
    </Tag>
  );
}

/**
 * 期限计算 (CAL-1): the N-th working day after a start date in the region's calendar, with every
 * day that did not count (and every weekend day that did) explained.
 */
export function DeadlineCard({ regionCode }: { regionCode: string }) {
  const [start, setStart] = useState<Dayjs>(() => dayjs());
  const [n, setN] = useState<number | null>(20);
  const q = useDeadline(regionCode, start?.format('YYYY-MM-DD'), n);
  const result = q.data;
  const skipped = result?.explanation.filter((d) => !d.counted).length ?? 0;

  return (
    <Card title={tr('calendar.deadlineCard.deadlineCalculator')} data-testid="deadline-card" size="small">
      <Space direction="vertical" style={{ width: '100%' }} size="middle">
        <Flex gap={8} align="center" wrap>
          <span>{tr('calendar.deadlineCard.startDate')}</span>
          <DatePicker
            value={start}
            onChange={(d) => d && setStart(d)}
            allowClear={false}
            data-testid="deadline-start"
            style={{ width: 140 }}
          />
          <span>{tr('calendar.deadlineCard.thenWorkingDayNo')}</span>
          <InputNumber
            min={0}
            max={DEADLINE_MAX_DAYS}
            precision={0}
            value={n}
            onChange={(v) => setN(v)}
            data-testid="deadline-n"
            style={{ width: 80 }}
          />
          <span>{tr('calendar.deadlineCard.workingDays')}</span>
        </Flex>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {tr('calendar.deadlineCard.theStartDayDoes')}
        </Typography.Text>
        {q.error && (
          <Alert
            type="error"
            showIcon
            message={
              q.error instanceof ApiError
                ? q.error.message
                : tr('calendar.deadlineCard.cannotComputeTheDeadline')
            }
          />
        )}
        {result && !q.error && (
          <div data-testid="deadline-result">
            <Flex align="baseline" gap={8} wrap>
              <Typography.Text>{tr('calendar.deadlineCard.deadline')}</Typography.Text>
              <Tooltip
                title={
                  result.explanation.length === 0
                    ? tr('calendar.deadlineCard.noHolidaysOrWeekends')
                    : result.explanation.map((d) => <div key={d.date}>{d.text}</div>)
                }
              >
                <Typography.Text strong style={{ fontSize: 20 }} data-testid="deadline-date">
                  {result.deadline}
                </Typography.Text>
                <Typography.Text style={{ marginLeft: 6 }}>
                  {tr(WEEKDAYS[dayjs(result.deadline).day()] ?? '')} 24:00
                  <InfoCircleOutlined style={{ marginLeft: 6, color: '#8c8c8c' }} />
                </Typography.Text>
              </Tooltip>
            </Flex>
            {result.provisional && (
              <Alert
                style={{ margin: '8px 0' }}
                type="warning"
                showIcon
                data-testid="deadline-provisional"
                message={tr('calendar.deadlineCard.provisionalDeadline')}
                description={tr('calendar.deadlineCard.theHolidaysOfAre', {
                  v0: result.deadline.slice(0, 4),
                })}
              />
            )}
            <Typography.Text type="secondary" data-testid="deadline-summary">
              {result.n} {tr('calendar.deadlineCard.workingDaysSpanning')} {result.calendarDays}{' '}
              {tr('calendar.deadlineCard.calendarDaysOfWhich')} {skipped}{' '}
              {tr('calendar.deadlineCard.daysDoNotCount')}
            </Typography.Text>
            {result.explanation.length > 0 && (
              <List
                size="small"
                style={{ marginTop: 8, maxHeight: 260, overflow: 'auto' }}
                data-testid="deadline-skipped"
                dataSource={result.explanation}
                renderItem={(d) => (
                  <List.Item style={{ padding: '4px 0' }} data-testid={`deadline-note-${d.date}`}>
                    <Flex gap={8} align="center">
                      <NoteTag note={d} />
                      <span>{d.text}</span>
                    </Flex>
                  </List.Item>
                )}
              />
            )}
          </div>
        )}
      </Space>
    </Card>
  );
}
