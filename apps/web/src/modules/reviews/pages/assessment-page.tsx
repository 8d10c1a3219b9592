import { useParams } from 'react-router';
import { Button, Card, Table, Tag, Typography } from 'antd';
import { type IndicatorScore, type UnitScore } from '@tongban/contracts';
import { useReviewLabels } from '../labels';
import { useAssessment } from '../api';

const pct = (v: number | null) => (v === null ? '—' : `${(v * 100).toFixed(1)}%`);

/** One computed assessment: ranks (ties only for equal scores) and each unit's breakdown with its records. */
export function AssessmentPage() {
  const { id = '' } = useParams();
  const L = useReviewLabels();
  const { t } = L;
  const a = useAssessment(id).data;
  if (!a) return <Card loading />;
  return (
    <Card
      title={L.misc('assessmentTitle', { period: a.periodLabel, unit: L.unitKind(a.unitKind) })}
      extra={
        <Button href={`/api/reviews/assessments/${id}/report.docx`}>{t('reviews.assess.report')}</Button>
      }
    >
      <Typography.Paragraph type="secondary">{t('reviews.assess.computedNote')}</Typography.Paragraph>
      <Table<UnitScore>
        rowKey="unitId"
        pagination={false}
        dataSource={a.units}
        expandable={{
          expandedRowRender: (u) => <Breakdown unit={u} />,
          rowExpandable: () => true,
        }}
        columns={[
          { title: t('reviews.assess.rank'), dataIndex: 'rank', width: 80 },
          { title: t('reviews.assess.unit'), dataIndex: 'unitName' },
          {
            title: t('reviews.assess.score'),
            dataIndex: 'score',
            render: (v: number) => <b>{v.toFixed(2)}</b>,
          },
        ]}
      />
    </Card>
  );
}

function Breakdown({ unit }: { unit: UnitScore }) {
  const L = useReviewLabels();
  const { t } = L;
  return (
    <Table<IndicatorScore>
      rowKey="key"
      size="small"
      pagination={false}
      dataSource={unit.indicators}
      data-testid={`breakdown-${unit.unitName}`}
      summary={() => (
        <Table.Summary.Row>
          <Table.Summary.Cell index={0} colSpan={5}>
            {t('reviews.assess.sum')}
          </Table.Summary.Cell>
          <Table.Summary.Cell index={5}>
            <b>{unit.score.toFixed(2)}</b>
          </Table.Summary.Cell>
          <Table.Summary.Cell index={6} />
        </Table.Summary.Row>
      )}
      columns={[
        {
          title: t('reviews.assess.indicator'),
          dataIndex: 'key',
          render: (k: IndicatorScore['key']) => <span title={L.indicatorDef(k)}>{L.indicator(k)}</span>,
        },
        { title: t('reviews.assess.weight'), dataIndex: 'weight' },
        {
          title: t('reviews.assess.status'),
          dataIndex: 'status',
          render: (s: IndicatorScore['status']) => (
            <Tag color={s === 'recorded' ? 'green' : 'default'}>{L.indicatorStatus(s)}</Tag>
          ),
        },
        {
          title: t('reviews.assess.fraction'),
          render: (_, i) => (i.denominator ? `${i.numerator} / ${i.denominator}` : '—'),
        },
        { title: t('reviews.assess.value'), dataIndex: 'value', render: pct },
        { title: t('reviews.assess.points'), dataIndex: 'points', render: (v: number) => v.toFixed(2) },
        {
          title: t('reviews.assess.records'),
          render: (_, i) =>
            i.records.total === 0 ? (
              '—'
            ) : (
              <Typography.Text type="secondary" title={i.records.ids.join('\n')}>
                {L.misc('recordCount', {
                  total: i.records.total,
                  ids: i.records.ids.slice(0, 3).join(L.misc('evidenceSep')),
                  more: i.records.total > 3 ? '…' : '',
                })}
              </Typography.Text>
            ),
        },
      ]}
    />
  );
}
