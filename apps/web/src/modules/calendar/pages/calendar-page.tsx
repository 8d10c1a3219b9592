import { useMemo, useState } from 'react';
import {
  Button,
  Calendar,
  Card,
  Col,
  Descriptions,
  Empty,
  Flex,
  List,
  Modal,
  Popconfirm,
  Row,
  Select,
  Space,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import 'dayjs/locale/zh-cn';
import { LOCAL_DAY_KIND_LABELS, type CalendarDayView } from '@tongban/contracts';
import { useAuth, useCurrentUser } from '../../../app/auth-context';
import { notifySuccess } from '../../../app/notify';
import { useRegions } from '../../org';
import { useCalendarDays, useRemoveLocalDay } from '../api';
import { CalendarLegend } from '../components/calendar-legend';
import { DeadlineCard } from '../components/deadline-card';
import { HolidayNoticeModal } from '../components/holiday-notice-modal';
import { DAY_STATUS_STYLES } from '../components/day-status-style';
import { LocalDayModal } from '../components/local-day-modal';
import { tr } from '../../../app/i18n';
import { labelsOf } from '../../../app/enum-labels';

const DATE = 'YYYY-MM-DD';

/** The days a month panel shows (it starts on the week of the 1st and runs six weeks). */
function panelRange(month: Dayjs) {
  const first = month.startOf('month');
  return {
    from: first.subtract(7, 'day').format(DATE),
    to: first.endOf('month').add(14, 'day').format(DATE),
  };
}

function DayCell({
  date,
  day,
  inMonth,
}: {
  date: Dayjs;
  day: CalendarDayView | undefined;
  inMonth: boolean;
}) {
  const style = DAY_STATUS_STYLES[day?.status ?? 'weekday'];
  const isToday = date.isSame(dayjs(), 'day');
  const name = day?.localDay?.reason ?? day?.name;
  const cell = (
    <div
      data-testid={`calendar-day-${date.format(DATE)}`}
      data-status={day?.status ?? ''}
      style={{
        margin: '0 3px',
        padding: '4px 6px',
        height: 78,
        textAlign: 'left',
        background: style.background,
        borderTop: `3px solid ${isToday ? '#1d4ed8' : day && day.status !== 'weekday' ? style.color : '#f0f0f0'}`,
        opacity: inMonth ? 1 : 0.4,
        overflow: 'hidden',
      }}
    >
      <Flex justify="space-between" align="center">
        <span style={{ color: style.color, fontWeight: 600, fontSize: 15 }}>{date.date()}</span>
        {style.short && (
          <span
            style={{
              color: '#fff',
              background: style.color,
              borderRadius: 3,
              fontSize: 11,
              padding: '0 4px',
              lineHeight: '16px',
            }}
          >
            {style.short}
          </span>
        )}
      </Flex>
      {name && (
        <div
          style={{
            color: style.color,
            fontSize: 12,
            marginTop: 4,
            whiteSpace: 'nowrap',
            overflow: 'hidden',
            textOverflow: 'ellipsis',
          }}
        >
          {name}
        </div>
      )}
      {day?.localDay?.inherited && (
        <div style={{ fontSize: 11, color: '#8c8c8c' }}>{tr('calendar.calendarPage.setByTheParent')}</div>
      )}
    </div>
  );
  return day && day.status !== 'weekday' ? (
    <Tooltip title={`${style.label}${name ? `：${name}` : ''}`}>{cell}</Tooltip>
  ) : (
    cell
  );
}

/** 工作日历: the month view of a region's working days (CAL-1), its local days (CAL-2), and 期限计算. */
export function CalendarPage() {
  const user = useCurrentUser();
  const { can } = useAuth();
  const canWrite = can('calendar.write');
  const canLoadNotice = can('calendar.national.write');
  const [noticeOpen, setNoticeOpen] = useState(false);
  const regions = useRegions(can('org.read'));
  const [regionCode, setRegionCode] = useState(user.regionCode);
  const [month, setMonth] = useState<Dayjs>(() => dayjs().locale('zh-cn'));
  const [selected, setSelected] = useState<Dayjs | undefined>();
  const [adding, setAdding] = useState<{ date: Dayjs | undefined } | undefined>();
  const { from, to } = panelRange(month);
  const days = useCalendarDays(regionCode, from, to);
  const remove = useRemoveLocalDay();

  const byDate = useMemo(() => new Map((days.data?.days ?? []).map((d) => [d.date, d])), [days.data]);
  const regionName =
    days.data?.regionName ?? regions.data?.find((r) => r.code === regionCode)?.name ?? regionCode;
  const monthKey = month.format('YYYY-MM');
  const localInMonth = (days.data?.days ?? []).filter((d) => d.localDay && d.date.startsWith(monthKey));
  const holidaysInMonth = (days.data?.days ?? []).filter(
    (d) => (d.status === 'holiday' || d.status === 'workday') && d.date.startsWith(monthKey),
  );
  const selectedDay = selected ? byDate.get(selected.format(DATE)) : undefined;

  const onRemove = async (id: string, date: string) => {
    await remove.mutateAsync(id);
    notifySuccess(tr('calendar.calendarPage.localAdjustmentOfDeleted', { date }));
    setSelected(undefined);
  };

  return (
    <Row gutter={[16, 16]} data-testid="calendar-page">
      <Col xs={24} xl={17}>
        <Card
          title={
            <Space>
              <Typography.Title level={4} style={{ margin: 0 }}>
                {tr('calendar.calendarPage.workingCalendar')}
              </Typography.Title>
              <Typography.Text type="secondary">{regionName}</Typography.Text>
              {!canWrite && <Tag data-testid="read-only-tag">{tr('calendar.calendarPage.readOnly')}</Tag>}
            </Space>
          }
          extra={
            <Space>
              {(regions.data?.length ?? 0) > 1 && (
                <Select
                  value={regionCode}
                  onChange={setRegionCode}
                  style={{ width: 200 }}
                  data-testid="calendar-region"
                  options={regions.data?.map((r) => ({ value: r.code, label: `${r.name}（${r.code}）` }))}
                />
              )}
              {canLoadNotice && (
                <Button data-testid="holiday-notice-open" onClick={() => setNoticeOpen(true)}>
                  {tr('calendar.calendarPage.loadHolidayNotice')}
                </Button>
              )}
              {canWrite && (
                <Button
                  type="primary"
                  icon={<PlusOutlined />}
                  data-testid="local-day-add"
                  onClick={() => setAdding({ date: undefined })}
                >
                  {tr('calendar.calendarPage.addLocalAdjustment')}
                </Button>
              )}
            </Space>
          }
        >
          <CalendarLegend />
          <Calendar
            value={month}
            onPanelChange={(value) => setMonth(value)}
            onSelect={(value, info) => {
              setMonth(value);
              if (info.source === 'date') setSelected(value);
            }}
            fullCellRender={(current, info) =>
              info.type === 'date' ? (
                <DayCell
                  date={current}
                  day={byDate.get(current.format(DATE))}
                  inMonth={current.isSame(month, 'month')}
                />
              ) : (
                info.originNode
              )
            }
          />
        </Card>
      </Col>
      <Col xs={24} xl={7}>
        <Space direction="vertical" size={16} style={{ width: '100%' }}>
          <DeadlineCard regionCode={regionCode} />
          <Card
            size="small"
            title={tr('calendar.calendarPage.holidaysOf', {
              v0: month.locale(dayjs.locale()).format(tr('calendar.calendarPage.mmmmYyyy')),
            })}
            data-testid="month-holidays"
          >
            {holidaysInMonth.length === 0 ? (
              <Typography.Text type="secondary">
                {tr('calendar.calendarPage.noPublicHolidaysOr')}
              </Typography.Text>
            ) : (
              <Space wrap size={[4, 4]}>
                {holidaysInMonth.map((d) => (
                  <Tag key={d.date} color={d.status === 'holiday' ? 'red' : 'orange'}>
                    {d.date.slice(5)} {d.name}
                  </Tag>
                ))}
              </Space>
            )}
          </Card>
          <Card
            size="small"
            title={tr('calendar.calendarPage.localAdjustmentsThisMonth')}
            data-testid="local-days-card"
          >
            {localInMonth.length === 0 ? (
              <Empty
                image={Empty.PRESENTED_IMAGE_SIMPLE}
                description={tr('calendar.calendarPage.noLocalAdjustmentsThis')}
              />
            ) : (
              <List
                size="small"
                dataSource={localInMonth}
                renderItem={(d) => {
                  const local = d.localDay!;
                  const removable = canWrite && !local.inherited;
                  return (
                    <List.Item
                      data-testid={`local-day-${d.date}`}
                      actions={
                        removable
                          ? [
                              <Popconfirm
                                key="remove"
                                title={tr('calendar.calendarPage.deleteThisLocalAdjustment')}
                                description={tr('calendar.calendarPage.deadlinesOfOpenCases')}
                                okText={tr('calendar.calendarPage.delete')}
                                cancelText={tr('calendar.calendarPage.cancel')}
                                onConfirm={() => onRemove(local.id, d.date)}
                              >
                                <Button size="small" danger type="link" icon={<DeleteOutlined />}>
                                  {tr('calendar.calendarPage.delete')}
                                </Button>
                              </Popconfirm>,
                            ]
                          : []
                      }
                    >
                      <List.Item.Meta
                        title={
                          <Space size={4}>
                            <span>{d.date}</span>
                            <Tag color={local.kind === 'closure' ? 'purple' : 'cyan'}>
                              {local.kind === 'closure'
                                ? tr('calendar.calendarPage.closure')
                                : tr('calendar.calendarPage.extraWorkingDay')}
                            </Tag>
                          </Space>
                        }
                        description={`${local.reason}${local.inherited ? tr('calendar.calendarPage.setByTheParent2') : ''}`}
                      />
                    </List.Item>
                  );
                }}
              />
            )}
          </Card>
        </Space>
      </Col>
      <Modal
        open={!!selected && !adding}
        title={
          selected
            ? `${selected.locale(dayjs.locale()).format(tr('calendar.calendarPage.dMmmmYyyy'))} ${[tr('calendar.calendarPage.sun'), tr('calendar.calendarPage.mon'), tr('calendar.calendarPage.tue'), tr('calendar.calendarPage.wed'), tr('calendar.calendarPage.thu'), tr('calendar.calendarPage.fri'), tr('calendar.calendarPage.sat')][selected.day()]}`
            : ''
        }
        onCancel={() => setSelected(undefined)}
        footer={
          canWrite && selectedDay && !selectedDay.localDay ? (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              data-testid="day-add-local"
              onClick={() => setAdding({ date: selected })}
            >
              {tr('calendar.calendarPage.addALocalAdjustment')}
            </Button>
          ) : null
        }
        data-testid="day-detail"
      >
        {selectedDay ? (
          <Descriptions column={1} size="small" bordered>
            <Descriptions.Item label={tr('calendar.calendarPage.type')}>
              <Tag color={DAY_STATUS_STYLES[selectedDay.status].color}>
                {DAY_STATUS_STYLES[selectedDay.status].label}
              </Tag>
            </Descriptions.Item>
            <Descriptions.Item label={tr('calendar.calendarPage.countsTowardsTimeLimits')}>
              {selectedDay.working
                ? tr('calendar.calendarPage.countsWorkingDay')
                : tr('calendar.calendarPage.doesNotCount')}
            </Descriptions.Item>
            {selectedDay.name && !selectedDay.localDay && (
              <Descriptions.Item label={tr('calendar.calendarPage.name')}>
                {selectedDay.name}
              </Descriptions.Item>
            )}
            {selectedDay.localDay && (
              <>
                <Descriptions.Item label={tr('calendar.calendarPage.localAdjustment')}>
                  {labelsOf(LOCAL_DAY_KIND_LABELS)[selectedDay.localDay.kind]}
                  {selectedDay.localDay.inherited ? tr('calendar.calendarPage.setByTheParent2') : ''}
                </Descriptions.Item>
                <Descriptions.Item label={tr('calendar.calendarPage.reason')}>
                  {selectedDay.localDay.reason}
                </Descriptions.Item>
                {canWrite && !selectedDay.localDay.inherited && (
                  <Descriptions.Item label={tr('calendar.calendarPage.actions')}>
                    <Popconfirm
                      title={tr('calendar.calendarPage.deleteThisLocalAdjustment')}
                      okText={tr('calendar.calendarPage.delete')}
                      cancelText={tr('calendar.calendarPage.cancel')}
                      onConfirm={() => onRemove(selectedDay.localDay!.id, selectedDay.date)}
                    >
                      <Button size="small" danger icon={<DeleteOutlined />}>
                        {tr('calendar.calendarPage.deleteLocalAdjustment')}
                      </Button>
                    </Popconfirm>
                  </Descriptions.Item>
                )}
              </>
            )}
          </Descriptions>
        ) : (
          <Typography.Text type="secondary">{tr('calendar.calendarPage.thisDateIsOutside')}</Typography.Text>
        )}
      </Modal>
      <HolidayNoticeModal open={noticeOpen} onClose={() => setNoticeOpen(false)} />
      <LocalDayModal
        open={!!adding}
        regionCode={regionCode}
        regionName={regionName}
        date={adding?.date}
        onClose={() => {
          setAdding(undefined);
          setSelected(undefined);
        }}
      />
    </Row>
  );
}
