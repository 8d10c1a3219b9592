import { Link } from 'react-router';
import { Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import type { CaseSummary } from '@tongban/contracts';
import { ClockCell, StatusTag, VisitsText, formatTime } from './case-tags';

/** The columns every case list shares; `extra` adds page-specific ones at the end. */
export function caseColumns<T extends CaseSummary>(extra: TableColumnsType<T> = []): TableColumnsType<T> {
  return [
    {
      title: '办件编号',
      key: 'caseNo',
      width: 190,
      render: (_, c) => (
        <Link to={`/cases/${c.id}`} data-testid="case-link">
          {c.caseNo}
        </Link>
      ),
    },
    {
      title: '事项',
      key: 'item',
      render: (_, c) => (
        <div>
          <div>{c.itemName}</div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {c.departmentName}
          </Typography.Text>
        </div>
      ),
    },
    {
      title: '申请人',
      key: 'applicant',
      width: 200,
      render: (_, c) => (
        <div>
          <div>{c.applicantName}</div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {c.applicantIdMasked}
          </Typography.Text>
        </div>
      ),
    },
    {
      title: '状态',
      key: 'status',
      width: 150,
      render: (_, c) => (
        <div>
          <StatusTag status={c.status} />
          {c.status === 'accepted' && c.stepName && (
            <div style={{ fontSize: 12, color: '#6b7280' }}>
              {c.stepName}
              {c.extensionStatus === 'requested' ? ' · 延期待批' : ''}
            </div>
          )}
        </div>
      ),
    },
    { title: '时限', key: 'clock', width: 120, render: (_, c) => <ClockCell clock={c.clock} /> },
    { title: '收件时间', key: 'received', width: 150, render: (_, c) => formatTime(c.receivedAt) },
    {
      title: '到现场',
      key: 'visits',
      width: 140,
      render: (_, c) => <VisitsText visits={c.visits} maxVisits={c.maxVisits} />,
    },
    ...extra,
  ];
}

export function CaseTable<T extends CaseSummary>({
  rows,
  loading,
  extra,
  empty = '暂无办件',
  testId = 'case-table',
}: {
  rows: T[];
  loading: boolean;
  extra?: TableColumnsType<T>;
  empty?: string;
  testId?: string;
}) {
  return (
    <Table<T>
      rowKey="id"
      size="middle"
      loading={loading}
      columns={caseColumns<T>(extra)}
      dataSource={rows}
      data-testid={testId}
      locale={{ emptyText: empty }}
      pagination={{ defaultPageSize: 20, hideOnSinglePage: true, showTotal: (n) => `共 ${n} 件` }}
      onRow={(c) =>
        c.clock?.state === 'red' && c.clock.phase !== 'done' ? { style: { background: '#fff1f0' } } : {}
      }
    />
  );
}
