import { useNavigate } from 'react-router';
import { Button, Card, Col, Row, Space, Statistic } from 'antd';
import { BarChartOutlined, GlobalOutlined, ProfileOutlined } from '@ant-design/icons';
import { useAuth } from '../../../app/auth-context';
import { useCatalogFigures } from '../api';
import { percent } from './catalog-format';
import { tr } from '../../../app/i18n';

/** 首页 card: the catalog's headline figures and the way to the public 办事指南. */
export function CatalogHomeCard() {
  const navigate = useNavigate();
  const { can } = useAuth();
  const reader = can('catalog.read');
  const figures = useCatalogFigures(reader);
  const f = figures.data;

  return (
    <Col span={24}>
      <Card
        title={tr('catalog.catalogHomeCard.serviceItems')}
        data-testid="catalog-home-card"
        extra={
          <Space>
            <Button icon={<GlobalOutlined />} href="/guide" target="_blank" data-testid="home-public-guide">
              {tr('catalog.catalogHomeCard.serviceGuidesPublic')}
            </Button>
            {reader && (
              <>
                <Button icon={<ProfileOutlined />} onClick={() => void navigate('/catalog')}>
                  {tr('catalog.catalogHomeCard.serviceCatalog')}
                </Button>
                <Button icon={<BarChartOutlined />} onClick={() => void navigate('/catalog/figures')}>
                  {tr('catalog.catalogHomeCard.catalogFigures')}
                </Button>
              </>
            )}
          </Space>
        }
      >
        {reader ? (
          <Row gutter={16}>
            <Col xs={12} md={6}>
              <Statistic
                title={tr('catalog.catalogHomeCard.publishedItems')}
                value={f?.total ?? 0}
                suffix={tr('catalog.catalogHomeCard.items', { count: f?.total ?? 0 })}
                loading={figures.isLoading}
              />
            </Col>
            <Col xs={12} md={6}>
              <Statistic
                title={tr('catalog.catalogHomeCard.fullyOnline')}
                value={f ? percent(f.fullyOnline.share) : '—'}
                loading={figures.isLoading}
              />
            </Col>
            <Col xs={12} md={6}>
              <Statistic
                title={tr('catalog.catalogHomeCard.zeroVisits')}
                value={f ? percent(f.zeroVisit.share) : '—'}
                loading={figures.isLoading}
              />
            </Col>
            <Col xs={12} md={6}>
              <Statistic
                title={tr('catalog.catalogHomeCard.negativeListItems')}
                value={f?.hallExempt.count ?? 0}
                suffix={tr('catalog.catalogHomeCard.items', { count: f?.hallExempt.count ?? 0 })}
                loading={figures.isLoading}
              />
            </Col>
          </Row>
        ) : (
          tr('catalog.catalogHomeCard.lookUpServiceGuides')
        )}
      </Card>
    </Col>
  );
}
