import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { Card, Col, Row, Spin, Statistic, Typography } from 'antd';
import { usePublicFigures } from '../api';
import { FigureTable, pct } from '../components/figure-table';

/** 好差评公开 (as provinces publish): the hall's figures by department, no sign-in. */
export function PublicFiguresPage() {
  const { regionCode = '350999' } = useParams();
  const { t: tr } = useTranslation();
  const f = usePublicFigures(regionCode);
  if (!f.data) return <Spin style={{ display: 'block', margin: '30vh auto' }} />;
  const t = f.data.total;
  return (
    <Card style={{ maxWidth: 1100, margin: '24px auto' }} data-testid="public-figures">
      <Typography.Title level={3}>{tr('evaluations.public.title')}</Typography.Title>
      <Typography.Paragraph type="secondary">
        {tr('evaluations.public.period', { from: f.data.from, to: f.data.to })}
      </Typography.Paragraph>
      <Row gutter={16} style={{ marginBottom: 16 }}>
        <Col span={6}>
          <Statistic title={tr('evaluations.public.ratings')} value={t.ratings} />
        </Col>
        <Col span={6}>
          <Statistic
            title={tr('evaluations.table.goodRate')}
            value={pct(t.goodRate)}
            data-testid="public-good-rate"
          />
        </Col>
        <Col span={6}>
          <Statistic title={tr('evaluations.table.rectifyRate')} value={pct(t.rectifyRate)} />
        </Col>
        <Col span={6}>
          <Statistic title={tr('evaluations.table.activeRate')} value={pct(t.activeRate)} />
        </Col>
      </Row>
      <FigureTable rows={f.data.departments} total={t} />
    </Card>
  );
}
