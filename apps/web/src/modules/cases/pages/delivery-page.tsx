import { useState } from 'react';
import { Button, Card, Space, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { DELIVERY_METHOD_LABELS, type CaseSummary } from '@tongban/contracts';
import { useCase, useCases } from '../api';
import { ActionModal, type ActionSpec } from '../components/action-modal';
import { windowSpecs } from '../components/window-actions';
import { CaseTable } from '../components/case-table';
import { tr } from '../../../app/i18n';
import { labelsOf } from '../../../app/enum-labels';

/** 出件: decided cases waiting for delivery — prepare (窗口领取/邮寄/电子送达), then record handover. */
export function DeliveryPage() {
  const cases = useCases({ status: 'decided' });
  const [target, setTarget] = useState<{ id: string; kind: 'delivery' | 'deliver' }>();
  const detail = useCase(target?.id ?? '');
  const spec: ActionSpec | undefined =
    target && detail.data ? windowSpecs(detail.data)[target.kind] : undefined;

  const extra: TableColumnsType<CaseSummary> = [
    {
      title: tr('cases.deliveryPage.delivery'),
      key: 'prepared',
      width: 120,
      render: (_, c) =>
        c.deliveryMethod ? (
          <Tag color="green" data-testid="delivery-prepared">
            {tr('cases.deliveryPage.prepared')}
            {labelsOf(DELIVERY_METHOD_LABELS)[c.deliveryMethod]}
          </Tag>
        ) : (
          <Tag data-testid="delivery-unprepared">{tr('cases.deliveryPage.toPrepare')}</Tag>
        ),
    },
    {
      title: tr('cases.deliveryPage.delivery2'),
      key: 'delivery',
      width: 150,
      // The page's purpose: stays in view when the table scrolls sideways.
      fixed: 'right',
      render: (_, c) => (
        <Space size={0} orientation="vertical">
          <Button
            type="link"
            size="small"
            onClick={() => setTarget({ id: c.id, kind: 'delivery' })}
            data-testid="delivery-prepare"
          >
            {c.deliveryMethod
              ? tr('cases.deliveryPage.changeDeliveryMethod')
              : tr('cases.deliveryPage.prepareDelivery')}
          </Button>
          <Button
            type="link"
            size="small"
            // Handover only once the result is prepared (the server refuses it before, too).
            disabled={!c.deliveryMethod}
            title={c.deliveryMethod ? undefined : tr('cases.deliveryPage.prepareTheDeliveryFirst')}
            onClick={() => setTarget({ id: c.id, kind: 'deliver' })}
            data-testid="delivery-handover"
          >
            {tr('cases.deliveryPage.handOver')}
          </Button>
        </Space>
      ),
    },
  ];
  return (
    <Card
      data-testid="delivery-page"
      title={
        <Typography.Title level={4} style={{ margin: 0 }}>
          {tr('cases.deliveryPage.delivery2')}
        </Typography.Title>
      }
      extra={
        <Typography.Text type="secondary">
          {tr('cases.deliveryPage.deliveryMethod')}
          {Object.values(labelsOf(DELIVERY_METHOD_LABELS)).join(' / ')}
          {tr('cases.deliveryPage.deliveredWithin10Working')}
        </Typography.Text>
      }
    >
      <CaseTable
        rows={cases.data?.items ?? []}
        loading={cases.isLoading}
        extra={extra}
        // Every case here is 已办结待出件: the status column would say nothing.
        omit={['status']}
        empty={tr('cases.deliveryPage.noCasesWaitingFor')}
      />
      {detail.data && (
        <ActionModal
          caseId={detail.data.id}
          version={detail.data.version}
          spec={spec}
          onClose={() => setTarget(undefined)}
        />
      )}
    </Card>
  );
}
