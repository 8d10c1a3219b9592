import { useState } from 'react';
import { Alert, Card, DatePicker, Flex, InputNumber, List, Space, Tag, Tooltip, Typography } from 'antd';
import { InfoCircleOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { DEADLINE_MAX_DAYS, type DayNote } from '@tongban/contracts';
import { ApiError } from '../../../app/api-client';
import { useDeadline } from '../api';

const WEEKDAYS = ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六'];

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
  return <Tag color={color}>{note.counted ? '计入' : '不计'}</Tag>;
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
    <Card title="期限计算" data-testid="deadline-card" size="small">
      <Space direction="vertical" style={{ width: '100%' }} size="middle">
        <Flex gap={8} align="center" wrap>
          <span>起算日</span>
          <DatePicker
            value={start}
            onChange={(d) => d && setStart(d)}
            allowClear={false}
            data-testid="deadline-start"
            style={{ width: 140 }}
          />
          <span>后第</span>
          <InputNumber
            min={0}
            max={DEADLINE_MAX_DAYS}
            precision={0}
            value={n}
            onChange={(v) => setN(v)}
            data-testid="deadline-n"
            style={{ width: 80 }}
          />
          <span>个工作日</span>
        </Flex>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          起算日当天不计；期限届满日 24:00 止；法定节假日、周末和本地停工日不计，调休上班日计入。
        </Typography.Text>
        {q.error && (
          <Alert
            type="error"
            showIcon
            message={q.error instanceof ApiError ? q.error.message : '期限计算失败'}
          />
        )}
        {result && !q.error && (
          <div data-testid="deadline-result">
            <Flex align="baseline" gap={8} wrap>
              <Typography.Text>期限届满：</Typography.Text>
              <Tooltip
                title={
                  result.explanation.length === 0
                    ? '期间没有节假日或周末'
                    : result.explanation.map((d) => <div key={d.date}>{d.text}</div>)
                }
              >
                <Typography.Text strong style={{ fontSize: 20 }} data-testid="deadline-date">
                  {result.deadline}
                </Typography.Text>
                <Typography.Text style={{ marginLeft: 6 }}>
                  {WEEKDAYS[dayjs(result.deadline).day()]} 24:00
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
                message="暂定期限"
                description={`${result.deadline.slice(0, 4)} 年的节假日安排尚未导入，期间的法定节假日没有扣除；导入通知后期限可能后移。`}
              />
            )}
            <Typography.Text type="secondary" data-testid="deadline-summary">
              {result.n} 个工作日，跨 {result.calendarDays} 个自然日，其中 {skipped} 天不计
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
