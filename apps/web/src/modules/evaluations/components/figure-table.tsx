import { useTranslation } from 'react-i18next';
import { Table, type TableColumnsType } from 'antd';
import type { FigureRow } from '@tongban/contracts';

/** The keys of the rows by channel (their labels are translated here). */
const CHANNELS = ['site', 'online', 'sms'];

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
  const { t } = useTranslation();
  const columns: TableColumnsType<FigureRow> = [
    {
      title: t('evaluations.table.rank'),
      dataIndex: 'rank',
      width: 60,
      render: (v: number) => v || t('evaluations.table.total'),
    },
    {
      title: t('evaluations.table.name'),
      dataIndex: 'label',
      render: (v: string, r) =>
        r.key === 'all'
          ? t('evaluations.table.total')
          : r.key === 'none'
            ? t('evaluations.table.unknown')
            : CHANNELS.includes(r.key)
              ? t(`evaluations.channel.${r.key}`)
              : v,
    },
    {
      title: t('evaluations.table.ratings'),
      dataIndex: 'ratings',
      render: (v: number, r) => (onOpen && r.rank ? <a onClick={() => onOpen(r)}>{v}</a> : v),
    },
    { title: t('evaluations.table.goodRate'), dataIndex: 'goodRate', render: pct },
    { title: t('evaluations.table.badRate'), dataIndex: 'badRate', render: pct },
    { title: t('evaluations.table.activeRate'), dataIndex: 'activeRate', render: pct },
    { title: t('evaluations.table.rectifyRate'), dataIndex: 'rectifyRate', render: pct },
    { title: t('evaluations.table.callbackRate'), dataIndex: 'callbackRate', render: pct },
    { title: t('evaluations.table.score'), dataIndex: 'score', render: (v: number) => v.toFixed(3) },
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
