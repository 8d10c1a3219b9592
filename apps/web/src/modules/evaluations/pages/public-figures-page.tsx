import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { Card, Col, Empty, Row, Select, Space, Spin, Statistic, Typography } from 'antd';
import { usePublicRegions } from '../../../app/public-regions';
import { PublicShell } from '../../catalog';
import { usePublicFigures } from '../api';
import { FigureTable, pct } from '../components/figure-table';

/**
 * 好差评公开 (as provinces publish): the hall's figures by department, no sign-in. The region is the
 * address's, or the first service center this site serves; with several, the visitor picks one.
 */
export function PublicFiguresPage() {
  const params = useParams();
  const navigate = useNavigate();
  const { t: tr } = useTranslation();
  const regions = usePublicRegions();
  const regionCode = params.regionCode ?? regions.choices[0]?.regionCode ?? '';
  const f = usePublicFigures(regionCode);
  const body = () => {
    if (!regionCode) return regions.isLoading ? <Spin /> : <Empty />;
    if (!f.data) return <Spin style={{ display: 'block', margin: '20vh auto' }} />;
    const t = f.data.total;
    return (
      <>
        <Row gutter={16} style={{ marginBottom: 16 }}>
          <Col xs={12} md={6}>
            <Statistic title={tr('evaluations.public.ratings')} value={t.ratings} />
          </Col>
          <Col xs={12} md={6}>
            <Statistic
              title={tr('evaluations.table.goodRate')}
              value={pct(t.goodRate)}
              data-testid="public-good-rate"
            />
          </Col>
          <Col xs={12} md={6}>
            <Statistic title={tr('evaluations.table.rectifyRate')} value={pct(t.rectifyRate)} />
          </Col>
          <Col xs={12} md={6}>
            <Statistic title={tr('evaluations.table.activeRate')} value={pct(t.activeRate)} />
          </Col>
        </Row>
        <FigureTable rows={f.data.departments} total={t} />
      </>
    );
  };
  return (
    <PublicShell title={tr('evaluations.public.title')}>
      <Card data-testid="public-figures">
        <Space direction="vertical" style={{ width: '100%' }}>
          <Typography.Title level={3} style={{ marginTop: 0 }}>
            {tr('evaluations.public.title')}
          </Typography.Title>
          {regions.choices.length > 1 && (
            <Space>
              {tr('evaluations.public.region')}
              <Select
                style={{ minWidth: 240 }}
                value={regionCode}
                options={regions.choices.map((c) => ({ value: c.regionCode, label: c.label }))}
                onChange={(v: string) => void navigate(`/evaluations-public/${v}`)}
              />
            </Space>
          )}
          {f.data && (
            <Typography.Paragraph type="secondary">
              {tr('evaluations.public.period', { from: f.data.from, to: f.data.to })}
            </Typography.Paragraph>
          )}
          {body()}
        </Space>
      </Card>
    </PublicShell>
  );
}
