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
              <Statistic title="一件事办件量" value={figures.data.total} />
            </Card>
          </Col>
          <Col span={6}>
            <Card>
              <Statistic title="办结率" value={(figures.data.concludeRate * 100).toFixed(1)} suffix="%" />
            </Card>
          </Col>
          <Col span={6}>
            <Card>
              <Statistic title="平均用时（工作日）" value={figures.data.averageDays ?? '—'} />
            </Card>
          </Col>
          <Col span={6}>
            <Card>
              <Statistic title="卡点分支" value={figures.data.holding.length} />
            </Card>
          </Col>
        </Row>
      )}
      <Card title="一件事办件（红色为拖住一件事的分支）">
        <Table<BundleSummary>
          rowKey="id"
          loading={list.isLoading}
          dataSource={list.data?.items ?? []}
          pagination={false}
          columns={[
            {
              title: '编号',
              dataIndex: 'bundleNo',
              render: (v, r) => <Link to={`/bundles/${r.id}`}>{v}</Link>,
            },
            { title: '主题', dataIndex: 'name' },
            { title: '申请人', dataIndex: 'applicantName' },
            {
              title: '状态',
              dataIndex: 'statusLabel',
              render: (v, r) => <Tag color={STATUS_COLORS[r.status]}>{v}</Tag>,
            },
            { title: '分支', render: (_, r) => `${r.concludedBranches}/${r.branchCount} 已办结` },
            { title: '预计办结', dataIndex: 'expectedFinish' },
            { title: '法定期限', dataIndex: 'legalDeadline' },
            {
              title: '卡点分支',
              render: (_, r) =>
                r.holdingBranch ? (
                  <Tag
                    color="red"
                    data-testid="holding-branch"
                  >{`${r.holdingBranch.itemName}（${r.holdingBranch.departmentName}）`}</Tag>
                ) : (
                  '—'
                ),
            },
          ]}
        />
      </Card>
      <Card title="一件事主题">
        <Table
          rowKey="versionId"
          loading={defs.isLoading}
          dataSource={defs.data?.items ?? []}
          pagination={false}
          columns={[
            { title: '编码', dataIndex: 'code' },
            { title: '名称', dataIndex: 'name' },
            {
              title: '版本',
              dataIndex: 'versionNo',
              render: (v, r) =>
                `v${v}（${r.status === 'published' ? '已发布' : r.status === 'draft' ? '草稿' : '停用'}）`,
            },
            {
              title: '事项',
              render: (_, r) => r.items.map((i) => `${i.itemName}（${i.departmentName}）`).join('、'),
            },
            { title: '材料', render: (_, r) => `${r.materials.length} 项（合并去重）` },
            {
              title: '指南',
              render: (_, r) => (
                <Link to={`/yjs/guide/${r.id}`} target="_blank">
                  查看 / 打印
                </Link>
              ),
            },
          ]}
        />
      </Card>
    </Space>
  );
}
