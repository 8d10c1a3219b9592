import { useState } from 'react';
import { Button, Card, Drawer, Flex, Segmented, Table, Tag, Typography } from 'antd';
import {
  FLAG_LABELS,
  RATING_CHANNEL_LABELS,
  RATING_LEVEL_LABELS,
  type FigureDimension,
  type FigureRow,
  type Rating,
} from '@tongban/contracts';
import { useFigures, useFlags, useRatings } from '../api';
import { FigureTable } from '../components/figure-table';

const DIMS: { value: FigureDimension; label: string }[] = [
  { value: 'department', label: '按部门' },
  { value: 'window', label: '按窗口' },
  { value: 'staff', label: '按人员' },
  { value: 'item', label: '按事项' },
  { value: 'channel', label: '按渠道' },
  { value: 'month', label: '按月份' },
];
const FILTER: Record<FigureDimension, string> = {
  department: 'departmentId',
  window: 'windowId',
  staff: 'staffId',
  item: 'itemId',
  channel: 'channel',
  month: 'month',
};

/** 好差评统计 (TRUTH-1, RATE-1, EVAL-4): each figure opens the records it counts. */
export function FiguresPage() {
  const [by, setBy] = useState<FigureDimension>('department');
  const f = useFigures(by);
  const flags = useFlags();
  const [open, setOpen] = useState<FigureRow | null>(null);
  const records = useRatings(open && open.key !== 'none' ? { [FILTER[by]]: open.key, limit: '200' } : null);
  return (
    <Flex vertical gap={16}>
      <Card
        title="好差评统计"
        extra={
          <Button href="/api/evaluations/figures.xlsx" data-testid="figures-xlsx">
            导出 .xlsx
          </Button>
        }
        data-testid="figures"
      >
        <Segmented value={by} onChange={(v) => setBy(v)} options={DIMS} style={{ marginBottom: 16 }} />
        {f.data && (
          <>
            <FigureTable rows={f.data.rows} total={f.data.total} onOpen={setOpen} testId="figure-table" />
            <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}>
              {Object.values(f.data.definitions).map((d) => (
                <div key={d}>{d}</div>
              ))}
            </Typography.Paragraph>
          </>
        )}
      </Card>
      <Card title="真实性校验（疑似非本人评价，已标记、照常计入）" data-testid="flags">
        <Table
          rowKey={(r) => `${r.ratingId}-${r.kind}`}
          size="small"
          dataSource={flags.data?.items ?? []}
          columns={[
            { title: '标记', render: (_, r) => <Tag color="orange">{FLAG_LABELS[r.kind]}</Tag> },
            { title: '说明', dataIndex: 'detail' },
            { title: '评价', render: (_, r) => RATING_LEVEL_LABELS[r.level] },
            { title: '被评价人', render: (_, r) => r.staffName ?? '—' },
            { title: '时间', render: (_, r) => r.createdAt.slice(0, 16).replace('T', ' ') },
          ]}
        />
      </Card>
      <Drawer
        open={open !== null}
        onClose={() => setOpen(null)}
        width={820}
        title={`评价记录：${open?.label ?? ''}`}
      >
        <Table<Rating>
          rowKey="id"
          size="small"
          loading={records.isLoading}
          dataSource={records.data?.items ?? []}
          columns={[
            { title: '评价', render: (_, r) => RATING_LEVEL_LABELS[r.level] },
            { title: '渠道', render: (_, r) => RATING_CHANNEL_LABELS[r.channel] },
            { title: '被评价人', render: (_, r) => r.staffName ?? '—' },
            { title: '时间', render: (_, r) => r.createdAt.slice(0, 16).replace('T', ' ') },
            {
              title: '说明',
              render: (_, r) => (r.excluded ? <Tag>不计入：{r.excludedReason}</Tag> : r.reasonText),
            },
          ]}
        />
      </Drawer>
    </Flex>
  );
}
