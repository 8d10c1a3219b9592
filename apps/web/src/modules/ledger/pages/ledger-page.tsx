import { useMemo, useState, type HTMLAttributes, type ReactNode } from 'react';
import { useNavigate } from 'react-router';
import {
  Button,
  Card,
  Empty,
  Flex,
  Popconfirm,
  Select,
  Space,
  Switch,
  Table,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import type { TableColumnsType } from 'antd';
import {
  BarChartOutlined,
  FileExcelOutlined,
  FileTextOutlined,
  ImportOutlined,
  PlusOutlined,
  UploadOutlined,
} from '@ant-design/icons';
import { MEASURE_STATUS_LABELS, type LedgerRow, type MeasureStatus } from '@tongban/contracts';
import { useAuth } from '../../../app/auth-context';
import { useDepartments } from '../../org';
import {
  ledgerXlsxUrl,
  useDeleteLedgerItem,
  useInspectionDetail,
  useLedgerRows,
  type FindingDetail,
} from '../api';
import { FindingDrawer } from '../components/finding-drawer';
import { SheetImportModal } from '../components/sheet-import-modal';
import { RecordModal } from '../components/record-modal';
import { InspectionSelect, inspectionName, useChosenInspection } from '../components/inspection-picker';
import {
  MEASURE_STATUSES,
  MeasureKindTag,
  MeasureStatusTag,
  RecurrenceTags,
  describeDeadline,
} from '../components/ledger-tags';
import { findMeasure, useMeasureActions, useNameOf } from '../components/use-measure-actions';
import { tr } from '../../../app/i18n';
import { labelsOf } from '../../../app/enum-labels';
import { TableRow, buildRows } from './ledger-rows';

/** 整改台账: the table the offices keep, per inspection, with progress, 销号 and 回头看. */
export function LedgerPage() {
  const navigate = useNavigate();
  const { can } = useAuth();
  const { inspections, chosen, choose } = useChosenInspection();
  const [status, setStatus] = useState<MeasureStatus>();
  const [departmentId, setDepartmentId] = useState<string>();
  const [overdueOnly, setOverdueOnly] = useState(false);
  const [drawerFindingId, setDrawerFindingId] = useState<string>();
  const [sheetImportFor, setSheetImportFor] = useState<string>();
  const [recording, setRecording] = useState(false);
  const deleteItem = useDeleteLedgerItem();
  const departments = useDepartments();
  const detail = useInspectionDetail(chosen?.id);
  const rows = useLedgerRows(
    {
      ...(chosen ? { inspectionId: chosen.id } : {}),
      ...(overdueOnly ? { status: 'overdue' as const } : status ? { status } : {}),
      ...(departmentId ? { departmentId } : {}),
    },
    !!chosen,
  );
  const { actions, reopenFinding, modals } = useMeasureActions();
  const nameOf = useNameOf(detail.data);
  const filtered = overdueOnly || !!status || !!departmentId;

  const data = useMemo(
    () =>
      detail.data && rows.data
        ? buildRows(detail.data.categories, detail.data.findings, rows.data, filtered)
        : [],
    [detail.data, rows.data, filtered],
  );
  const counts = useMemo(() => {
    const c = new Map<MeasureStatus, number>();
    for (const r of rows.data ?? []) c.set(r.status, (c.get(r.status) ?? 0) + 1);
    return c;
  }, [rows.data]);

  const drawerFinding = detail.data?.findings.find((f) => f.id === drawerFindingId);
  const categoryOf = (f: FindingDetail | undefined) => {
    const c = detail.data?.categories.find((x) => x.id === f?.categoryId);
    return c ? `${c.label}${c.title}` : undefined;
  };
  const measureOf = (row: LedgerRow) => findMeasure(detail.data, row.measureId);

  // Overdue measures in red: their own cells, not the finding cells they share with other measures.
  const heading = (r: TableRow) =>
    r.kind === 'category'
      ? { colSpan: 0 }
      : r.row?.status === 'overdue'
        ? { style: { background: '#fff1f0' } }
        : {};
  const spanned = (r: TableRow) =>
    r.kind === 'category' ? { colSpan: 0 } : { rowSpan: r.span, style: { verticalAlign: 'top' as const } };
  const cell = (r: TableRow, render: (row: LedgerRow) => ReactNode) =>
    r.kind === 'measure' && r.row ? render(r.row) : null;

  const columns: TableColumnsType<TableRow> = [
    {
      title: tr('ledger.ledgerPage.no'),
      key: 'number',
      width: 48,
      align: 'center',
      onCell: (r) =>
        r.kind === 'category'
          ? { colSpan: 10, style: { background: '#f5f7fa', fontWeight: 600 } }
          : { rowSpan: r.span, style: { verticalAlign: 'top' } },
      render: (_, r) =>
        r.kind === 'category' ? (
          <div
            style={{ textAlign: 'left', paddingLeft: r.depth * 24 }}
            data-testid="ledger-category"
          >{`${r.label}${r.title}`}</div>
        ) : (
          r.finding.number
        ),
    },
    {
      title: tr('ledger.ledgerPage.problem'),
      key: 'finding',
      width: '15%',
      onCell: spanned,
      render: (_, r) =>
        r.kind === 'measure' ? (
          <Space orientation="vertical" size={4}>
            <Typography.Link
              strong
              onClick={() => setDrawerFindingId(r.finding.id)}
              data-testid="ledger-finding"
            >
              {r.finding.title}
            </Typography.Link>
            {r.finding.description && (
              <Typography.Paragraph
                type="secondary"
                style={{ fontSize: 12, marginBottom: 0 }}
                ellipsis={{ rows: 3, tooltip: r.finding.description }}
              >
                {r.finding.description}
              </Typography.Paragraph>
            )}
          </Space>
        ) : null,
    },
    {
      title: tr('ledger.ledgerPage.measure'),
      key: 'measure',
      width: '18%',
      onCell: heading,
      render: (_, r) =>
        r.kind === 'measure' && !r.row ? (
          <Typography.Text type="secondary">{tr('ledger.ledgerPage.noMeasuresYet')}</Typography.Text>
        ) : (
          cell(r, (row) => (
            <Space orientation="vertical" size={2}>
              <span>{row.measure}</span>
              <MeasureKindTag kind={row.kind} />
            </Space>
          ))
        ),
    },
    {
      title: tr('ledger.ledgerPage.responsibleLeader'),
      key: 'leader',
      width: 84,
      onCell: heading,
      render: (_, r) => cell(r, (row) => row.leader || '—'),
    },
    {
      title: tr('ledger.ledgerPage.responsibleDepartment'),
      key: 'department',
      width: 100,
      onCell: heading,
      render: (_, r) => cell(r, (row) => row.department || '—'),
    },
    {
      title: tr('ledger.ledgerPage.responsiblePerson'),
      key: 'owner',
      width: 68,
      onCell: heading,
      render: (_, r) => cell(r, (row) => row.owner || '—'),
    },
    {
      title: tr('ledger.ledgerPage.dueDate'),
      key: 'due',
      width: 96,
      onCell: heading,
      render: (_, r) =>
        cell(r, (row) => {
          const d = describeDeadline(row.status === 'signed_off' ? null : row.dueDate);
          return (
            <div style={row.status === 'overdue' ? { color: '#cf1322', fontWeight: 600 } : undefined}>
              <div>{row.dueDate ?? (row.kind === 'ongoing' ? tr('ledger.ledgerPage.ongoing') : '—')}</div>
              {d && <div style={{ fontSize: 12 }}>{d.text}</div>}
            </div>
          );
        }),
    },
    {
      title: tr('ledger.ledgerPage.progress'),
      key: 'progress',
      width: '17%',
      onCell: heading,
      render: (_, r) =>
        cell(r, (row) =>
          row.progress ? (
            <Typography.Paragraph
              style={{ whiteSpace: 'pre-wrap', marginBottom: 0, fontSize: 13 }}
              ellipsis={{ rows: 3, tooltip: <span style={{ whiteSpace: 'pre-wrap' }}>{row.progress}</span> }}
            >
              {row.progress}
            </Typography.Paragraph>
          ) : (
            <Typography.Text type="secondary">—</Typography.Text>
          ),
        ),
    },
    {
      title: tr('ledger.ledgerPage.status'),
      key: 'status',
      width: 112,
      onCell: heading,
      render: (_, r) =>
        cell(r, (row) => (
          <Space orientation="vertical" size={2}>
            <MeasureStatusTag status={row.status} />
            <RecurrenceTags recurrence={row.recurrence} />
          </Space>
        )),
    },
    {
      title: tr('ledger.ledgerPage.actions'),
      key: 'actions',
      width: 84,
      onCell: heading,
      render: (_, r) =>
        cell(r, (row) => {
          const m = measureOf(row);
          const open = row.status !== 'signed_off';
          return (
            <Flex wrap gap={0}>
              {actions.canProgress && open && m && (
                <Button type="link" size="small" onClick={() => actions.onProgress(m)}>
                  {tr('ledger.ledgerPage.addProgress')}
                </Button>
              )}
              {actions.canSignoff && open && m && (
                <Button type="link" size="small" onClick={() => actions.onSignoff(m)}>
                  {tr('ledger.ledgerPage.close')}
                </Button>
              )}
              {actions.canSignoff && !open && m && (
                <Button type="link" size="small" danger onClick={() => actions.onReopen(m)}>
                  {tr('ledger.ledgerPage.followUpCheck')}
                </Button>
              )}
              <Button type="link" size="small" onClick={() => setDrawerFindingId(row.findingId)}>
                {tr('ledger.ledgerPage.details')}
              </Button>
              {can('ledger.write') && row.status === 'not_started' && m && m.progress.length === 0 && (
                <Popconfirm
                  title={tr('ledger.ledgerPage.deleteThisMeasureWithout')}
                  okText={tr('ledger.ledgerPage.delete')}
                  cancelText={tr('ledger.ledgerPage.cancel')}
                  onConfirm={() => deleteItem.mutate({ what: 'measures', id: row.measureId })}
                >
                  <Button type="link" size="small" danger data-testid="ledger-delete-measure">
                    {tr('ledger.ledgerPage.delete')}
                  </Button>
                </Popconfirm>
              )}
            </Flex>
          );
        }),
    },
  ];

  const inspection = detail.data?.inspection;
  return (
    <Card
      data-testid="ledger-page"
      title={
        <Typography.Title level={4} style={{ margin: 0 }}>
          {tr('ledger.ledgerPage.rectificationLedger')}
        </Typography.Title>
      }
      extra={
        <Space wrap>
          <Button
            icon={<BarChartOutlined />}
            onClick={() => void navigate(`/ledger/dashboard${chosen ? `?inspection=${chosen.id}` : ''}`)}
          >
            {tr('ledger.ledgerPage.rectificationDashboard')}
          </Button>
          {chosen && (
            <Button
              icon={<FileExcelOutlined />}
              href={ledgerXlsxUrl(chosen.id)}
              download
              data-testid="ledger-export"
            >
              {tr('ledger.ledgerPage.exportXlsx')}
            </Button>
          )}
          {can('ledger.write') && chosen && (
            <Button icon={<PlusOutlined />} onClick={() => setRecording(true)} data-testid="ledger-record">
              {tr('ledger.ledgerPage.recordAccountability')}
            </Button>
          )}
          {can('ledger.write') && chosen && (
            <Button icon={<UploadOutlined />} onClick={() => setSheetImportFor(chosen.id)}>
              {tr('ledger.ledgerPage.importXlsx')}
            </Button>
          )}
          {can('ledger.write') && chosen && (
            <Button
              icon={<FileTextOutlined />}
              data-testid="ledger-open-report"
              onClick={() => void navigate(`/ledger/${chosen.id}/report`)}
            >
              {tr('ledger.ledgerPage.rectificationReport')}
            </Button>
          )}
          {can('ledger.write') && (
            <Button type="primary" icon={<ImportOutlined />} onClick={() => void navigate('/ledger/import')}>
              {tr('ledger.ledgerPage.importFeedback')}
            </Button>
          )}
        </Space>
      }
    >
      <Flex wrap gap={12} align="center" style={{ marginBottom: 12 }}>
        <InspectionSelect
          list={inspections.data ?? []}
          value={chosen?.id}
          onChange={choose}
          loading={inspections.isLoading}
        />
        <Select
          allowClear
          placeholder={tr('ledger.ledgerPage.status')}
          style={{ width: 160 }}
          value={overdueOnly ? undefined : status}
          disabled={overdueOnly}
          onChange={setStatus}
          data-testid="ledger-filter-status"
          options={MEASURE_STATUSES.map((s) => ({ value: s, label: labelsOf(MEASURE_STATUS_LABELS)[s] }))}
        />
        <Select
          allowClear
          placeholder={tr('ledger.ledgerPage.responsibleDepartment')}
          style={{ width: 220 }}
          value={departmentId}
          onChange={setDepartmentId}
          showSearch={{ optionFilterProp: 'label' }}
          data-testid="ledger-filter-department"
          options={(departments.data ?? []).map((d) => ({ value: d.id, label: d.name }))}
        />
        <Space>
          <Switch checked={overdueOnly} onChange={setOverdueOnly} data-testid="ledger-filter-overdue" />
          <span>{tr('ledger.ledgerPage.overdueOnly')}</span>
        </Space>
      </Flex>
      {inspection && (
        <Flex wrap gap={8} align="center" style={{ marginBottom: 12 }} data-testid="ledger-summary">
          <Typography.Text type="secondary">
            {inspectionName(inspection)}
            {inspection.feedbackDate
              ? tr('ledger.ledgerPage.feedback', { feedbackDate: inspection.feedbackDate })
              : ''}{' '}
            {tr('ledger.ledgerPage.problems')} {detail.data?.findings.length ?? 0}{' '}
            {tr('ledger.ledgerPage.measures')} {rows.data?.length ?? 0} {tr('ledger.ledgerPage.items')}
            {filtered ? tr('ledger.ledgerPage.filtered') : ''}
          </Typography.Text>
          {MEASURE_STATUSES.filter((s) => counts.get(s)).map((s) => (
            <Tooltip
              key={s}
              title={tr('ledger.ledgerPage.clickToShowOnly', { v0: labelsOf(MEASURE_STATUS_LABELS)[s] })}
            >
              <Tag
                style={{ cursor: 'pointer' }}
                color={s === 'overdue' ? 'error' : undefined}
                onClick={() => {
                  setOverdueOnly(false);
                  setStatus(s);
                }}
              >
                {labelsOf(MEASURE_STATUS_LABELS)[s]} {counts.get(s)}
              </Tag>
            </Tooltip>
          ))}
        </Flex>
      )}
      {!inspections.isLoading && (inspections.data?.length ?? 0) === 0 ? (
        <Empty description={tr('ledger.ledgerPage.noInspectionsYetImport')} />
      ) : (
        <Table<TableRow>
          data-testid="ledger-table"
          size="small"
          bordered
          rowKey="key"
          loading={detail.isLoading || rows.isLoading}
          columns={columns}
          dataSource={data}
          pagination={false}
          sticky
          locale={{
            emptyText: filtered ? tr('ledger.ledgerPage.noMeasuresMatchThe') : tr('ledger.ledgerPage.noData'),
          }}
          onRow={(r) =>
            r.kind === 'measure' && r.row?.status === 'overdue'
              ? ({ 'data-overdue': 'true' } as HTMLAttributes<HTMLElement>)
              : {}
          }
        />
      )}
      <FindingDrawer
        finding={drawerFinding}
        categoryTitle={categoryOf(drawerFinding)}
        onClose={() => setDrawerFindingId(undefined)}
        onReopenFinding={reopenFinding}
        actions={actions}
        nameOf={nameOf}
      />
      {modals}
      <SheetImportModal inspectionId={sheetImportFor} onClose={() => setSheetImportFor(undefined)} />
      <RecordModal detail={detail.data} open={recording} onClose={() => setRecording(false)} />
    </Card>
  );
}
