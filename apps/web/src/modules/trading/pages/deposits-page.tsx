import { useState } from 'react';
import { Button, Card, Form, Input, Modal, Segmented, Space, Statistic, Table, Tag, DatePicker } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { REFUND_TRIGGER_LABELS, type Deposit } from '@tongban/contracts';
import { useAuth } from '../../../app/auth-context';
import { notifyError, notifySuccess } from '../../../app/notify';
import { useDeposits, useRefund, useSweep } from '../api';

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
          ...(projectId ? [] : [{ title: '项目', dataIndex: 'projectLabel' }]),
          { title: '投标人', dataIndex: 'bidderName' },
          { title: '金额（元）', dataIndex: 'amountYuan', render: (v: number) => v.toLocaleString('zh-CN') },
          { title: '账户', dataIndex: 'payerAccount' },
          { title: '缴纳日', dataIndex: 'paidOn' },
          {
            title: '触发事件',
            render: (_: unknown, d: Deposit) =>
              d.refundTrigger ? `${REFUND_TRIGGER_LABELS[d.refundTrigger]}（${d.triggeredOn}）` : '—',
          },
          { title: '应退日', dataIndex: 'refundDueOn' },
          {
            title: '状态',
            render: (_: unknown, d: Deposit) => (
              <Tag color={STATUS[d.status][0]} data-testid={`deposit-status-${d.status}`}>
                {STATUS[d.status][1]}
                {d.status === 'overdue' ? ` ${d.daysOverdue} 天` : ''}
              </Tag>
            ),
          },
          {
            title: '退还',
            render: (_: unknown, d: Deposit) =>
              d.refundedOn ? (
                `${d.refundedOn}（利息 ${d.interestYuan} 元）`
              ) : can('trading.deposit.write') && d.triggeredOn ? (
                <Button size="small" onClick={() => setTarget(d)}>
                  登记退还
                </Button>
              ) : null,
          },
        ]}
      />
      <Modal
        title="登记保证金退还"
        open={!!target}
        onCancel={() => setTarget(undefined)}
        onOk={async () => {
          const v = await form.validateFields();
          try {
            await refund.mutateAsync({
              id: target!.id,
              body: { refundedOn: v.refundedOn.format('YYYY-MM-DD'), bankRef: v.bankRef },
            });
            notifySuccess('已登记退还');
            setTarget(undefined);
          } catch (e) {
            notifyError(e);
          }
        }}
      >
        <Form form={form} layout="vertical" initialValues={{ refundedOn: dayjs() }}>
          <Form.Item name="refundedOn" label="退还日期">
            <DatePicker />
          </Form.Item>
          <Form.Item name="bankRef" label="银行流水号" rules={[{ required: true, min: 4 }]}>
            <Input />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}

/** 保证金看板: overdue refunds (red) for the supervisor, every unrefunded deposit however old, the whole ledger. */
export function DepositsPage() {
  const { t } = useTranslation();
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
                notifySuccess(`已推送 ${r.overdue} 条逾期督办待办`);
              } catch (e) {
                notifyError(e);
              }
            }}
          >
            逾期推送督办
          </Button>
        )
      }
    >
      <Space size={48} style={{ marginBottom: 16 }}>
        <Statistic
          title="逾期未退"
          value={b?.overdueCount ?? 0}
          valueStyle={{ color: '#cf1322' }}
          suffix={`笔 / ${(b?.overdueYuan ?? 0).toLocaleString('zh-CN')} 元`}
        />
        <Statistic
          title="未退总额"
          value={b?.unrefundedCount ?? 0}
          suffix={`笔 / ${(b?.unrefundedYuan ?? 0).toLocaleString('zh-CN')} 元`}
        />
        <Statistic title="最早未退缴纳日" value={b?.oldestUnrefundedOn ?? '—'} />
      </Space>
      <Segmented
        value={view}
        onChange={(v) => setView(v as typeof view)}
        options={[
          { value: 'overdue', label: '逾期' },
          { value: 'unrefunded', label: '全部未退' },
          { value: 'all', label: '台账' },
        ]}
        style={{ marginBottom: 12 }}
      />
      <DepositTable view={view} />
    </Card>
  );
}
