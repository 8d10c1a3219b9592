import { useState } from 'react';
import { Button, Card, Col, Flex, Row, Segmented, Statistic, Table, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { BoardDepartment, ClockRow, SupervisionColour, WorkRow } from '@tongban/contracts';
import { useAuth } from '../../../app/auth-context';
import { useBoard, useClocks, useRefresh, useWork } from '../api';
import { BundlesCard } from '../components/bundles-card';
import { thisYear } from '../components/period-picker';
import { ColourTag } from '../components/colour-tag';
import { useLabels } from '../labels';
import { formatInstant } from '../../../app/format';

type Drill = { colour?: SupervisionColour | undefined; departmentId?: string | undefined };

/** SUP-1: red/yellow by department, 督办 by state; every number opens its cases. */
export function BoardPage() {
  const { t } = useTranslation();
  const L = useLabels();
  const { can } = useAuth();
  const board = useBoard();
  const work = useWork();
  const refresh = useRefresh();
  const [drill, setDrill] = useState<Drill>({ colour: 'red' });
  const clocks = useClocks(drill);
  const totals = board.data?.totals;
  const cell = (colour: SupervisionColour) => (n: number, d: BoardDepartment) =>
    n > 0 ? (
      <Button
        type="link"
        size="small"
        onClick={() => setDrill({ colour, departmentId: d.departmentId })}
        data-testid={`drill-${colour}-${d.departmentId}`}
      >
        {n}
      </Button>
    ) : (
      0
    );
  return (
    <Flex vertical gap={16}>
      <Flex justify="space-between" align="center">
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('supervision.board.title')}
        </Typography.Title>
        <Flex gap={8} align="center">
          {board.data?.computedAt && (
            <Typography.Text type="secondary">
              {t('supervision.board.computedAt')} {formatInstant(board.data.computedAt)}
            </Typography.Text>
          )}
          {can('supervision.refresh') && (
            <Button onClick={() => refresh.mutate()} loading={refresh.isPending}>
              {t('supervision.board.refresh')}
            </Button>
          )}
        </Flex>
      </Flex>
      <Row gutter={[12, 12]}>
        {(['red', 'yellow', 'green', 'paused'] as const).map((c) => (
          <Col key={c} xs={12} md={6} xl={3}>
            <Card size="small" hoverable onClick={() => setDrill({ colour: c })} data-testid={`total-${c}`}>
              <Statistic
                loading={board.isLoading}
                title={t(`supervision.board.${c}`)}
                value={totals?.[c] ?? 0}
              />
            </Card>
          </Col>
        ))}
        <Col xs={12} md={6} xl={3}>
          <Card size="small">
            <Statistic
              loading={board.isLoading}
              title={t('supervision.board.pastLegal')}
              value={totals?.pastLegal ?? 0}
              valueStyle={{ color: '#a8071a' }}
            />
          </Card>
        </Col>
        {(['ordersOpen', 'ordersAnswered', 'ordersLate'] as const).map((k) => (
          <Col key={k} xs={12} md={6} xl={3}>
            <Link
              to={`/supervision/orders?status=${k === 'ordersOpen' ? 'open' : k === 'ordersAnswered' ? 'answered' : 'late'}`}
            >
              <Card size="small" hoverable>
                <Statistic
                  loading={board.isLoading}
                  title={t(`supervision.board.${k}`)}
                  value={totals?.[k] ?? 0}
                />
              </Card>
            </Link>
          </Col>
        ))}
        {(['badReviewsOverdue', 'complaintsOverdue'] as const).map((k) => (
          <Col key={k} xs={12} md={6} xl={3}>
            <a href="#overdue-work">
              <Card size="small" hoverable>
                <Statistic
                  loading={board.isLoading}
                  title={t(`supervision.board.${k}`)}
                  value={totals?.[k] ?? 0}
                  valueStyle={(totals?.[k] ?? 0) > 0 ? { color: '#cf1322' } : undefined}
                />
              </Card>
            </a>
          </Col>
        ))}
      </Row>
      <Card size="small">
        <Table<BoardDepartment>
          size="small"
          rowKey="departmentId"
          loading={board.isLoading}
          pagination={false}
          dataSource={board.data?.departments ?? []}
          columns={[
            { title: t('supervision.board.department'), dataIndex: 'departmentName' },
            { title: t('supervision.board.red'), dataIndex: 'red', render: cell('red') },
            { title: t('supervision.board.yellow'), dataIndex: 'yellow', render: cell('yellow') },
            { title: t('supervision.board.green'), dataIndex: 'green', render: cell('green') },
            { title: t('supervision.board.paused'), dataIndex: 'paused', render: cell('paused') },
            { title: t('supervision.board.pastLegal'), dataIndex: 'pastLegal' },
            { title: t('supervision.board.ordersOpen'), dataIndex: 'ordersOpen' },
            { title: t('supervision.board.ordersAnswered'), dataIndex: 'ordersAnswered' },
            { title: t('supervision.board.ordersLate'), dataIndex: 'ordersLate' },
            { title: t('supervision.board.badReviewsOverdue'), dataIndex: 'badReviewsOverdue' },
            { title: t('supervision.board.complaintsOverdue'), dataIndex: 'complaintsOverdue' },
          ]}
        />
      </Card>
      <Card
        size="small"
        title={t('supervision.board.cases')}
        extra={
          <Segmented
            value={drill.colour ?? 'all'}
            onChange={(v) =>
              setDrill({ ...drill, colour: v === 'all' ? undefined : (v as SupervisionColour) })
            }
            options={[
              { value: 'all', label: t('supervision.board.all') },
              { value: 'red', label: t('supervision.board.red') },
              { value: 'yellow', label: t('supervision.board.yellow') },
              { value: 'green', label: t('supervision.board.green') },
              { value: 'paused', label: t('supervision.board.paused') },
            ]}
          />
        }
      >
        <Table<ClockRow>
          size="small"
          rowKey="caseId"
          loading={clocks.isLoading}
          dataSource={clocks.data?.items ?? []}
          data-testid="clock-table"
          columns={[
            {
              title: t('supervision.board.caseNo'),
              dataIndex: 'caseNo',
              render: (v: string, r) => <Link to={`/cases/${r.caseId}`}>{v}</Link>,
            },
            { title: t('supervision.board.department'), dataIndex: 'departmentName' },
            { title: t('supervision.board.item'), dataIndex: 'itemName' },
            {
              title: t('supervision.board.colour'),
              dataIndex: 'colour',
              render: (c: SupervisionColour, r) => (
                <>
                  <ColourTag colour={c} />
                  {r.pastLegal && <Tag color="#a8071a">{t('supervision.board.pastLegal')}</Tag>}
                </>
              ),
            },
            { title: t('supervision.board.deadline'), dataIndex: 'deadline' },
            {
              title: t('supervision.board.left'),
              dataIndex: 'leftWorkingDays',
              // A red case has none left: its overdue days say how late it is.
              render: (v: number | null, r) => (r.colour === 'red' || v === null ? '—' : v),
            },
            { title: t('supervision.board.overdue'), dataIndex: 'overdueWorkingDays' },
          ]}
        />
      </Card>
      <BundlesCard period={thisYear()} />
      <Card size="small" title={t('supervision.board.work')} id="overdue-work">
        <Table<WorkRow>
          size="small"
          rowKey={(r) => `${r.kind}:${r.id}`}
          loading={work.isLoading}
          dataSource={work.data?.items ?? []}
          locale={{ emptyText: t('supervision.board.noWork') }}
          data-testid="work-table"
          columns={[
            {
              title: t('supervision.board.workNo'),
              dataIndex: 'no',
              render: (v: string, r) => <Link to={r.link}>{v}</Link>,
            },
            {
              title: t('supervision.board.workKind'),
              dataIndex: 'kind',
              render: (k: WorkRow['kind']) => t(`supervision.workKinds.${k}`),
            },
            { title: t('supervision.board.department'), dataIndex: 'departmentName' },
            { title: t('supervision.board.dueDate'), dataIndex: 'dueDate' },
            { title: t('supervision.board.overdue'), dataIndex: 'overdueWorkingDays' },
            {
              title: t('supervision.board.levels'),
              dataIndex: 'levels',
              render: (ls: WorkRow['levels']) =>
                ls.map((l) => (
                  <Tag key={l} color={l === 'yellow_card' ? 'gold' : l === 'red_card' ? 'red' : 'purple'}>
                    {L.level(l)}
                  </Tag>
                )),
            },
          ]}
        />
      </Card>
    </Flex>
  );
}
