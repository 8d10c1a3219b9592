import { useState } from 'react';
import { Alert, Button, Card, Form, Input, Select, Table, Typography } from 'antd';
import type { PadRegistered } from '@tongban/contracts';
import { apiRequest } from '../../../app/api-client';
import { useQuery } from '@tanstack/react-query';
import { openVisit, usePads, useRegisterPad, useRevokePad } from '../api';

type Win = { id: string; number: string; name: string };

/** 评价器登记 (EVAL-3): a pad is bound to one window; its link is shown once. */
export function PadsPage() {
  const pads = usePads();
  const register = useRegisterPad();
  const revoke = useRevokePad();
  const windows = useQuery({
    queryKey: ['evaluations-windows'],
    queryFn: () => apiRequest<{ items: Win[] }>('/api/org/windows'),
  });
  const [made, setMade] = useState<PadRegistered>();
  const [form] = Form.useForm<{ windowId: string; label: string }>();
  return (
    <Card title="评价器登记" data-testid="pads">
      <Form
        form={form}
        layout="inline"
        onFinish={(v) => void register.mutateAsync(v).then(setMade)}
        style={{ marginBottom: 16 }}
      >
        <Form.Item name="windowId" label="窗口" rules={[{ required: true }]}>
          <Select
            style={{ width: 240 }}
            data-testid="pad-window"
            options={(windows.data?.items ?? []).map((w) => ({
              value: w.id,
              label: `${w.number} ${w.name}`,
            }))}
          />
        </Form.Item>
        <Form.Item name="label" label="名称" rules={[{ required: true }]}>
          <Input data-testid="pad-label" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={register.isPending} data-testid="pad-register">
          登记
        </Button>
      </Form>
      {made && (
        <Alert
          type="success"
          showIcon
          style={{ marginBottom: 16 }}
          message="评价器已登记。请在平板上打开下面的地址（只显示这一次）："
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
          { title: '窗口', render: (_, p) => `${p.windowNumber} ${p.windowName}` },
          { title: '名称', dataIndex: 'label' },
          { title: '登记时间', render: (_, p) => p.registeredAt.slice(0, 16).replace('T', ' ') },
          {
            title: '',
            render: (_, p) =>
              p.revokedAt ? (
                '已停用'
              ) : (
                <>
                  <Button size="small" onClick={() => void openVisit(p.windowId)}>
                    邀请评价
                  </Button>{' '}
                  <Button size="small" danger onClick={() => revoke.mutate(p.id)}>
                    停用
                  </Button>
                </>
              ),
          },
        ]}
      />
    </Card>
  );
}
