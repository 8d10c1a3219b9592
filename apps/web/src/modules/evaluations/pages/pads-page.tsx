import { useState } from 'react';
import { Link } from 'react-router';
import { Alert, Button, Card, Flex, Form, Input, List, Select, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { PadRegistered } from '@tongban/contracts';
import { apiRequest } from '../../../app/api-client';
import { useQuery } from '@tanstack/react-query';
import { openVisit, usePads, useRegisterPad, useRevokePad } from '../api';
import { formatInstant } from '../../../app/format';

type Win = { id: string; number: string; name: string };

/** The windows the signed-in person may see (for pads and their QR codes). */
export const useEvalWindows = () =>
  useQuery({
    queryKey: ['evaluations-windows'],
    queryFn: () => apiRequest<{ items: Win[] }>('/api/org/windows'),
  });

/**
 * 评价器登记 (EVAL-3): a pad is bound to one window; its link is shown once. Below, each window's QR
 * code for phone rating (扫码评价), to print.
 */
export function PadsPage() {
  const { t } = useTranslation();
  const pads = usePads();
  const register = useRegisterPad();
  const revoke = useRevokePad();
  const windows = useEvalWindows();
  const [made, setMade] = useState<PadRegistered>();
  const [form] = Form.useForm<{ windowId: string; label: string }>();
  return (
    <Flex vertical gap={16}>
      <Card title={t('evaluations.pads.title')} data-testid="pads">
        <Form
          form={form}
          layout="inline"
          onFinish={(v) => void register.mutateAsync(v).then(setMade)}
          style={{ marginBottom: 16 }}
        >
          <Form.Item name="windowId" label={t('evaluations.pads.window')} rules={[{ required: true }]}>
            <Select
              style={{ width: 240 }}
              data-testid="pad-window"
              options={(windows.data?.items ?? []).map((w) => ({
                value: w.id,
                label: `${w.number} ${w.name}`,
              }))}
            />
          </Form.Item>
          <Form.Item name="label" label={t('evaluations.pads.label')} rules={[{ required: true }]}>
            <Input data-testid="pad-label" />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={register.isPending} data-testid="pad-register">
            {t('evaluations.pads.register')}
          </Button>
        </Form>
        {made && (
          <Alert
            type="success"
            showIcon
            style={{ marginBottom: 16 }}
            message={t('evaluations.pads.made')}
            description={
              <Typography.Text copyable data-testid="pad-url">
                {made.padUrl}
              </Typography.Text>
            }
          />
        )}
        <Table
          rowKey="id"
          size="small"
          dataSource={pads.data?.items ?? []}
          columns={[
            {
              title: t('evaluations.pads.window'),
              render: (_, p) => `${p.windowNumber} ${p.windowName}`,
            },
            { title: t('evaluations.pads.label'), dataIndex: 'label' },
            {
              title: t('evaluations.pads.registeredAt'),
              render: (_, p) => formatInstant(p.registeredAt),
            },
            {
              title: '',
              render: (_, p) =>
                p.revokedAt ? (
                  t('evaluations.pads.revoked')
                ) : (
                  <>
                    <Button size="small" onClick={() => void openVisit(p.windowId)}>
                      {t('evaluations.pads.invite')}
                    </Button>{' '}
                    <Button size="small" danger onClick={() => revoke.mutate(p.id)}>
                      {t('evaluations.pads.revoke')}
                    </Button>
                  </>
                ),
            },
          ]}
        />
      </Card>
      <Card title={t('evaluations.pads.qrTitle')} data-testid="window-qrs">
        <Typography.Paragraph type="secondary">{t('evaluations.pads.qrHint')}</Typography.Paragraph>
        <List
          size="small"
          dataSource={windows.data?.items ?? []}
          renderItem={(w) => (
            <List.Item
              actions={[
                <Link key="qr" to={`/evaluations/windows/${w.id}/qr`} data-testid="window-qr-link">
                  {t('evaluations.pads.qrPrint')}
                </Link>,
              ]}
            >
              {w.number} {w.name}
            </List.Item>
          )}
        />
      </Card>
    </Flex>
  );
}
