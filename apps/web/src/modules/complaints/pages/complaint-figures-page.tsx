import { Card, Segmented, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import type { ComplaintFigureDimension, ComplaintFigureRow } from '@tongban/contracts';
import { useFigures } from '../api';

const DIMS: { value: ComplaintFigureDimension; label: string }[] = [
  { value: 'department', label: '按部门' },
  { value: 'window', label: '按窗口' },
  { value: 'staff', label: '按人员' },
  { value: 'type', label: '按类型' },
  { value: 'source', label: '按渠道' },
  { value: 'month', label: '按月' },
];
const pct = (v: number | null) => (v == null ? '—' : `${(v * 100).toFixed(1)}%`);

/** 按时办结率、回访率、满意率、重复投诉 (TRUTH-1: computed; RATE-1: defined; drill into records). */
export function ComplaintFiguresPage() {
  const [by, setBy] = useState<ComplaintFigureDimension>('department');
  const q = useFigures(by);
  const drill = (r: ComplaintFigureRow) => {
    const p = new URLSearchParams({ scope: 'all' });
    if (by === 'department' && r.key !== 'none') p.set('departmentId', r.key);
    return `/complaints?${p.toString()}`;
  };
  return (
    <Card title="诉求统计" extra={<a href={`/api/complaints/figures.xlsx?by=${by}`}>导出 .xlsx</a>}>
      <Space direction="vertical" style={{ width: '100%' }}>
        <Segmented options={DIMS} value={by} onChange={(v) => setBy(v as ComplaintFigureDimension)} />
        <Table<ComplaintFigureRow>
          rowKey="key"
          size="small"
          loading={q.isLoading}
          pagination={false}
          dataSource={q.data ? [...q.data.rows, q.data.total] : []}
          columns={[
            {
              title: '分组',
              dataIndex: 'label',
              render: (v: string, r) => (r.key === 'total' ? <b>{v}</b> : <Link to={drill(r)}>{v}</Link>),
            },
            { title: '受理', dataIndex: 'total' },
            { title: '办结', dataIndex: 'closed' },
            { title: '按时办结率', dataIndex: 'onTimeRate', render: pct },
            { title: '回访率', dataIndex: 'callbackRate', render: pct },
            { title: '满意率', dataIndex: 'satisfactionRate', render: pct },
            { title: '重复投诉', dataIndex: 'repeat' },
          ]}
        />
        {q.data &&
          Object.entries(q.data.definitions).map(([k, v]) => (
            <Typography.Text key={k} type="secondary">
              {k}：{v}
            </Typography.Text>
          ))}
      </Space>
    </Card>
  );
}
