import { Link } from 'react-router';
import { Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import type { CaseSummary } from '@tongban/contracts';
import { ClockCell, StatusTag, VisitsText, formatTime } from './case-tags';
import { tr } from '../../../app/i18n';
import { stepLabel } from '../../../app/enum-labels';

export type CaseColumnKey = 'caseNo' | 'item' | 'applicant' | 'status' | 'clock' | 'received' | 'visits';

/**
 * The columns every case list shares; `extra` adds page-specific ones at the end, `omit` leaves out
 * shared ones a page has no use for. Each column has a width (or, for 事项, a minimum width) so that
 * none is squeezed to one character: the shared ones come to 910 px, which fits the content area at
 * 1280 px; wider screens give the rest to 事项 and the page's own columns.
 */
export function caseColumns<T extends CaseSummary>(
  extra: TableColumnsType<T> = [],
  omit: readonly CaseColumnKey[] = [],
): TableColumnsType<T> {
  const shared: (TableColumnsType<T>[number] & { key: CaseColumnKey })[] = [
    {
      title: tr('cases.caseTable.caseNo'),
      key: 'caseNo',
      width: 180,
      render: (_, c) => (
        <Link to={`/cases/${c.id}`} data-testid="case-link" style={{ whiteSpace: 'nowrap' }}>
          {c.caseNo}
        </Link>
      ),
    },
    {
      title: tr('cases.caseTable.item'),
      key: 'item',
      minWidth: 170,
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
      title: tr('cases.caseTable.applicant'),
      key: 'applicant',
      width: 130,
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
      title: tr('cases.caseTable.status'),
      key: 'status',
      width: 110,
      render: (_, c) => (
        <div>
          <StatusTag status={c.status} />
          {c.status === 'accepted' && c.stepName && (
            <div style={{ fontSize: 12, color: '#6b7280' }}>
              {stepLabel(c.stepName)}
              {c.extensionStatus === 'requested' ? tr('cases.caseTable.extensionPending') : ''}
            </div>
          )}
        </div>
      ),
    },
    {
      title: tr('cases.caseTable.timeLimit'),
      key: 'clock',
      width: 90,
      render: (_, c) => <ClockCell clock={c.clock} />,
    },
    {
      title: tr('cases.caseTable.receivedAt'),
      key: 'received',
      width: 110,
      render: (_, c) => formatTime(c.receivedAt),
    },
    {
      title: tr('cases.caseTable.visit'),
      key: 'visits',
      width: 120,
      render: (_, c) => <VisitsText visits={c.visits} maxVisits={c.maxVisits} />,
    },
  ];
  return [...shared.filter((col) => !omit.includes(col.key)), ...extra];
}

/** The narrowest the columns can be: below it the table scrolls sideways instead of squeezing them. */
function minTableWidth<T>(columns: TableColumnsType<T>): number {
  return columns.reduce((sum, col) => {
    const w = typeof col.width === 'number' ? col.width : (col.minWidth ?? 0);
    return sum + w;
  }, 0);
}

export function CaseTable<T extends CaseSummary>({
  rows,
  loading,
  extra,
  omit,
  empty = tr('cases.caseTable.noCases'),
  testId = 'case-table',
}: {
  rows: T[];
  loading: boolean;
  extra?: TableColumnsType<T>;
  omit?: readonly CaseColumnKey[];
  empty?: string;
  testId?: string;
}) {
  const columns = caseColumns<T>(extra, omit);
  return (
    <Table<T>
      rowKey="id"
      size="middle"
      loading={loading}
      columns={columns}
      scroll={{ x: minTableWidth(columns) }}
      dataSource={rows}
      data-testid={testId}
      locale={{ emptyText: empty }}
      pagination={{
        defaultPageSize: 20,
        hideOnSinglePage: true,
        showTotal: (n) => tr('cases.caseTable.casesInTotal', { n }),
      }}
      onRow={(c) =>
        c.clock?.state === 'red' && c.clock.phase !== 'done' ? { style: { background: '#fff1f0' } } : {}
      }
    />
  );
}
