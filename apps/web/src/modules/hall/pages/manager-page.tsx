import {
  App,
  Button,
  Card,
  DatePicker,
  Form,
  InputNumber,
  Select,
  Space,
  Table,
  Tabs,
  Tag,
  TimePicker,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../app/api-client';
import { useAuth } from '../../../app/auth-context';
import { post, useHallAction, useOverview, useRegister, useTidal } from '../api';
import { SettingsTab } from '../components/settings-tab';
import { useHall } from '../components/use-hall';

/** 大厅管理: windows and queues now, slots, tidal suggestions, the register against sign-ins. */
export function ManagerPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { can } = useAuth();
  const { hall } = useHall();
  const overview = useOverview(hall?.id);
  const tidal = useTidal(hall?.id);
  const register = useRegister(hall?.id);
  const act = useHallAction((a: { path: string; body?: unknown }) => post<unknown>(a.path, a.body));
  const run = (path: string, body?: unknown) =>
    act.mutate(
      { path, body },
      {
        onSuccess: () => void message.success(t('hall.saved')),
        onError: (e) => void message.error(e instanceof ApiError ? e.message : String(e)),
      },
    );
  const groupName = (id: string) => overview.data?.groups.find((g) => g.id === id)?.name ?? id;
  if (!hall) return null;
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Title level={3}>{t('hall.manage.title')}</Typography.Title>
      <Tabs
        items={[
          {
            key: 'now',
            label: t('hall.manage.now'),
            children: (
              <Space direction="vertical" style={{ width: '100%' }}>
                <Space wrap>
                  {overview.data?.groups.map((g) => (
                    <Tag key={g.id} color="blue" style={{ fontSize: 16, padding: 6 }}>
                      {g.code} {g.name}：{t('hall.screen.waiting', { n: g.waiting })}
                    </Tag>
                  ))}
                </Space>
                <Table
                  rowKey="windowId"
                  size="small"
                  pagination={false}
                  dataSource={overview.data?.windows}
                  columns={[
                    {
                      title: t('hall.console.window'),
                      render: (_, w) => `${w.number} ${w.name}${w.tidal ? t('hall.manage.tidalMark') : ''}`,
                    },
                    {
                      title: t('hall.manage.groups'),
                      render: (_, w) => w.groupIds.map(groupName).join('、'),
                    },
                    {
                      title: t('hall.manage.onDuty'),
                      render: (_, w) =>
                        w.onDuty ? (
                          <Tag color="green">{w.onDuty.name}</Tag>
                        ) : (
                          <Tag color="red">{t('hall.manage.empty')}</Tag>
                        ),
                    },
                    { title: t('hall.console.current'), render: (_, w) => w.current?.number ?? '—' },
                  ]}
                />
              </Space>
            ),
          },
          {
            key: 'tidal',
            label: t('hall.manage.tidal'),
            children: (
              <Space direction="vertical" style={{ width: '100%' }}>
                <Table
                  rowKey="groupId"
                  size="small"
                  pagination={false}
                  dataSource={tidal.data?.load}
                  columns={[
                    { title: t('hall.console.group'), dataIndex: 'groupName' },
                    { title: t('hall.console.waiting'), dataIndex: 'waiting' },
                    { title: t('hall.manage.bookingsLeft'), dataIndex: 'bookingsLeft' },
                    { title: t('hall.manage.windows'), dataIndex: 'windows' },
                    { title: t('hall.manage.perWindow'), dataIndex: 'perWindow' },
                  ]}
                />
                {tidal.data?.suggestions.length === 0 && (
                  <Typography.Text type="secondary">{t('hall.manage.noSuggestion')}</Typography.Text>
                )}
                {tidal.data?.suggestions.map((s) => (
                  <Card key={s.windowId} size="small">
                    <Space>
                      <span>
                        {t('hall.manage.suggest', { w: s.windowNumber, g: s.toGroupName })}（{s.reason}）
                      </span>
                      <Button
                        type="primary"
                        onClick={() =>
                          run(`/api/hall/halls/${hall.id}/tidal`, {
                            windowId: s.windowId,
                            toGroupIds: [s.toGroupId],
                            reason: s.reason,
                          })
                        }
                      >
                        {t('hall.manage.apply')}
                      </Button>
                    </Space>
                  </Card>
                ))}
                <Typography.Title level={5}>{t('hall.manage.switches')}</Typography.Title>
                <Table
                  size="small"
                  rowKey="at"
                  pagination={false}
                  dataSource={tidal.data?.switches}
                  columns={[
                    { title: t('hall.book.time'), render: (_, s) => dayjs(s.at).format('MM-DD HH:mm') },
                    { title: t('hall.console.window'), dataIndex: 'windowNumber' },
                    {
                      title: t('hall.manage.from'),
                      render: (_, s) => s.fromGroupIds.map(groupName).join('、') || '—',
                    },
                    { title: t('hall.manage.to'), render: (_, s) => s.toGroupIds.map(groupName).join('、') },
                    { title: t('hall.manage.reason'), dataIndex: 'reason' },
                  ]}
                />
              </Space>
            ),
          },
          {
            key: 'slots',
            label: t('hall.manage.slots'),
            children: (
              <Form
                layout="inline"
                initialValues={{
                  date: dayjs().add(1, 'day'),
                  from: dayjs('08:30', 'HH:mm'),
                  to: dayjs('17:30', 'HH:mm'),
                  minutes: 30,
                  capacity: 4,
                }}
                onFinish={(v: {
                  groupId: string;
                  date: Dayjs;
                  from: Dayjs;
                  to: Dayjs;
                  minutes: number;
                  capacity: number;
                }) =>
                  run('/api/hall/slots', {
                    hallId: hall.id,
                    groupId: v.groupId,
                    date: v.date.format('YYYY-MM-DD'),
                    from: v.from.format('HH:mm'),
                    to: v.to.format('HH:mm'),
                    minutes: v.minutes,
                    capacity: v.capacity,
                  })
                }
              >
                <Form.Item name="groupId" label={t('hall.console.group')} rules={[{ required: true }]}>
                  <Select
                    style={{ width: 160 }}
                    options={overview.data?.groups.map((g) => ({ value: g.id, label: g.name }))}
                  />
                </Form.Item>
                <Form.Item name="date" label={t('hall.book.date')}>
                  <DatePicker allowClear={false} />
                </Form.Item>
                <Form.Item name="from" label={t('hall.manage.from')}>
                  <TimePicker format="HH:mm" minuteStep={5} allowClear={false} />
                </Form.Item>
                <Form.Item name="to" label={t('hall.manage.to')}>
                  <TimePicker format="HH:mm" minuteStep={5} allowClear={false} />
                </Form.Item>
                <Form.Item name="minutes" label={t('hall.manage.minutes')}>
                  <InputNumber min={5} max={240} />
                </Form.Item>
                <Form.Item name="capacity" label={t('hall.manage.capacity')}>
                  <InputNumber min={0} max={1000} />
                </Form.Item>
                <Button type="primary" htmlType="submit">
                  {t('hall.manage.createSlots')}
                </Button>
              </Form>
            ),
          },
          {
            key: 'register',
            label: t('hall.manage.register'),
            children: (
              <Table
                rowKey="departmentId"
                size="small"
                pagination={false}
                dataSource={register.data?.rows}
                columns={[
                  { title: t('hall.manage.department'), dataIndex: 'departmentName' },
                  { title: t('hall.manage.registered'), dataIndex: 'registered' },
                  { title: t('hall.manage.signedIn'), dataIndex: 'signedIn' },
                  {
                    title: t('hall.manage.never'),
                    render: (_, r) =>
                      r.neverSignedIn.map((s) => (
                        <Tag key={s.staffId} color="orange">
                          {s.name}
                        </Tag>
                      )),
                  },
                  { title: t('hall.manage.noPhoto'), render: (_, r) => r.missingPhoto.length },
                  {
                    title: t('hall.manage.pastTerm'),
                    render: (_, r) =>
                      r.pastTerm.map((s) => (
                        <Tag key={s.staffId} color="red">
                          {s.name}（{s.stationedUntil}）
                        </Tag>
                      )),
                  },
                ]}
              />
            ),
          },
          ...(can('hall.manage')
            ? [
                {
                  key: 'settings',
                  label: t('hall.manage.settings'),
                  children: <SettingsTab hallId={hall.id} />,
                },
              ]
            : []),
        ]}
      />
    </Space>
  );
}
