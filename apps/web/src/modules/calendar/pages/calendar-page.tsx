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
      {day?.localDay?.inherited && <div style={{ fontSize: 11, color: '#8c8c8c' }}>上级区划设定</div>}
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
    notifySuccess(`已删除 ${date} 的本地调整`);
    setSelected(undefined);
  };

  return (
    <Row gutter={[16, 16]} data-testid="calendar-page">
      <Col xs={24} xl={17}>
        <Card
          title={
            <Space>
              <Typography.Title level={4} style={{ margin: 0 }}>
                工作日历
              </Typography.Title>
              <Typography.Text type="secondary">{regionName}</Typography.Text>
              {!canWrite && <Tag data-testid="read-only-tag">只读</Tag>}
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
                  导入节假日通知
                </Button>
              )}
              {canWrite && (
                <Button
                  type="primary"
                  icon={<PlusOutlined />}
                  data-testid="local-day-add"
                  onClick={() => setAdding({ date: undefined })}
                >
                  新增本地调整
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
          <Card size="small" title={`${month.format('YYYY年M月')}节假日`} data-testid="month-holidays">
            {holidaysInMonth.length === 0 ? (
              <Typography.Text type="secondary">本月无法定节假日或调休</Typography.Text>
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
          <Card size="small" title="本月本地调整" data-testid="local-days-card">
            {localInMonth.length === 0 ? (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="本月没有本地调整" />
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
                                title="删除这条本地调整？"
                                description="进行中办件的期限将按调整前的日历重新计算。"
                                okText="删除"
                                cancelText="取消"
                                onConfirm={() => onRemove(local.id, d.date)}
                              >
                                <Button size="small" danger type="link" icon={<DeleteOutlined />}>
                                  删除
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
                              {local.kind === 'closure' ? '停工' : '加班'}
                            </Tag>
                          </Space>
                        }
                        description={`${local.reason}${local.inherited ? '（上级区划设定）' : ''}`}
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
            ? `${selected.format('YYYY年M月D日')} ${['周日', '周一', '周二', '周三', '周四', '周五', '周六'][selected.day()]}`
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
              为这一天新增本地调整
            </Button>
          ) : null
        }
        data-testid="day-detail"
      >
        {selectedDay ? (
          <Descriptions column={1} size="small" bordered>
            <Descriptions.Item label="类型">
              <Tag color={DAY_STATUS_STYLES[selectedDay.status].color}>
                {DAY_STATUS_STYLES[selectedDay.status].label}
              </Tag>
            </Descriptions.Item>
            <Descriptions.Item label="是否计入时限">
              {selectedDay.working ? '计入（工作日）' : '不计入'}
            </Descriptions.Item>
            {selectedDay.name && !selectedDay.localDay && (
              <Descriptions.Item label="名称">{selectedDay.name}</Descriptions.Item>
            )}
            {selectedDay.localDay && (
              <>
                <Descriptions.Item label="本地调整">
                  {LOCAL_DAY_KIND_LABELS[selectedDay.localDay.kind]}
                  {selectedDay.localDay.inherited ? '（上级区划设定）' : ''}
                </Descriptions.Item>
                <Descriptions.Item label="原因">{selectedDay.localDay.reason}</Descriptions.Item>
                {canWrite && !selectedDay.localDay.inherited && (
                  <Descriptions.Item label="操作">
                    <Popconfirm
                      title="删除这条本地调整？"
                      okText="删除"
                      cancelText="取消"
                      onConfirm={() => onRemove(selectedDay.localDay!.id, selectedDay.date)}
                    >
                      <Button size="small" danger icon={<DeleteOutlined />}>
                        删除本地调整
                      </Button>
                    </Popconfirm>
                  </Descriptions.Item>
                )}
              </>
            )}
          </Descriptions>
        ) : (
          <Typography.Text type="secondary">该日期不在工作日历的覆盖范围内</Typography.Text>
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
