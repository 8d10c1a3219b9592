import { Button, Card, Segmented, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import {
  COMPLAINT_SOURCE_LABELS,
  COMPLAINT_STATUS_LABELS,
  COMPLAINT_TYPE_LABELS,
  type ComplaintSummary,
} from '@tongban/contracts';
import { useComplaints } from '../api';

const SCOPES = [
  { value: 'desk', label: '派单台（待派单、退单待裁定）' },
  { value: 'mine', label: '我的工单（本部门）' },
  { value: 'overdue', label: '超期' },
  { value: 'all', label: '全部' },
];

export function ComplaintListPage() {
  const [params, setParams] = useSearchParams();
  const scope = params.get('scope') ?? 'all';
  const [offset, setOffset] = useState(0);
  const q = useComplaints({ scope, offset: String(offset), limit: '20' });
  return (
    <Card
      title="诉求工单"
      extra={
        <Space>
          <Link to="/complaints/new">
            <Button type="primary">受理诉求</Button>
          </Link>
          <Link to="/complaints/import">
            <Button>导入 12345 工单表</Button>
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
        columns={[
          {
            title: '工单号',
            dataIndex: 'orderNo',
            render: (v: string, r) => <Link to={`/complaints/${r.id}`}>{v}</Link>,
          },
          { title: '12345 编号', dataIndex: 'externalNo' },
          {
            title: '渠道',
            dataIndex: 'source',
            render: (v: ComplaintSummary['source']) => COMPLAINT_SOURCE_LABELS[v],
          },
          {
            title: '类型',
            dataIndex: 'type',
            render: (v: ComplaintSummary['type']) => COMPLAINT_TYPE_LABELS[v],
          },
          { title: '标题', dataIndex: 'title' },
          {
            title: '诉求人',
            dataIndex: 'complainantNameMasked',
            render: (v: string, r) => (r.anonymous ? '匿名' : v),
          },
          { title: '承办部门', dataIndex: 'heldByDepartmentName' },
          {
            title: '状态',
            dataIndex: 'status',
            render: (v: ComplaintSummary['status'], r) => (
              <Space size={4}>
                <Tag>{COMPLAINT_STATUS_LABELS[v]}</Tag>
                {r.returnPending && <Tag color="orange">退单待裁定</Tag>}
                {r.overdue && <Tag color="red">超期</Tag>}
                {r.flagged && <Tag color="volcano">不满意</Tag>}
              </Space>
            ),
          },
          { title: '应办结', dataIndex: 'dueDate' },
        ]}
      />
    </Card>
  );
}
