import { Link, useNavigate } from 'react-router';
import { Button, Card, Col, Empty, Progress, Row, Space, Spin, Statistic, Table, Typography } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import type { CatalogFigures } from '@tongban/contracts';
import { useCatalogFigures } from '../api';
import { percent } from '../components/catalog-format';
import { ByDepartmentChart, ByTypeChart } from '../components/figures-charts';
import { tr } from '../../../app/i18n';

function ShareCard({
  title,
  part,
  total,
  testId,
}: {
  title: string;
  part: { count: number; share: number };
  total: number;
  testId: string;
}) {
  return (
    <Card data-testid={testId} style={{ height: '100%' }}>
      <Statistic title={title} value={percent(part.share)} />
      <Progress percent={Math.round(part.share * 1000) / 10} showInfo={false} strokeColor="#1d4ed8" />
      <Typography.Text type="secondary">
        {part.count} / {total} {tr('catalog.catalogFiguresPage.items')}
      </Typography.Text>
    </Card>
  );
}

/** 事项统计: computed from the published catalog of the region. */
export function CatalogFiguresPage() {
  const navigate = useNavigate();
  const figures = useCatalogFigures();
  const f = figures.data;

  return (
    <Card
      data-testid="catalog-figures-page"
      title={
        <Space>
          <Button type="text" icon={<ArrowLeftOutlined />} onClick={() => void navigate('/catalog')} />
          <Typography.Title level={4} style={{ margin: 0 }}>
            {tr('catalog.catalogFiguresPage.catalogFigures')}
          </Typography.Title>
          <Typography.Text type="secondary">
            {tr('catalog.catalogFiguresPage.countedOverPublishedVersions')}
            {f ? tr('catalog.catalogFiguresPage.region', { regionCode: f.regionCode }) : ''}
          </Typography.Text>
        </Space>
      }
    >
      {figures.isLoading ? (
        <Spin size="large" style={{ display: 'block', margin: 80 }} />
      ) : !f ? (
        <Empty />
      ) : (
        <FiguresBody f={f} />
      )}
    </Card>
  );
}

function FiguresBody({ f }: { f: CatalogFigures }) {
  return (
    <Row gutter={[16, 16]}>
      <Col xs={12} lg={6}>
        <Card data-testid="figure-total" style={{ height: '100%' }}>
          <Statistic
            title={tr('catalog.catalogFiguresPage.publishedItems')}
            value={f.total}
            suffix={tr('catalog.catalogFiguresPage.items')}
          />
          <Typography.Text type="secondary">
            {tr('catalog.catalogFiguresPage.draftsAndCancelledItems')}
          </Typography.Text>
        </Card>
      </Col>
      <Col xs={12} lg={6}>
        <ShareCard
          title={tr('catalog.catalogFiguresPage.fullyOnlineShare')}
          part={f.fullyOnline}
          total={f.total}
          testId="figure-online"
        />
      </Col>
      <Col xs={12} lg={6}>
        <ShareCard
          title={tr('catalog.catalogFiguresPage.zeroVisitShare')}
          part={f.zeroVisit}
          total={f.total}
          testId="figure-zero"
        />
      </Col>
      <Col xs={12} lg={6}>
        <ShareCard
          title={tr('catalog.catalogFiguresPage.atMostOneVisit')}
          part={f.atMostOneVisit}
          total={f.total}
          testId="figure-one"
        />
      </Col>
      <Col xs={24} lg={10}>
        <Card title={tr('catalog.catalogFiguresPage.byItemType')}>
          {f.byType.length ? <ByTypeChart figures={f} /> : <Empty />}
        </Card>
      </Col>
      <Col xs={24} lg={14}>
        <Card title={tr('catalog.catalogFiguresPage.byDepartment')}>
          {f.byDepartment.length ? <ByDepartmentChart figures={f} /> : <Empty />}
        </Card>
      </Col>
      <Col span={24}>
        <Card
          title={tr('catalog.catalogFiguresPage.hallNegativeListItems', { count: f.hallExempt.count })}
          data-testid="figure-exempt"
        >
          <Table
            rowKey="itemId"
            size="small"
            pagination={false}
            dataSource={f.hallExempt.items}
            locale={{ emptyText: tr('catalog.catalogFiguresPage.everyItemIsIn') }}
            columns={[
              {
                title: tr('catalog.catalogFiguresPage.itemName'),
                dataIndex: 'name',
                width: 280,
                render: (n: string, r) => <Link to={`/catalog/${r.itemId}`}>{n}</Link>,
              },
              { title: tr('catalog.catalogFiguresPage.reason'), dataIndex: 'reason' },
            ]}
          />
        </Card>
      </Col>
    </Row>
  );
}
