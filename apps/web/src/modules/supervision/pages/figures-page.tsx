import { useState } from 'react';
import { Button, Card, Flex, Segmented, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { type FigureCut, type FigureGroup, type FigureKey, type FigureValue } from '@tongban/contracts';
import { figuresXlsxUrl, useFigures, type FigureCasesFilter, type Period } from '../api';
import { BundlesCard } from '../components/bundles-card';
import { FigureCasesDrawer } from '../components/figure-cases-drawer';
import { PeriodPicker, thisYear } from '../components/period-picker';
import { useLabels } from '../labels';

const AVERAGE: ReadonlySet<FigureKey> = new Set(['avg_working_days']);

export function formatFigure(f: FigureValue): string {
  if (f.value === null) return '—';
  return AVERAGE.has(f.key) ? f.value.toFixed(1) : `${(f.value * 100).toFixed(1)}%`;
}

/** The cut's filter of a group: its region, township, hall, department, item, channel or month. */
function groupFilter(cut: FigureCut, key: string): Partial<FigureCasesFilter> {
  switch (cut) {
    case 'none':
      return {};
    case 'region':
      return { regionCode: key };
    case 'hall':
      // Departments outside every hall have no hall to filter by: the whole opens.
      return key ? { hallId: key } : {};
    case 'township':
      return { township: key };
    case 'department':
      return { departmentId: key };
    case 'item':
      return { itemId: key };
    case 'channel':
      return { channel: key };
    case 'month':
      return { month: key };
  }
}

/** RATE-1: every figure of a period, cut by department, item, channel or month; numbers open their cases. */
export function FiguresPage() {
  const { t } = useTranslation();
  const L = useLabels();
  const [period, setPeriod] = useState<Period>(thisYear);
  const [cut, setCut] = useState<FigureCut>('department');
  const [drill, setDrill] = useState<FigureCasesFilter | null>(null);
  const figures = useFigures({ ...period, cut });
  const rows = figures.data ? [...figures.data.groups, figures.data.total] : [];
  const keys = (figures.data?.total.figures ?? []).map((f) => f.key);
  const open = (g: FigureGroup, figure: FigureKey, part: 'numerator' | 'denominator') =>
    setDrill({ ...period, figure, part, ...(g.key === 'all' ? {} : groupFilter(cut, g.key)) });
  return (
    <Flex vertical gap={16}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('supervision.figures.title')}
      </Typography.Title>
      <Card size="small">
        <Flex gap={12} wrap align="center">
          <span>{t('supervision.figures.period')}</span>
          <PeriodPicker value={period} onChange={setPeriod} />
          <Segmented
            value={cut}
            onChange={(v) => setCut(v as FigureCut)}
            options={(
              ['none', 'region', 'township', 'hall', 'department', 'item', 'channel', 'month'] as const
            ).map((c) => ({
              value: c,
              label: t(`supervision.figures.cuts.${c}`),
            }))}
          />
          <Button href={figuresXlsxUrl({ ...period, cut })}>{t('supervision.figures.export')}</Button>
        </Flex>
        <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
          {t('supervision.figures.definition')}
        </Typography.Paragraph>
      </Card>
      <Card size="small">
        <Table<FigureGroup>
          size="small"
          rowKey="key"
          loading={figures.isLoading}
          dataSource={rows}
          pagination={false}
          scroll={{ x: 'max-content' }}
          data-testid="figures-table"
          columns={[
            {
              title: t(`supervision.figures.cuts.${cut}`),
              dataIndex: 'label',
              fixed: 'left',
              render: (label: string, g: FigureGroup) =>
                g.key === 'all'
                  ? t('supervision.figures.total')
                  : cut === 'channel'
                    ? L.channel(g.key)
                    : label,
            },
            { title: t('supervision.figures.received'), dataIndex: 'received' },
            { title: t('supervision.figures.concluded'), dataIndex: 'concluded' },
            ...keys.map((k, i) => ({
              title: L.figure(k),
              key: k,
              render: (_: unknown, g: FigureGroup) => {
                const f = g.figures[i]!;
                if (f.value === null && f.denominator === 0 && f.numerator === 0 && k.endsWith('review_rate'))
                  return <Typography.Text type="secondary">{t('supervision.figures.later')}</Typography.Text>;
                return (
                  <Button
                    type="link"
                    size="small"
                    onClick={() => open(g, k, 'numerator')}
                    title={`${f.numerator} / ${f.denominator}`}
                    data-testid={`figure-${k}-${g.key}`}
                  >
                    {formatFigure(f)}
                  </Button>
                );
              },
            })),
          ]}
        />
      </Card>
      <BundlesCard period={period} showOpen={false} />
      <FigureCasesDrawer filter={drill} onClose={() => setDrill(null)} />
    </Flex>
  );
}
