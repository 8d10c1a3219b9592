import { Button, Card, DatePicker, Drawer, Space, Statistic, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFigures, useProblems, useTickets } from '../api';
import { ServedChart, WaitingChart } from '../components/figures-charts';
import { useHall } from '../components/use-hall';
import { useHallLabel } from '../components/use-labels';

const pct = (v: number | null) => (v === null ? '—' : `${(v * 100).toFixed(1)}%`);

/** 大厅指标 (TRUTH-1): every number opens the records it counts. */
export function FiguresPage() {
  const { t } = useTranslation();
  const label = useHallLabel();
  const { hall } = useHall();
  const [range, setRange] = useState<[string, string]>([
    dayjs().subtract(7, 'day').format('YYYY-MM-DD'),
    dayjs().format('YYYY-MM-DD'),
  ]);
  const figures = useFigures(hall?.id, range[0], range[1]);
  const [drill, setDrill] = useState<string | null>(null);
  const tickets = useTickets(drill);
  const [dept, setDept] = useState<string>();
  const problems = useProblems(dept ? hall?.id : undefined, range[1].slice(0, 7), dept);
  const f = figures.data;
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Title level={3}>{t('hall.figures.title')}</Typography.Title>
      <Space>
        <DatePicker.RangePicker
          value={[dayjs(range[0]), dayjs(range[1])]}
          allowClear={false}
          onChange={(v) => v?.[0] && v[1] && setRange([v[0].format('YYYY-MM-DD'), v[1].format('YYYY-MM-DD')])}
        />
        {hall && (
          <Button href={`/api/hall/halls/${hall.id}/patrol-report.docx?month=${range[1].slice(0, 7)}`}>
            {t('hall.figures.report')}
          </Button>
        )}
      </Space>
      {f && (
        <>
          <Space size="large" wrap>
            <Card>
              <Statistic title={t('hall.figures.bookings')} value={f.bookings.total} />
            </Card>
            <Card>
              <Statistic title={t('hall.figures.used')} value={pct(f.bookings.usedRate)} />
            </Card>
            <Card>
              <Statistic title={t('hall.figures.noShow')} value={pct(f.bookings.noShowRate)} />
            </Card>
          </Space>
          <Card title={t('hall.figures.waiting')}>
            <WaitingChart figures={f} />
            <Table
              size="small"
              rowKey={(r) => `${r.groupId}-${r.hour}`}
              dataSource={f.waitingByGroupHour}
              pagination={false}
              columns={[
                { title: t('hall.console.group'), dataIndex: 'groupName' },
                { title: t('hall.figures.hour'), dataIndex: 'hour', render: (h: number) => `${h}:00` },
                {
                  title: t('hall.figures.count'),
                  render: (_, r) => (
                    <a onClick={() => setDrill(`hallId=${hall!.id}&groupId=${r.groupId}&hour=${r.hour}`)}>
                      {r.count}
                    </a>
                  ),
                },
                {
                  title: t('hall.figures.mean'),
                  render: (_, r) => t('hall.minutes', { n: Math.round(r.meanSeconds / 60) }),
                },
                { title: 'P90', render: (_, r) => t('hall.minutes', { n: Math.round(r.p90Seconds / 60) }) },
              ]}
            />
          </Card>
          <Card title={t('hall.figures.served')}>
            <ServedChart figures={f} />
            <Space wrap>
              {f.servedByWindow.map((w) => (
                <Tag
                  key={w.windowId}
                  style={{ cursor: 'pointer', fontSize: 16, padding: 6 }}
                  onClick={() => setDrill(`hallId=${hall!.id}&windowId=${w.windowId}&status=finished`)}
                >
                  {w.windowNumber}：{w.served}
                </Tag>
              ))}
            </Space>
          </Card>
          <Card title={t('hall.figures.problems')}>
            <Space wrap>
              {f.problemsByDepartment.map((d) => (
                <Tag
                  key={d.departmentId}
                  color="red"
                  style={{ cursor: 'pointer', fontSize: 16, padding: 6 }}
                  onClick={() => setDept(d.departmentId)}
                >
                  {d.departmentName}：{d.problems}
                </Tag>
              ))}
            </Space>
          </Card>
        </>
      )}
      <Drawer
        open={drill !== null}
        onClose={() => setDrill(null)}
        width={640}
        title={t('hall.figures.records')}
      >
        <Table
          size="small"
          rowKey="id"
          dataSource={tickets.data?.tickets}
          columns={[
            { title: t('hall.console.number'), dataIndex: 'number' },
            { title: t('hall.console.group'), dataIndex: 'groupName' },
            { title: t('hall.figures.issued'), render: (_, r) => dayjs(r.issuedAt).format('MM-DD HH:mm') },
            {
              title: t('hall.console.waited'),
              render: (_, r) =>
                r.waitingSeconds === null ? '—' : t('hall.minutes', { n: Math.round(r.waitingSeconds / 60) }),
            },
            { title: t('hall.console.window'), dataIndex: 'windowNumber' },
            { title: t('hall.figures.status'), render: (_, r) => label('ticket', r.status) },
          ]}
        />
      </Drawer>
      <Drawer open={!!dept} onClose={() => setDept(undefined)} width={640} title={t('hall.figures.records')}>
        <Table
          size="small"
          rowKey="id"
          dataSource={problems.data?.problems}
          columns={[
            { title: t('hall.book.time'), render: (_, r) => dayjs(r.foundAt).format('MM-DD HH:mm') },
            { title: t('hall.patrol.kind'), render: (_, r) => label('problem', r.kind) },
            { title: t('hall.console.window'), dataIndex: 'windowNumber' },
            { title: t('hall.console.staff'), dataIndex: 'staffName' },
            { title: t('hall.patrol.note'), dataIndex: 'note' },
          ]}
        />
      </Drawer>
    </Space>
  );
}
