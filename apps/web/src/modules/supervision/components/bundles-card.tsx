import { Card, Col, Row, Statistic, Table, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { SupervisionBundleRow } from '@tongban/contracts';
import { useBundles, type Period } from '../api';
import { ColourTag } from './colour-tag';

/** 一件事: the bundle figures of the period and the open bundles, the branch holding each up marked. */
export function BundlesCard({ period, showOpen = true }: { period: Period; showOpen?: boolean }) {
  const { t } = useTranslation();
  const q = useBundles(period);
  const f = q.data?.figures;
  return (
    <Card
      size="small"
      title={t('supervision.bundles.title')}
      loading={q.isLoading}
      data-testid="bundles-card"
    >
      <Row gutter={[12, 12]}>
        <Col xs={12} md={6}>
          <Statistic title={t('supervision.bundles.received')} value={f?.received ?? 0} />
        </Col>
        <Col xs={12} md={6}>
          <Statistic title={t('supervision.bundles.concluded')} value={f?.concluded ?? 0} />
        </Col>
        <Col xs={12} md={6}>
          <Statistic
            title={t('supervision.bundles.concludedRate')}
            value={f?.concludedRate == null ? '—' : `${(f.concludedRate * 100).toFixed(1)}%`}
          />
        </Col>
        <Col xs={12} md={6}>
          <Statistic
            title={t('supervision.bundles.avgDays')}
            value={f?.avgWorkingDays == null ? '—' : f.avgWorkingDays.toFixed(1)}
          />
        </Col>
      </Row>
      {showOpen && (
        <Table<SupervisionBundleRow>
          style={{ marginTop: 12 }}
          size="small"
          rowKey="bundleId"
          dataSource={q.data?.open ?? []}
          pagination={{ pageSize: 10, hideOnSinglePage: true }}
          locale={{ emptyText: t('supervision.bundles.none') }}
          data-testid="bundles-table"
          columns={[
            {
              title: t('supervision.bundles.bundleNo'),
              dataIndex: 'bundleNo',
              render: (v: string, r) => <Link to={`/bundles/${r.bundleId}`}>{v}</Link>,
            },
            { title: t('supervision.bundles.name'), dataIndex: 'name' },
            {
              title: t('supervision.bundles.branches'),
              key: 'branches',
              render: (_: unknown, r) =>
                r.branches.map((b) => (
                  <div key={b.caseId} data-testid={b.holding ? 'bundle-holding' : undefined}>
                    {b.holding ? <Tag color="red">{t('supervision.bundles.holding')}</Tag> : null}
                    <Link to={`/cases/${b.caseId}`}>{b.caseNo}</Link>{' '}
                    <Typography.Text strong={b.holding}>
                      {b.departmentName} · {b.itemName}
                    </Typography.Text>{' '}
                    {b.colour ? (
                      <ColourTag colour={b.colour} />
                    ) : (
                      <Tag>{t(`supervision.bundles.status.${b.status}`, { defaultValue: b.status })}</Tag>
                    )}
                  </div>
                )),
            },
          ]}
        />
      )}
    </Card>
  );
}
