import { useMemo, useState } from 'react';
import { useNavigate } from 'react-router';
import { Button, Card, Col, Row, Space, Statistic, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import type { LedgerRow } from '@tongban/contracts';
import { useAuth, useCurrentUser } from '../../../app/auth-context';
import { useInspections, useMyMeasures } from '../api';
import { inspectionName } from '../components/inspection-picker';
import {
  MeasureKindTag,
  MeasureStatusTag,
  RecurrenceTags,
  daysUntil,
  describeDeadline,
} from '../components/ledger-tags';
import { ProgressModal, type MeasureRef } from '../components/progress-modal';
import { tr } from '../../../app/i18n';

const open = (r: LedgerRow) => r.status !== 'signed_off';

/** Open measures first, the most urgent on top; signed-off ones last. */
function byUrgency(a: LedgerRow, b: LedgerRow): number {
  if (open(a) !== open(b)) return open(a) ? -1 : 1;
  if (a.status === 'awaiting_signoff' && b.status !== 'awaiting_signoff') return 1;
  if (b.status === 'awaiting_signoff' && a.status !== 'awaiting_signoff') return -1;
  return (a.dueDate ?? '9999-12-31').localeCompare(b.dueDate ?? '9999-12-31');
}

/** 我的整改任务: the measures the signed-in user owns, with their deadlines. */
export function MyMeasuresPage() {
  const navigate = useNavigate();
  const user = useCurrentUser();
  const { can } = useAuth();
  const mine = useMyMeasures();
  const inspections = useInspections();
  const [progressFor, setProgressFor] = useState<MeasureRef>();

  const rows = useMemo(() => [...(mine.data ?? [])].sort(byUrgency), [mine.data]);
  const names = useMemo(
    () => new Map((inspections.data ?? []).map((i) => [i.id, inspectionName(i)])),
    [inspections.data],
  );
  const todo = rows.filter((r) => open(r) && r.status !== 'awaiting_signoff');
  const overdue = rows.filter((r) => r.status === 'overdue').length;
  const soon = todo.filter((r) => r.dueDate && daysUntil(r.dueDate) >= 0 && daysUntil(r.dueDate) <= 7).length;

  const columns: TableColumnsType<LedgerRow> = [
    {
      title: tr('ledger.myMeasuresPage.inspection'),
      key: 'inspection',
      width: 180,
      render: (_, r) => names.get(r.inspectionId) ?? '—',
    },
    { title: tr('ledger.myMeasuresPage.problem'), dataIndex: 'finding', key: 'finding', width: 200 },
    {
      title: tr('ledger.myMeasuresPage.measure'),
      key: 'measure',
      width: '30%',
      render: (_, r) => (
        <Space orientation="vertical" size={2}>
          <span>{r.measure}</span>
          <MeasureKindTag kind={r.kind} />
        </Space>
      ),
    },
    {
      title: tr('ledger.myMeasuresPage.responsibleDepartment'),
      dataIndex: 'department',
      key: 'department',
      width: 150,
    },
    {
      title: tr('ledger.myMeasuresPage.dueDate'),
      key: 'due',
      width: 130,
      render: (_, r) => {
        const d = describeDeadline(open(r) ? r.dueDate : null);
        return (
          <div
            style={d?.overdue ? { color: '#cf1322', fontWeight: 600 } : undefined}
            data-testid="my-deadline"
          >
            <div>{r.dueDate ?? (r.kind === 'ongoing' ? tr('ledger.myMeasuresPage.ongoing') : '—')}</div>
            {d && <div style={{ fontSize: 12 }}>{d.text}</div>}
          </div>
        );
      },
    },
    {
      title: tr('ledger.myMeasuresPage.status'),
      key: 'status',
      width: 130,
      render: (_, r) => (
        <Space orientation="vertical" size={2}>
          <MeasureStatusTag status={r.status} />
          <RecurrenceTags recurrence={r.recurrence} />
        </Space>
      ),
    },
    {
      title: tr('ledger.myMeasuresPage.actions'),
      key: 'actions',
      width: 170,
      render: (_, r) => (
        <Space size={0} wrap>
          {can('ledger.progress') && (open(r) || !!r.recurrence) && (
            <Button
              type="link"
              size="small"
              onClick={() =>
                setProgressFor({ id: r.measureId, content: r.measure, recurring: !!r.recurrence })
              }
            >
              {tr('ledger.myMeasuresPage.addProgress')}
            </Button>
          )}
          <Button
            type="link"
            size="small"
            onClick={() => void navigate(`/ledger?inspection=${r.inspectionId}`)}
          >
            {tr('ledger.myMeasuresPage.openLedger')}
          </Button>
        </Space>
      ),
    },
  ];

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="my-measures-page">
      <Row gutter={16}>
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic
              title={tr('ledger.myMeasuresPage.open')}
              value={todo.length}
              suffix={tr('ledger.myMeasuresPage.items')}
            />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic
              title={tr('ledger.myMeasuresPage.overdue')}
              value={overdue}
              suffix={tr('ledger.myMeasuresPage.items')}
              styles={{ content: overdue ? { color: '#cf1322' } : {} }}
            />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic
              title={tr('ledger.myMeasuresPage.dueWithin7Days')}
              value={soon}
              suffix={tr('ledger.myMeasuresPage.items')}
            />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic
              title={tr('ledger.myMeasuresPage.closingAskedClosed')}
              value={`${rows.filter((r) => r.status === 'awaiting_signoff').length} / ${rows.filter((r) => r.status === 'signed_off').length}`}
            />
          </Card>
        </Col>
      </Row>
      <Card
        title={
          <Space>
            <Typography.Title level={4} style={{ margin: 0 }}>
              {tr('ledger.myMeasuresPage.myMeasures')}
            </Typography.Title>
            <Typography.Text type="secondary">
              {tr('ledger.myMeasuresPage.responsible')}
              {user.displayName}
            </Typography.Text>
          </Space>
        }
      >
        <Table<LedgerRow>
          rowKey="measureId"
          size="middle"
          loading={mine.isLoading}
          columns={columns}
          dataSource={rows}
          pagination={{ defaultPageSize: 20, hideOnSinglePage: true }}
          locale={{ emptyText: tr('ledger.myMeasuresPage.youHaveNoMeasures') }}
          onRow={(r) => (r.status === 'overdue' ? { style: { background: '#fff1f0' } } : {})}
        />
      </Card>
      <ProgressModal measure={progressFor} onClose={() => setProgressFor(undefined)} />
    </Space>
  );
}
