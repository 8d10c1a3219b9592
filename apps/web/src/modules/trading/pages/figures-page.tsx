import { Card, Table, Typography } from 'antd';
import { TRADING_KIND_LABELS, type TradingFigures } from '@tongban/contracts';
import { useFigures } from '../api';
import { useTr } from '../i18n';

/** 应进必进 (TRUTH-1): the on-platform share by kind, with its written definition. */
export function FiguresPage() {
  const { t, tr, label } = useTr();
  const f = useFigures();
  return (
    <Card title={`${t('trading.figures')}（${f.data?.year ?? ''}）`}>
      <Typography.Paragraph type="secondary">{f.data?.definition}</Typography.Paragraph>
      <Table<TradingFigures['byKind'][number]>
        rowKey="kind"
        pagination={false}
        loading={f.isLoading}
        dataSource={f.data?.byKind}
        columns={[
          {
            title: tr('kind', '类别'),
            dataIndex: 'kind',
            render: (k: keyof typeof TRADING_KIND_LABELS) => label('kind', TRADING_KIND_LABELS, k),
          },
          { title: tr('onPlatform', '平台交易数'), dataIndex: 'onPlatform' },
          { title: tr('declaredOff', '部门申报场外数'), dataIndex: 'declaredOff' },
          {
            title: tr('share', '进场率'),
            dataIndex: 'share',
            render: (s: number | null) => (s == null ? '—' : `${(s * 100).toFixed(1)}%`),
          },
        ]}
      />
    </Card>
  );
}
