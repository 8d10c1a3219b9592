import { Button, Card, Segmented, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { ComplaintSummary } from '@tongban/contracts';
import { useComplaints } from '../api';
import { useLabels } from '../labels';
import { tr } from '../../../app/i18n';

const SCOPES = [
  {
    value: 'desk',
    get label() {
      return tr('complaints.complaintListPage.dispatchDeskToDispatch');
    },
  },
  {
    value: 'mine',
    get label() {
      return tr('complaints.complaintListPage.myWorkOrdersDepartment');
    },
  },
  {
    value: 'overdue',
    get label() {
      return tr('complaints.complaintListPage.overdue');
    },
  },
  {
    value: 'all',
    get label() {
      return tr('complaints.complaintListPage.all');
    },
  },
];

export function ComplaintListPage() {
  const { label } = useLabels();
  const [params, setParams] = useSearchParams();
  const scope = params.get('scope') ?? 'all';
  const [offset, setOffset] = useState(0);
  const q = useComplaints({ scope, offset: String(offset), limit: '20' });
  return (
    <Card
      title={tr('complaints.complaintListPage.workOrders')}
      extra={
        <Space>
          <Link to="/complaints/new">
            <Button type="primary">{tr('complaints.complaintListPage.takeARequest')}</Button>
          </Link>
          <Link to="/complaints/import">
            <Button>{tr('complaints.complaintListPage.import12345HotlineSheet')}</Button>
          </Link>
        </Space>
      }
    >
      <Segmented
        options={SCOPES}
        value={scope}
        onChange={(v) => {
          setOffset(0);
          setParams({ scope: String(v) });
        }}
        style={{ marginBottom: 16 }}
      />
      <Table<ComplaintSummary>
        rowKey="id"
        loading={q.isLoading}
        dataSource={q.data?.items ?? []}
        pagination={{ total: q.data?.total ?? 0, pageSize: 20, onChange: (p) => setOffset((p - 1) * 20) }}
        // Wide enough that the title keeps a readable column; narrower screens scroll.
        scroll={{ x: 1200 }}
        columns={[
          {
            title: tr('complaints.complaintListPage.orderNo'),
            dataIndex: 'orderNo',
            render: (v: string, r) => (
              <Link to={`/complaints/${r.id}`} style={{ whiteSpace: 'nowrap' }}>
                {v}
              </Link>
            ),
          },
          { title: tr('complaints.complaintListPage.n12345No'), dataIndex: 'externalNo' },
          {
            title: tr('complaints.complaintListPage.channel'),
            dataIndex: 'source',
            render: (v: ComplaintSummary['source']) => label('source', v),
          },
          {
            title: tr('complaints.complaintListPage.type'),
            dataIndex: 'type',
            render: (v: ComplaintSummary['type']) => label('type', v),
          },
          { title: tr('complaints.complaintListPage.title'), dataIndex: 'title', width: 220 },
          {
            title: tr('complaints.complaintListPage.requester'),
            dataIndex: 'complainantNameMasked',
            render: (v: string, r) => (r.anonymous ? tr('complaints.complaintListPage.anonymous') : v),
          },
          { title: tr('complaints.complaintListPage.department'), dataIndex: 'heldByDepartmentName' },
          {
            title: tr('complaints.complaintListPage.status'),
            dataIndex: 'status',
            render: (v: ComplaintSummary['status'], r) => (
              <Space size={4}>
                <Tag>{label('status', v)}</Tag>
                {r.returnPending && (
                  <Tag color="orange">{tr('complaints.complaintListPage.returnedToRuleOn')}</Tag>
                )}
                {r.overdue && <Tag color="red">{tr('complaints.complaintListPage.overdue')}</Tag>}
                {r.flagged && <Tag color="volcano">{tr('complaints.complaintListPage.dissatisfied')}</Tag>}
              </Space>
            ),
          },
          {
            title: tr('complaints.complaintListPage.due'),
            dataIndex: 'dueDate',
            render: (v: string) => <span style={{ whiteSpace: 'nowrap' }}>{v}</span>,
          },
        ]}
      />
    </Card>
  );
}
