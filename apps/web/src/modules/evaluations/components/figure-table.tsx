import { Table, type TableColumnsType } from 'antd';
import type { FigureRow } from '@tongban/contracts';

export const pct = (v: number | null) => (v === null ? '—' : `${(v * 100).toFixed(1)}%`);

/** The figures of one dimension, ranked by the Wilson lower bound (EVAL-4). */
export function FigureTable({
  rows,
  total,
  onOpen,
  testId,
}: {
  rows: FigureRow[];
  total: FigureRow;
  onOpen?: (r: FigureRow) => void;
  testId?: string;
}) {
  const columns: TableColumnsType<FigureRow> = [
    { title: '排名', dataIndex: 'rank', width: 60, render: (v: number) => v || '合计' },
    { title: '名称', dataIndex: 'label' },
    {
      title: '评价数',
      dataIndex: 'ratings',
      render: (v: number, r) => (onOpen && r.rank ? <a onClick={() => onOpen(r)}>{v}</a> : v),
    },
    { title: '好评率', dataIndex: 'goodRate', render: pct },
    { title: '差评率', dataIndex: 'badRate', render: pct },
    { title: '主动评价率', dataIndex: 'activeRate', render: pct },
    { title: '差评整改率', dataIndex: 'rectifyRate', render: pct },
    { title: '回访率', dataIndex: 'callbackRate', render: pct },
    { title: '排名分', dataIndex: 'score', render: (v: number) => v.toFixed(3) },
  ];
  return (
    <Table
      data-testid={testId}
      rowKey="key"
      size="small"
      pagination={false}
      columns={columns}
      dataSource={[...rows, total]}
    />
  );
}
