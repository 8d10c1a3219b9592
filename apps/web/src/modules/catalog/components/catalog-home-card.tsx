import { useNavigate } from 'react-router';
import { Button, Card, Col, Row, Space, Statistic } from 'antd';
import { BarChartOutlined, GlobalOutlined, ProfileOutlined } from '@ant-design/icons';
import { useAuth } from '../../../app/auth-context';
import { useCatalogFigures } from '../api';
import { percent } from './catalog-format';

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
        title="政务服务事项"
        data-testid="catalog-home-card"
        extra={
          <Space>
            <Button icon={<GlobalOutlined />} href="/guide" target="_blank" data-testid="home-public-guide">
              办事指南（公开）
            </Button>
            {reader && (
              <>
                <Button icon={<ProfileOutlined />} onClick={() => void navigate('/catalog')}>
                  事项目录
                </Button>
                <Button icon={<BarChartOutlined />} onClick={() => void navigate('/catalog/figures')}>
                  事项统计
                </Button>
              </>
            )}
          </Space>
        }
      >
        {reader ? (
          <Row gutter={16}>
            <Col xs={12} md={6}>
              <Statistic title="已发布事项" value={f?.total ?? 0} suffix="项" loading={figures.isLoading} />
            </Col>
            <Col xs={12} md={6}>
              <Statistic
                title="全程网办"
                value={f ? percent(f.fullyOnline.share) : '—'}
                loading={figures.isLoading}
              />
            </Col>
            <Col xs={12} md={6}>
              <Statistic
                title="零跑动"
                value={f ? percent(f.zeroVisit.share) : '—'}
                loading={figures.isLoading}
              />
            </Col>
            <Col xs={12} md={6}>
              <Statistic
                title="负面清单事项"
                value={f?.hallExempt.count ?? 0}
                suffix="项"
                loading={figures.isLoading}
              />
            </Col>
          </Row>
        ) : (
          '查询办事指南：需要的材料、办理时限、地点和流程，无需登录。'
        )}
      </Card>
    </Col>
  );
}
