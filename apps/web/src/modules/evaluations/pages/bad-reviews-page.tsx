import { useState } from 'react';
import { useNavigate } from 'react-router';
import { Card, Segmented, Table, Tag, type TableColumnsType } from 'antd';
import {
  BAD_REASON_LABELS,
  BAD_REVIEW_STATUS_LABELS,
  RATING_CHANNEL_LABELS,
  RATING_LEVEL_LABELS,
  type BadReview,
} from '@tongban/contracts';
import { useBadReviews } from '../api';

/** 差评工单: the supervisor's and the department's work list, most urgent first. */
export function BadReviewsPage() {
  const navigate = useNavigate();
  const [status, setStatus] = useState<string>('');
  const list = useBadReviews(status || undefined);
  const columns: TableColumnsType<BadReview> = [
    { title: '评价', render: (_, r) => <Tag color="red">{RATING_LEVEL_LABELS[r.rating.level]}</Tag> },
    {
      title: '原因',
      render: (_, r) => (r.rating.reasonCategory ? BAD_REASON_LABELS[r.rating.reasonCategory] : ''),
    },
    { title: '渠道', render: (_, r) => RATING_CHANNEL_LABELS[r.rating.channel] },
    { title: '被评价人', render: (_, r) => r.rating.staffName ?? '—' },
    {
      title: '状态',
      render: (_, r) => (
        <>
          <Tag color={r.status === 'closed' ? 'green' : 'blue'}>{BAD_REVIEW_STATUS_LABELS[r.status]}</Tag>
          {r.overdue && <Tag color="red">超期</Tag>}
          {r.rating.excluded && <Tag>申诉成立</Tag>}
        </>
      ),
    },
    { title: '办结期限', dataIndex: 'dueDate' },
    { title: '实名', render: (_, r) => (r.rating.realName ? '实名' : '匿名') },
  ];
  return (
    <Card title="差评工单" data-testid="bad-reviews">
      <Segmented
        value={status}
        onChange={(v) => setStatus(v)}
        options={[
          { value: '', label: '全部' },
          ...Object.entries(BAD_REVIEW_STATUS_LABELS).map(([value, label]) => ({ value, label })),
        ]}
        style={{ marginBottom: 16 }}
      />
      <Table
        rowKey="id"
        size="small"
        loading={list.isLoading}
        columns={columns}
        dataSource={list.data?.items ?? []}
        onRow={(r) => ({
          onClick: () => void navigate(`/evaluations/bad-reviews/${r.id}`),
          style: { cursor: 'pointer' },
        })}
      />
    </Card>
  );
}
