import { useTranslation } from 'react-i18next';
import { useState } from 'react';
import { Button, Card, Drawer, Flex, Segmented, Table, Tag, Typography } from 'antd';
import type { FigureDimension, FigureRow, Rating } from '@tongban/contracts';
import { useFigures, useFlags, useRatings } from '../api';
import { FigureTable } from '../components/figure-table';
import { formatInstant } from '../../../app/format';

const DIMS: { value: FigureDimension; key: string }[] = [
  { value: 'department', key: 'byDepartment' },
  { value: 'window', key: 'byWindow' },
  { value: 'staff', key: 'byStaff' },
  { value: 'item', key: 'byItem' },
  { value: 'channel', key: 'byChannel' },
  { value: 'month', key: 'byMonth' },
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
  const { t, i18n } = useTranslation();
  const chinese = !i18n.language?.startsWith('en');
  const [by, setBy] = useState<FigureDimension>('department');
  const f = useFigures(by);
  const flags = useFlags();
  const [open, setOpen] = useState<FigureRow | null>(null);
  const records = useRatings(open && open.key !== 'none' ? { [FILTER[by]]: open.key, limit: '200' } : null);
  return (
    <Flex vertical gap={16}>
      <Card
        title={t('evaluations.figures.title')}
        extra={
          <Button href="/api/evaluations/figures.xlsx" data-testid="figures-xlsx">
            {t('evaluations.figures.export')}
          </Button>
        }
        data-testid="figures"
      >
        <Segmented
          value={by}
          onChange={(v) => setBy(v)}
          options={DIMS.map((d) => ({ value: d.value, label: t(`evaluations.figures.${d.key}`) }))}
          style={{ marginBottom: 16 }}
        />
        {f.data && (
          <>
            <FigureTable rows={f.data.rows} total={f.data.total} onOpen={setOpen} testId="figure-table" />
            <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}>
              {Object.keys(f.data.definitions).map((k) => (
                <div key={k}>{t(`evaluations.def.${k}`, { defaultValue: f.data.definitions[k] })}</div>
              ))}
            </Typography.Paragraph>
          </>
        )}
      </Card>
      <Card title={t('evaluations.figures.flagsTitle')} data-testid="flags">
        <Table
          rowKey={(r) => `${r.ratingId}-${r.kind}`}
          size="small"
          dataSource={flags.data?.items ?? []}
          columns={[
            {
              title: t('evaluations.figures.flag'),
              render: (_, r) => <Tag color="orange">{t(`evaluations.flag.${r.kind}`)}</Tag>,
            },
            {
              title: t('evaluations.figures.detail'),
              // Chinese: the sentence stored with the flag; another language: the kind's own words.
              render: (_, r) =>
                chinese ? r.detail : t(`evaluations.flagDetail.${r.kind}`, { count: r.counted ?? 0 }),
            },
            { title: t('evaluations.figures.rating'), render: (_, r) => t(`evaluations.level.${r.level}`) },
            { title: t('evaluations.figures.rated'), render: (_, r) => r.staffName ?? '—' },
            {
              title: t('evaluations.figures.time'),
              render: (_, r) => formatInstant(r.createdAt),
            },
          ]}
        />
      </Card>
      <Drawer
        open={open !== null}
        onClose={() => setOpen(null)}
        width={820}
        title={t('evaluations.figures.records', { label: open?.label ?? '' })}
      >
        <Table<Rating>
          rowKey="id"
          size="small"
          loading={records.isLoading}
          dataSource={records.data?.items ?? []}
          columns={[
            { title: t('evaluations.figures.rating'), render: (_, r) => t(`evaluations.level.${r.level}`) },
            {
              title: t('evaluations.figures.channel'),
              render: (_, r) => t(`evaluations.channel.${r.channel}`),
            },
            { title: t('evaluations.figures.rated'), render: (_, r) => r.staffName ?? '—' },
            {
              title: t('evaluations.figures.time'),
              render: (_, r) => formatInstant(r.createdAt),
            },
            {
              title: t('evaluations.figures.detail'),
              render: (_, r) =>
                r.excluded ? (
                  <Tag>{t('evaluations.figures.excluded', { reason: r.excludedReason })}</Tag>
                ) : (
                  r.reasonText
                ),
            },
          ]}
        />
      </Drawer>
    </Flex>
  );
}
