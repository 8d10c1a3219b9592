import { useParams } from 'react-router';
import { Button, Card, Table, Tag, Typography } from 'antd';
import {
  ASSESSMENT_UNIT_KIND_LABELS,
  INDICATOR_DEFINITIONS,
  INDICATOR_STATUS_LABELS,
  type IndicatorScore,
  type UnitScore,
} from '@tongban/contracts';
import { useTranslation } from 'react-i18next';
import { useAssessment } from '../api';

const pct = (v: number | null) => (v === null ? '—' : `${(v * 100).toFixed(1)}%`);

/** One computed assessment: ranks (ties only for equal scores) and each unit's breakdown with its records. */
export function AssessmentPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const a = useAssessment(id).data;
  if (!a) return <Card loading />;
  return (
    <Card
      title={`${a.periodLabel} ${ASSESSMENT_UNIT_KIND_LABELS[a.unitKind]}考核`}
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
  const { t } = useTranslation();
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
          render: (k: IndicatorScore['key']) => INDICATOR_DEFINITIONS[k].label,
        },
        { title: t('reviews.assess.weight'), dataIndex: 'weight' },
        {
          title: t('reviews.assess.status'),
          dataIndex: 'status',
          render: (s: IndicatorScore['status']) => (
            <Tag color={s === 'recorded' ? 'green' : 'default'}>{INDICATOR_STATUS_LABELS[s]}</Tag>
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
                {`${i.records.total} 条（${i.records.ids.slice(0, 3).join('、')}${i.records.total > 3 ? '…' : ''}）`}
              </Typography.Text>
            ),
        },
      ]}
    />
  );
}
