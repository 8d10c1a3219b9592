import { useState } from 'react';
import { Alert, Button, Card, Descriptions, Flex, Input, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../../app/auth-context';
import { useOrder, useReplyOrder } from '../api';
import { OrderStatusTag } from '../components/colour-tag';
import { useLabels } from '../labels';
import { formatInstant } from '../../../app/format';

/** SUP-2: one 督办单; the department head answers it here. */
export function OrderPage() {
  const { t } = useTranslation();
  const L = useLabels();
  const time = (v: string | null) => (v ? formatInstant(v) : '—');
  const { id = '' } = useParams();
  const { can } = useAuth();
  const order = useOrder(id);
  const reply = useReplyOrder(id);
  const [text, setText] = useState('');
  const o = order.data;
  if (order.error) return <Alert type="error" message={(order.error as Error).message} />;
  return (
    <Flex vertical gap={16}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('supervision.orders.title')} {o?.orderNo}
      </Typography.Title>
      <Card size="small" loading={order.isLoading}>
        {o && (
          <Descriptions column={{ xs: 1, md: 2 }} size="small" bordered>
            <Descriptions.Item label={t('supervision.orders.orderNo')}>{o.orderNo}</Descriptions.Item>
            <Descriptions.Item label={t('supervision.orders.status')}>
              <OrderStatusTag status={o.status} />
            </Descriptions.Item>
            <Descriptions.Item label={t('supervision.orders.caseNo')}>
              <Link to={`/cases/${o.caseId}`}>{o.caseNo}</Link>
            </Descriptions.Item>
            <Descriptions.Item label={t('supervision.orders.department')}>
              {o.departmentName}
            </Descriptions.Item>
            <Descriptions.Item label={t('supervision.orders.reason')} span={2}>
              <strong>{L.level(o.trigger)}</strong> {o.reason}
            </Descriptions.Item>
            <Descriptions.Item label={t('supervision.orders.issuedAt')}>{time(o.issuedAt)}</Descriptions.Item>
            <Descriptions.Item label={t('supervision.orders.replyDue')}>{o.replyDue}</Descriptions.Item>
            {o.escalatedAt && (
              <Descriptions.Item label={t('supervision.orders.escalatedAt')} span={2}>
                {time(o.escalatedAt)}
              </Descriptions.Item>
            )}
            {o.reply && (
              <>
                <Descriptions.Item label={t('supervision.orders.reply')} span={2}>
                  <span data-testid="order-reply">{o.reply}</span>
                </Descriptions.Item>
                <Descriptions.Item label={t('supervision.orders.repliedBy')}>
                  {o.repliedByName}
                </Descriptions.Item>
                <Descriptions.Item label={t('supervision.orders.repliedAt')}>
                  {time(o.repliedAt)}
                </Descriptions.Item>
              </>
            )}
          </Descriptions>
        )}
      </Card>
      {o && o.status !== 'answered' && can('supervision.order.reply') && (
        <Card size="small" title={t('supervision.orders.replyTitle')}>
          <Flex vertical gap={8}>
            <Input.TextArea
              rows={4}
              maxLength={2000}
              value={text}
              onChange={(e) => setText(e.target.value)}
              placeholder={t('supervision.orders.replyPlaceholder')}
              data-testid="order-reply-input"
            />
            {reply.error && <Alert type="error" message={(reply.error as Error).message} />}
            <Button
              type="primary"
              loading={reply.isPending}
              disabled={text.trim().length < 5}
              onClick={() => reply.mutate(text)}
              data-testid="order-reply-submit"
            >
              {t('supervision.orders.submit')}
            </Button>
          </Flex>
        </Card>
      )}
    </Flex>
  );
}
