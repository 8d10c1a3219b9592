import { useState } from 'react';
import { Button, Card, Form, Input, Modal, Segmented, Space, Statistic, Table, Tag, DatePicker } from 'antd';
import dayjs from 'dayjs';
import { REFUND_TRIGGER_LABELS, type Deposit } from '@tongban/contracts';
import { useAuth } from '../../../app/auth-context';
import { notifyError, notifySuccess } from '../../../app/notify';
import { useDeposits, useRefund, useSweep } from '../api';
import { useTr } from '../i18n';

const STATUS: Record<Deposit['status'], [string, string]> = {
  held: ['default', '持有中'],
  due: ['blue', '退还期内'],
  overdue: ['red', '逾期未退'],
  refunded: ['green', '已退还'],
};

/** The deposits of one project, or of the whole board; overdue rows are red (BID-2). */
export function DepositTable({
  projectId,
  view = 'all',
}: {
  projectId?: string;
  view?: 'overdue' | 'unrefunded' | 'all';
}) {
  const { can } = useAuth();
  const { tr, label, locale } = useTr();
  const deposits = useDeposits(view, projectId);
  const refund = useRefund();
  const [target, setTarget] = useState<Deposit>();
  const [form] = Form.useForm();
  return (
    <>
      <Table<Deposit>
        size="small"
        rowKey="id"
        loading={deposits.isLoading}
        dataSource={deposits.data?.items}
        rowClassName={(d) => (d.status === 'overdue' ? 'trading-overdue' : '')}
        onRow={(d) =>
          ({
            style: d.status === 'overdue' ? { background: '#fff1f0' } : undefined,
            'data-status': d.status,
          }) as object
        }
        columns={[
          ...(projectId ? [] : [{ title: tr('project', '项目'), dataIndex: 'projectLabel' }]),
          { title: tr('bidder', '投标人'), dataIndex: 'bidderName' },
          {
            title: tr('amountYuan', '金额（元）'),
            dataIndex: 'amountYuan',
            render: (v: number) => v.toLocaleString(locale),
          },
          { title: tr('account', '账户'), dataIndex: 'payerAccount' },
          { title: tr('paidOnShort', '缴纳日'), dataIndex: 'paidOn' },
          {
            title: tr('trigger', '触发事件'),
            render: (_: unknown, d: Deposit) =>
              d.refundTrigger
                ? `${label('trigger', REFUND_TRIGGER_LABELS, d.refundTrigger)}（${d.triggeredOn}）`
                : '—',
          },
          { title: tr('refundDue', '应退日'), dataIndex: 'refundDueOn' },
          {
            title: tr('complaintStatus', '状态'),
            render: (_: unknown, d: Deposit) => (
              <Tag color={STATUS[d.status][0]} data-testid={`deposit-status-${d.status}`}>
                {tr(`st_${d.status}`, STATUS[d.status][1])}
                {d.status === 'overdue' ? ` ${tr('daysN', '{{n}} 天', { n: d.daysOverdue })}` : ''}
              </Tag>
            ),
          },
          {
            title: tr('refund', '退还'),
            render: (_: unknown, d: Deposit) =>
              d.refundedOn ? (
                tr('refundedWithInterest', '{{d}}（利息 {{i}} 元）', { d: d.refundedOn, i: d.interestYuan })
              ) : can('trading.deposit.write') && d.triggeredOn ? (
                <Button size="small" onClick={() => setTarget(d)}>
                  {tr('recordRefund', '登记退还')}
                </Button>
              ) : null,
          },
        ]}
      />
      <Modal
        title={tr('recordRefundTitle', tr('recordRefundTitle', '登记保证金退还'))}
        open={!!target}
        onCancel={() => setTarget(undefined)}
        onOk={async () => {
          const v = await form.validateFields();
          try {
            await refund.mutateAsync({
              id: target!.id,
              body: { refundedOn: v.refundedOn.format('YYYY-MM-DD'), bankRef: v.bankRef },
            });
            notifySuccess(tr('refundRecorded', '已登记退还'));
            setTarget(undefined);
          } catch (e) {
            notifyError(e);
          }
        }}
      >
        <Form form={form} layout="vertical" initialValues={{ refundedOn: dayjs() }}>
          <Form.Item name="refundedOn" label={tr('refundedOn', tr('refundedOn', '退还日期'))}>
            <DatePicker />
          </Form.Item>
          <Form.Item
            name="bankRef"
            label={tr('bankRef', tr('bankRef', '银行流水号'))}
            rules={[{ required: true, min: 4 }]}
          >
            <Input />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}

/** 保证金看板: overdue refunds (red) for the supervisor, every unrefunded deposit however old, the whole ledger. */
export function DepositsPage() {
  const { t, tr, locale } = useTr();
  const { can } = useAuth();
  const [view, setView] = useState<'overdue' | 'unrefunded' | 'all'>('overdue');
  const board = useDeposits(view);
  const sweep = useSweep();
  const b = board.data;
  return (
    <Card
      title={t('trading.deposits')}
      extra={
        can('trading.deposit.supervise') && (
          <Button
            onClick={async () => {
              try {
                const r = await sweep.mutateAsync();
                notifySuccess(tr('swept', '已推送 {{n}} 条逾期督办待办', { n: r.overdue }));
              } catch (e) {
                notifyError(e);
              }
            }}
          >
            {tr('sweep', '逾期推送督办')}
          </Button>
        )
      }
    >
      <Space size={48} style={{ marginBottom: 16 }}>
        <Statistic
          title={tr('overdueTitle', tr('overdueTitle', '逾期未退'))}
          value={b?.overdueCount ?? 0}
          valueStyle={{ color: '#cf1322' }}
          suffix={tr('countYuan', '笔 / {{y}} 元', { y: (b?.overdueYuan ?? 0).toLocaleString(locale) })}
        />
        <Statistic
          title={tr('unrefundedTitle', tr('unrefundedTitle', '未退总额'))}
          value={b?.unrefundedCount ?? 0}
          suffix={tr('countYuan', '笔 / {{y}} 元', { y: (b?.unrefundedYuan ?? 0).toLocaleString(locale) })}
        />
        <Statistic
          title={tr('oldestUnrefunded', tr('oldestUnrefunded', '最早未退缴纳日'))}
          value={b?.oldestUnrefundedOn ?? '—'}
        />
      </Space>
      <Segmented
        value={view}
        onChange={(v) => setView(v as typeof view)}
        options={[
          { value: 'overdue', label: tr('viewOverdue', '逾期') },
          { value: 'unrefunded', label: tr('viewUnrefunded', '全部未退') },
          { value: 'all', label: tr('viewAll', '台账') },
        ]}
        style={{ marginBottom: 12 }}
      />
      <DepositTable view={view} />
    </Card>
  );
}
