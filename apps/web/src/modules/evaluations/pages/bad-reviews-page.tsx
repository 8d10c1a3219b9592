import { useTranslation } from 'react-i18next';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { Card, Segmented, Table, Tag, type TableColumnsType } from 'antd';
import { BAD_REVIEW_STATUS_LABELS, type BadReview } from '@tongban/contracts';
import { useBadReviews } from '../api';

/** 差评工单: the supervisor's and the department's work list, most urgent first. */
export function BadReviewsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [status, setStatus] = useState<string>('');
  const list = useBadReviews(status || undefined);
  const columns: TableColumnsType<BadReview> = [
    {
      title: t('evaluations.bad.rating'),
      render: (_, r) => <Tag color="red">{t(`evaluations.level.${r.rating.level}`)}</Tag>,
    },
    {
      title: t('evaluations.bad.reason'),
      render: (_, r) => (r.rating.reasonCategory ? t(`evaluations.reason.${r.rating.reasonCategory}`) : ''),
    },
    { title: t('evaluations.bad.channel'), render: (_, r) => t(`evaluations.channel.${r.rating.channel}`) },
    { title: t('evaluations.bad.rated'), render: (_, r) => r.rating.staffName ?? '—' },
    {
      title: t('evaluations.bad.status'),
      render: (_, r) => (
        <>
          <Tag color={r.status === 'closed' ? 'green' : 'blue'}>{t(`evaluations.status.${r.status}`)}</Tag>
          {r.overdue && <Tag color="red">{t('evaluations.bad.overdue')}</Tag>}
          {r.rating.excluded && <Tag>{t('evaluations.bad.appealUpheld')}</Tag>}
        </>
      ),
    },
    { title: t('evaluations.bad.due'), dataIndex: 'dueDate' },
    {
      title: t('evaluations.bad.realName'),
      render: (_, r) => (r.rating.realName ? t('evaluations.bad.named') : t('evaluations.bad.anonymous')),
    },
  ];
  return (
    <Card title={t('evaluations.bad.title')} data-testid="bad-reviews">
      <Segmented
        value={status}
        onChange={(v) => setStatus(v)}
        options={[
          { value: '', label: t('evaluations.bad.all') },
          ...Object.keys(BAD_REVIEW_STATUS_LABELS).map((value) => ({
            value,
            label: t(`evaluations.status.${value}`),
          })),
        ]}
        style={{ marginBottom: 16 }}
      />
      <Table
        rowKey="id"
        size="small"
        loading={list.isLoading}
        columns={columns}
        dataSource={list.data?.items ?? []}
        onRow={(r) => ({
          onClick: () => void navigate(`/evaluations/bad-reviews/${r.id}`),
          style: { cursor: 'pointer' },
        })}
      />
    </Card>
  );
}
