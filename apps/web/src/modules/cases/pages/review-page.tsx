import { useState } from 'react';
import { Card, Segmented, Typography } from 'antd';
import { useAuth, useCurrentUser } from '../../../app/auth-context';
import { useCases, type CaseFilters } from '../api';
import { CaseTable } from '../components/case-table';
import { tr } from '../../../app/i18n';

type Queue = NonNullable<CaseFilters['queue']>;

/** 审批工作台: the department's back-office queue, my cases, and (heads) extensions to decide. */
export function ReviewPage() {
  const { can } = useAuth();
  const user = useCurrentUser();
  const head = can('case.extension.decide');
  const [queue, setQueue] = useState<Queue>('review');
  const cases = useCases({ queue });
  const options: { value: Queue; label: string }[] = [
    { value: 'review', label: tr('cases.reviewPage.departmentSQueue') },
    { value: 'mine', label: tr('cases.reviewPage.assignedToMe') },
    ...(head ? [{ value: 'extension' as const, label: tr('cases.reviewPage.extensionsToApprove') }] : []),
  ];
  return (
    <Card
      data-testid="review-page"
      title={
        <Typography.Title level={4} style={{ margin: 0 }}>
          {tr('cases.reviewPage.reviewDesk')}
        </Typography.Title>
      }
      extra={<Typography.Text type="secondary">{user.displayName}</Typography.Text>}
    >
      <Segmented<Queue>
        options={options}
        value={queue}
        onChange={setQueue}
        style={{ marginBottom: 16 }}
        data-testid="review-queue"
      />
      <CaseTable
        rows={cases.data?.items ?? []}
        loading={cases.isLoading}
        empty={tr('cases.reviewPage.noCasesInThis')}
      />
    </Card>
  );
}
