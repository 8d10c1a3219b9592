import { Card, Flex, Segmented, Table, Typography } from 'antd';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { OrderStatus, SupervisionOrder } from '@tongban/contracts';
import { useLabels } from '../labels';
import { useOrders } from '../api';
import { OrderStatusTag } from '../components/colour-tag';

/** SUP-2: the 督办单 list (a department head sees their department's). */
export function OrdersPage() {
  const { t } = useTranslation();
  const L = useLabels();
  const [params, setParams] = useSearchParams();
  const status = (params.get('status') ?? undefined) as OrderStatus | undefined;
  const orders = useOrders(status);
  return (
    <Flex vertical gap={16}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('supervision.orders.title')}
      </Typography.Title>
      <Card
        size="small"
        extra={
          <Segmented
            value={status ?? 'all'}
            onChange={(v) => setParams(v === 'all' ? {} : { status: String(v) })}
            options={[
              { value: 'all', label: t('supervision.board.all') },
              ...(['open', 'answered', 'late'] as const).map((s) => ({
                value: s,
                label: L.orderStatus(s),
              })),
            ]}
          />
        }
      >
        <Table<SupervisionOrder>
          size="small"
          rowKey="id"
          loading={orders.isLoading}
          dataSource={orders.data?.items ?? []}
          data-testid="orders-table"
          columns={[
            {
              title: t('supervision.orders.orderNo'),
              dataIndex: 'orderNo',
              render: (v: string, r) => <Link to={`/supervision/orders/${r.id}`}>{v}</Link>,
            },
            { title: t('supervision.orders.caseNo'), dataIndex: 'caseNo' },
            { title: t('supervision.orders.department'), dataIndex: 'departmentName' },
            { title: t('supervision.orders.reason'), dataIndex: 'reason', ellipsis: true },
            { title: t('supervision.orders.replyDue'), dataIndex: 'replyDue' },
            {
              title: t('supervision.orders.status'),
              dataIndex: 'status',
              render: (s: OrderStatus) => <OrderStatusTag status={s} />,
            },
          ]}
        />
      </Card>
    </Flex>
  );
}
