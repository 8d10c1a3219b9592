import { useState } from 'react';
import { useParams } from 'react-router';
import { Alert, Button, Card, Descriptions, Flex, Space, Table, Tag, Typography } from 'antd';
import { type ReplayResult, type ReviewFile } from '@tongban/contracts';
import { useAuth, useCurrentUser } from '../../../app/auth-context';
import { notifyError } from '../../../app/notify';
import { fetchReplay, useDrawPlan, usePlan } from '../api';
import { ScoreModal } from '../components/score-modal';
import { useReviewLabels } from '../labels';

/** One plan: the committed seed hash, the draw and its replay, the files to score, the results per department. */
export function PlanPage() {
  const { id = '' } = useParams();
  const L = useReviewLabels();
  const { t } = L;
  const { can } = useAuth();
  const me = useCurrentUser();
  const plan = usePlan(id);
  const draw = useDrawPlan(id);
  const [replay, setReplay] = useState<ReplayResult | null>(null);
  const [scoring, setScoring] = useState<ReviewFile | null>(null);
  const p = plan.data;
  if (!p) return <Card loading />;
  const doReplay = () => fetchReplay(id).then(setReplay, notifyError);
  return (
    <Flex vertical gap={16}>
      <Card
        title={p.title}
        extra={
          <Space>
            {p.status === 'committed' && can('reviews.plan') && (
              <Button type="primary" loading={draw.isPending} onClick={() => draw.mutate()}>
                {t('reviews.plan.draw')}
              </Button>
            )}
            {p.status !== 'committed' && <Button onClick={doReplay}>{t('reviews.plan.replay')}</Button>}
            <Button href={`/api/reviews/plans/${id}/report.docx`}>{t('reviews.plan.report')}</Button>
          </Space>
        }
      >
        <Descriptions column={2} size="small" bordered>
          <Descriptions.Item label={t('reviews.plans.period')}>
            {L.misc('periodRange', { start: p.periodStart, end: p.periodEnd })}
          </Descriptions.Item>
          <Descriptions.Item label={t('reviews.plans.status')}>
            <Tag>{L.planStatus(p.status)}</Tag>
          </Descriptions.Item>
          <Descriptions.Item label={t('reviews.plans.seedHash')} span={2}>
            <Typography.Text code copyable>
              {p.seedHash}
            </Typography.Text>
          </Descriptions.Item>
          <Descriptions.Item label={t('reviews.plan.seed')} span={2}>
            {p.seed ? (
              <Typography.Text code copyable data-testid="plan-seed">
                {p.seed}
              </Typography.Text>
            ) : (
              <Typography.Text type="secondary">{t('reviews.plan.sealed')}</Typography.Text>
            )}
          </Descriptions.Item>
        </Descriptions>
        {replay && (
          <Alert
            style={{ marginTop: 16 }}
            type={replay.hashMatches && replay.drawMatches ? 'success' : 'error'}
            message={
              replay.hashMatches && replay.drawMatches
                ? t('reviews.plan.replayOk')
                : t('reviews.plan.replayBad')
            }
            description={replay.departments
              .map((d) =>
                L.misc('candidates', {
                  n: d.candidates.length,
                  drawn: d.drawn.map((x) => x.caseNo).join(L.misc('evidenceSep')),
                }),
              )
              .join('；')}
          />
        )}
      </Card>
      {p.files.length > 0 && (
        <Card title={t('reviews.plan.results')}>
          <Table
            rowKey="departmentId"
            size="small"
            pagination={false}
            dataSource={p.results}
            columns={[
              { title: t('reviews.plans.department'), dataIndex: 'departmentName' },
              { title: t('reviews.plan.files'), dataIndex: 'files' },
              { title: t('reviews.plan.scored'), dataIndex: 'scored' },
              {
                title: t('reviews.plan.average'),
                dataIndex: 'average',
                render: (v: number | null) => v ?? '—',
              },
              {
                title: t('reviews.plan.lowest'),
                dataIndex: 'lowest',
                render: (v: number | null) => v ?? '—',
              },
            ]}
          />
        </Card>
      )}
      {p.files.length > 0 && (
        <Card title={t('reviews.plan.fileList')}>
          <Table<ReviewFile>
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={p.files}
            columns={[
              { title: '#', dataIndex: 'drawOrder', width: 48 },
              { title: t('reviews.plans.department'), dataIndex: 'departmentName' },
              { title: t('reviews.plan.caseNo'), dataIndex: 'caseNo' },
              { title: t('reviews.plan.reviewer'), dataIndex: 'reviewerName' },
              {
                title: t('reviews.plan.total'),
                dataIndex: 'total',
                render: (v: number | null) =>
                  v === null ? <Tag>{t('reviews.plan.pending')}</Tag> : <b>{v}</b>,
              },
              {
                title: '',
                render: (_, f) =>
                  f.total === null && f.reviewerUserId === me.id ? (
                    <Button size="small" type="primary" onClick={() => setScoring(f)}>
                      {t('reviews.plan.score')}
                    </Button>
                  ) : null,
              },
            ]}
          />
        </Card>
      )}
      {scoring && (
        <ScoreModal planId={id} rubric={p.rubric} file={scoring} onClose={() => setScoring(null)} />
      )}
    </Flex>
  );
}
