import { Card, Segmented, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import type { ComplaintFigureDimension, ComplaintFigureRow } from '@tongban/contracts';
import { useFigures } from '../api';
import { tr } from '../../../app/i18n';
import { useLabels } from '../labels';

const DIMS: { value: ComplaintFigureDimension; label: string }[] = [
  {
    value: 'department',
    get label() {
      return tr('complaints.complaintFiguresPage.byDepartment');
    },
  },
  {
    value: 'window',
    get label() {
      return tr('complaints.complaintFiguresPage.byWindow');
    },
  },
  {
    value: 'staff',
    get label() {
      return tr('complaints.complaintFiguresPage.byPerson');
    },
  },
  {
    value: 'type',
    get label() {
      return tr('complaints.complaintFiguresPage.byType');
    },
  },
  {
    value: 'source',
    get label() {
      return tr('complaints.complaintFiguresPage.byChannel');
    },
  },
  {
    value: 'month',
    get label() {
      return tr('complaints.complaintFiguresPage.byMonth');
    },
  },
];
const pct = (v: number | null) => (v == null ? '—' : `${(v * 100).toFixed(1)}%`);

/** 按时办结率、回访率、满意率、重复投诉 (TRUTH-1: computed; RATE-1: defined; drill into records). */
export function ComplaintFiguresPage() {
  const [by, setBy] = useState<ComplaintFigureDimension>('department');
  const q = useFigures(by);
  const { label } = useLabels();
  // The server's labels are the Chinese of the .xlsx; on screen they follow the UI language.
  const groupLabel = (key: string, serverLabel: string) =>
    key === 'total'
      ? tr('complaints.complaintFiguresPage.total')
      : by === 'department' && key === 'none'
        ? tr('complaints.complaintFiguresPage.unassigned')
        : by === 'type' || by === 'source'
          ? label(by, key)
          : serverLabel;
  const drill = (r: ComplaintFigureRow) => {
    const p = new URLSearchParams({ scope: 'all' });
    if (by === 'department' && r.key !== 'none') p.set('departmentId', r.key);
    return `/complaints?${p.toString()}`;
  };
  return (
    <Card
      title={tr('complaints.complaintFiguresPage.requestFigures')}
      extra={
        <a href={`/api/complaints/figures.xlsx?by=${by}`}>
          {tr('complaints.complaintFiguresPage.exportXlsx')}
        </a>
      }
    >
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
              title: tr('complaints.complaintFiguresPage.group'),
              dataIndex: 'label',
              render: (v: string, r) =>
                r.key === 'total' ? (
                  <b>{groupLabel(r.key, v)}</b>
                ) : (
                  <Link to={drill(r)}>{groupLabel(r.key, v)}</Link>
                ),
            },
            { title: tr('complaints.complaintFiguresPage.received'), dataIndex: 'total' },
            { title: tr('complaints.complaintFiguresPage.concluded'), dataIndex: 'closed' },
            { title: tr('complaints.complaintFiguresPage.onTimeRate'), dataIndex: 'onTimeRate', render: pct },
            {
              title: tr('complaints.complaintFiguresPage.followUpRate'),
              dataIndex: 'callbackRate',
              render: pct,
            },
            {
              title: tr('complaints.complaintFiguresPage.satisfactionRate'),
              dataIndex: 'satisfactionRate',
              render: pct,
            },
            { title: tr('complaints.complaintFiguresPage.repeatComplaints'), dataIndex: 'repeat' },
          ]}
        />
        {q.data &&
          Object.entries(q.data.definitions).map(([k, v]) => (
            <Typography.Text key={k} type="secondary">
              {tr(`complaints.complaintFiguresPage.definition.${k}`, { defaultValue: `${k}：${v}` })}
            </Typography.Text>
          ))}
      </Space>
    </Card>
  );
}
