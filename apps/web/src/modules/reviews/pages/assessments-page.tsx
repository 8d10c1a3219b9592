import { Link, useNavigate } from 'react-router';
import { Button, Card, Form, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { DEFAULT_SCHEMES, type AssessmentUnitKind, type PeriodKind, type Scheme } from '@tongban/contracts';
import { useAuth } from '../../../app/auth-context';
import {
  useAssessments,
  useComputeAssessment,
  usePublishScheme,
  useSchemes,
  type AssessmentSummary,
} from '../api';
import { useReviewLabels } from '../labels';
import { formatInstant } from '../../../app/format';

/** 考核 (ASSESS-1): the published schemes, computing an assessment from the record, and the results. */
export function AssessmentsPage() {
  const L = useReviewLabels();
  const { t } = L;
  const { can } = useAuth();
  const schemes = useSchemes();
  const list = useAssessments();
  const publish = usePublishScheme();
  const compute = useComputeAssessment();
  const navigate = useNavigate();
  const [form] = Form.useForm<{ schemeId: string; periodKind: PeriodKind; period: string }>();
  const run = async () => {
    const v = await form.validateFields();
    const a = await compute.mutateAsync(v);
    void navigate(`/reviews/assessments/${a.id}`);
  };
  const publishDefault = (unitKind: AssessmentUnitKind) =>
    publish.mutate({
      unitKind,
      name: L.misc('schemeName', { unit: L.unitKind(unitKind) }),
      indicators: DEFAULT_SCHEMES[unitKind],
    });
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Card title={t('reviews.assess.schemes')}>
        <Table<Scheme>
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={schemes.data ?? []}
          columns={[
            { title: t('reviews.assess.schemeName'), dataIndex: 'name' },
            {
              title: t('reviews.assess.unitKind'),
              dataIndex: 'unitKind',
              render: (k: AssessmentUnitKind) => L.unitKind(k),
            },
            {
              title: t('reviews.assess.indicators'),
              render: (_, s) =>
                s.indicators.map((i) => (
                  <Tag key={i.key} color="blue" title={L.indicatorDef(i.key)}>
                    {L.indicator(i.key)} {i.weight}
                  </Tag>
                )),
            },
            {
              title: t('reviews.assess.publishedAt'),
              dataIndex: 'publishedAt',
              render: (v: string) => v.slice(0, 10),
            },
          ]}
        />
        {can('reviews.assess') && (
          <Space style={{ marginTop: 12 }}>
            <Button onClick={() => publishDefault('department')}>{t('reviews.assess.publishDept')}</Button>
            <Button onClick={() => publishDefault('township')}>{t('reviews.assess.publishTown')}</Button>
          </Space>
        )}
        <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}>
          {t('reviews.assess.pendingNote')}
        </Typography.Paragraph>
      </Card>
      {can('reviews.assess') && (
        <Card title={t('reviews.assess.compute')}>
          <Form form={form} layout="inline" initialValues={{ periodKind: 'quarter' }}>
            <Form.Item name="schemeId" label={t('reviews.assess.scheme')} rules={[{ required: true }]}>
              <Select
                style={{ width: 260 }}
                options={(schemes.data ?? []).map((s) => ({ value: s.id, label: s.name }))}
              />
            </Form.Item>
            <Form.Item name="periodKind" rules={[{ required: true }]}>
              <Select
                style={{ width: 100 }}
                options={(['month', 'quarter', 'year'] as const).map((k) => ({
                  value: k,
                  label: L.periodKind(k),
                }))}
              />
            </Form.Item>
            <Form.Item name="period" rules={[{ required: true }]}>
              <Input placeholder="2026-Q3 / 2026-09 / 2026" style={{ width: 180 }} />
            </Form.Item>
            <Button type="primary" onClick={run} loading={compute.isPending}>
              {t('reviews.assess.run')}
            </Button>
          </Form>
        </Card>
      )}
      <Card title={t('reviews.assess.results')}>
        <Table<AssessmentSummary>
          rowKey="id"
          size="small"
          pagination={false}
          loading={list.isLoading}
          dataSource={list.data ?? []}
          columns={[
            {
              title: t('reviews.assess.period'),
              dataIndex: 'periodLabel',
              render: (v, r) => <Link to={`/reviews/assessments/${r.id}`}>{v}</Link>,
            },
            {
              title: t('reviews.assess.unitKind'),
              dataIndex: 'unitKind',
              render: (k: AssessmentUnitKind) => L.unitKind(k),
            },
            { title: t('reviews.assess.units'), dataIndex: 'unitCount' },
            {
              title: t('reviews.assess.computedAt'),
              dataIndex: 'computedAt',
              render: (v: string) => formatInstant(v),
            },
          ]}
        />
      </Card>
    </Space>
  );
}
