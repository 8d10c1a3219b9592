import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { Button, Card, Col, Empty, Input, List, Row, Space, Tag, Typography } from 'antd';
import {
  AppstoreAddOutlined,
  CalendarOutlined,
  CommentOutlined,
  LikeOutlined,
  FileSearchOutlined,
  FormOutlined,
  NotificationOutlined,
  ReadOutlined,
  SafetyCertificateOutlined,
  ShopOutlined,
} from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { PublicShell } from '../../catalog';
import { usePublicReports, verifyTokenOf } from '../api';

/**
 * 网上办事大厅 (issue 14, point 1): the public portal home — search guides, apply online, track a
 * case, verify a license, read the published 整改通报. No sign-in.
 */
export function PortalPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const reports = usePublicReports();
  const [code, setCode] = useState('');
  const verify = () => {
    const token = verifyTokenOf(code);
    if (token) void navigate(`/verify/${encodeURIComponent(token)}`);
  };

  const tiles = [
    { key: 'guide', to: '/guide', icon: <ReadOutlined /> },
    { key: 'apply', to: '/apply', icon: <FormOutlined /> },
    { key: 'track', to: '/track', icon: <FileSearchOutlined /> },
  ] as const;
  // The other public services, so nobody needs to know their addresses.
  const more = [
    { key: 'bundle', to: '/yjs', icon: <AppstoreAddOutlined /> },
    { key: 'book', to: '/hall/book', icon: <CalendarOutlined /> },
    { key: 'feedback', to: '/feedback', icon: <CommentOutlined /> },
    { key: 'market', to: '/public/market', icon: <ShopOutlined /> },
    { key: 'ratings', to: '/evaluations-public', icon: <LikeOutlined /> },
  ] as const;

  return (
    <PublicShell title={t('portal.title')}>
      <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="portal-page">
        <Card
          style={{ background: 'linear-gradient(120deg, #0b2a6b, #1d4ed8)' }}
          styles={{ body: { padding: '28px 32px' } }}
        >
          <Typography.Title level={3} style={{ color: '#fff', marginTop: 0 }}>
            {t('portal.heroTitle')}
          </Typography.Title>
          <Typography.Paragraph style={{ color: 'rgba(255,255,255,0.85)' }}>
            {t('portal.heroText')}
          </Typography.Paragraph>
          <Input.Search
            size="large"
            allowClear
            enterButton={t('portal.search')}
            placeholder={t('portal.searchPlaceholder')}
            data-testid="portal-search"
            onSearch={(q) => void navigate(q.trim() ? `/guide?q=${encodeURIComponent(q.trim())}` : '/guide')}
          />
        </Card>
        <Row gutter={[16, 16]}>
          {tiles.map((tile) => (
            <Col key={tile.key} xs={24} md={6}>
              <Link to={tile.to} data-testid={`portal-tile-${tile.key}`}>
                <Card hoverable style={{ height: '100%' }}>
                  <Space orientation="vertical">
                    <span style={{ fontSize: 28, color: '#1d4ed8' }}>{tile.icon}</span>
                    <Typography.Text strong style={{ fontSize: 16 }}>
                      {t(`portal.tiles.${tile.key}.title`)}
                    </Typography.Text>
                    <Typography.Text type="secondary">{t(`portal.tiles.${tile.key}.text`)}</Typography.Text>
                  </Space>
                </Card>
              </Link>
            </Col>
          ))}
          <Col xs={24} md={6}>
            <Card style={{ height: '100%' }} data-testid="portal-verify">
              <Space orientation="vertical" style={{ width: '100%' }}>
                <span style={{ fontSize: 28, color: '#1d4ed8' }}>
                  <SafetyCertificateOutlined />
                </span>
                <Typography.Text strong style={{ fontSize: 16 }}>
                  {t('portal.tiles.verify.title')}
                </Typography.Text>
                <Input
                  placeholder={t('portal.verifyPlaceholder')}
                  value={code}
                  onChange={(e) => setCode(e.target.value)}
                  onPressEnter={verify}
                  data-testid="portal-verify-code"
                />
                <Button type="primary" block onClick={verify} data-testid="portal-verify-submit">
                  {t('portal.verifyButton')}
                </Button>
              </Space>
            </Card>
          </Col>
        </Row>
        <Card title={t('portal.moreTitle')} data-testid="portal-more" styles={{ body: { padding: 8 } }}>
          <Row gutter={[8, 8]}>
            {more.map((m) => (
              <Col key={m.key} xs={24} sm={12} md={6}>
                <Link to={m.to} data-testid={`portal-more-${m.key}`}>
                  <Card size="small" hoverable variant="borderless">
                    <Space align="start">
                      <span style={{ fontSize: 22, color: '#1d4ed8' }}>{m.icon}</span>
                      <Space orientation="vertical" size={0}>
                        <Typography.Text strong>{t(`portal.more.${m.key}.title`)}</Typography.Text>
                        <Typography.Text type="secondary">{t(`portal.more.${m.key}.text`)}</Typography.Text>
                      </Space>
                    </Space>
                  </Card>
                </Link>
              </Col>
            ))}
          </Row>
        </Card>
        <Card
          title={
            <Space>
              <NotificationOutlined />
              {t('portal.reportsTitle')}
            </Space>
          }
          data-testid="portal-reports"
        >
          <List
            loading={reports.isLoading}
            dataSource={reports.data?.items ?? []}
            locale={{ emptyText: <Empty description={t('portal.reportsEmpty')} /> }}
            renderItem={(r) => (
              <List.Item
                extra={<Typography.Text type="secondary">{r.publishedAt.slice(0, 10)}</Typography.Text>}
              >
                <Space wrap>
                  <Tag color="blue">{r.kindLabel}</Tag>
                  <Link to={`/reports/${r.id}`} data-testid="portal-report-link">
                    {t('portal.reportName', { unit: r.inspectedUnit })}
                  </Link>
                  <Typography.Text type="secondary">{r.issuer}</Typography.Text>
                </Space>
              </List.Item>
            )}
          />
        </Card>
        <Typography.Text type="secondary">
          {t('portal.staffHint')} <Link to="/login">{t('portal.staffLogin')}</Link>
        </Typography.Text>
      </Space>
    </PublicShell>
  );
}
