import { Card, Col, Row, Space, Statistic, Table, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { BundleSummary } from '@tongban/contracts';
import { useAuth } from '../../../app/auth-context';
import { useBundleDefinitions, useBundleFigures, useBundles } from '../api';

const STATUS_COLORS: Record<string, string> = {
  open: 'processing',
  awaiting_choice: 'warning',
  concluded: 'success',
  delivered: 'default',
  withdrawn: 'default',
};

/** 一件事办件: every bundle with its critical path; supervision sees the figures (TRUTH-1). */
export function BundlesPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const list = useBundles();
  const defs = useBundleDefinitions();
  const figures = useBundleFigures(can('bundle.figures.read'));
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="large">
      <Typography.Title level={3}>{t('bundles.title.list')}</Typography.Title>
      {figures.data && (
        <Row gutter={16}>
          <Col span={6}>
            <Card>
              <Statistic title={t('bundles.list.total')} value={figures.data.total} />
            </Card>
          </Col>
          <Col span={6}>
            <Card>
              <Statistic
                title={t('bundles.list.rate')}
                value={(figures.data.concludeRate * 100).toFixed(1)}
                suffix="%"
              />
            </Card>
          </Col>
          <Col span={6}>
            <Card>
              <Statistic title={t('bundles.list.avgDays')} value={figures.data.averageDays ?? '—'} />
            </Card>
          </Col>
          <Col span={6}>
            <Card>
              <Statistic title={t('bundles.list.holdingCount')} value={figures.data.holding.length} />
            </Card>
          </Col>
        </Row>
      )}
      <Card title={t('bundles.list.table')}>
        <Table<BundleSummary>
          rowKey="id"
          loading={list.isLoading}
          dataSource={list.data?.items ?? []}
          pagination={false}
          // At least 1,000 px (scrolls on a phone); on a desk screen the columns fit and the holding
          // branch wraps instead of being cut off at the right edge.
          scroll={{ x: 1000 }}
          columns={[
            {
              title: t('bundles.common.bundleNo'),
              dataIndex: 'bundleNo',
              render: (v, r) => (
                <Link to={`/bundles/${r.id}`} style={{ whiteSpace: 'nowrap' }}>
                  {v}
                </Link>
              ),
            },
            { title: t('bundles.common.theme'), dataIndex: 'name' },
            { title: t('bundles.common.applicant'), dataIndex: 'applicantName' },
            {
              title: t('bundles.common.status'),
              dataIndex: 'status',
              render: (v: string) => <Tag color={STATUS_COLORS[v]}>{t(`bundles.status.${v}`)}</Tag>,
            },
            {
              title: t('bundles.common.branches'),
              render: (_, r) => (
                <span style={{ whiteSpace: 'nowrap' }}>
                  {t('bundles.common.branchesDone', { done: r.concludedBranches, total: r.branchCount })}
                </span>
              ),
            },
            {
              title: t('bundles.common.expectedFinish'),
              dataIndex: 'expectedFinish',
              render: (v: string) => <span style={{ whiteSpace: 'nowrap' }}>{v}</span>,
            },
            {
              title: t('bundles.common.legalDeadline'),
              dataIndex: 'legalDeadline',
              render: (v: string) => <span style={{ whiteSpace: 'nowrap' }}>{v}</span>,
            },
            {
              title: t('bundles.common.holding'),
              render: (_, r) =>
                r.holdingBranch ? (
                  <Tag
                    color="red"
                    data-testid="holding-branch"
                    style={{ whiteSpace: 'normal', marginInlineEnd: 0 }}
                  >{`${r.holdingBranch.itemName}（${r.holdingBranch.departmentName}）`}</Tag>
                ) : (
                  t('bundles.common.none')
                ),
            },
          ]}
        />
      </Card>
      <Card
        title={t('bundles.list.themes')}
        extra={
          can('bundle.define') && (
            <Link to="/bundles/definitions/new" data-testid="bundle-new-theme">
              {t('bundles.list.newTheme')}
            </Link>
          )
        }
      >
        <Table
          rowKey="versionId"
          loading={defs.isLoading}
          dataSource={defs.data?.items ?? []}
          pagination={false}
          columns={[
            { title: t('bundles.common.code'), dataIndex: 'code' },
            { title: t('bundles.common.name'), dataIndex: 'name' },
            {
              title: t('bundles.common.version'),
              dataIndex: 'versionNo',
              render: (v, r) => `v${v}（${t(`bundles.versionStatus.${r.status}`)}）`,
            },
            {
              title: t('bundles.common.item'),
              render: (_, r) => r.items.map((i) => `${i.itemName}（${i.departmentName}）`).join('、'),
            },
            {
              title: t('bundles.common.materials'),
              render: (_, r) => t('bundles.list.materialsMerged', { n: r.materials.length }),
            },
            {
              title: t('bundles.common.guide'),
              render: (_, r) => (
                <Link to={`/yjs/guide/${r.id}`} target="_blank">
                  {t('bundles.common.viewPrint')}
                </Link>
              ),
            },
          ]}
        />
      </Card>
    </Space>
  );
}
