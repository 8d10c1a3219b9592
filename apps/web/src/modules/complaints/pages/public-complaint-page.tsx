import { Alert, Button, Card, Form, Input, Radio, Switch } from 'antd';
import { useState } from 'react';
import { submitPublic } from '../api';
import { TYPES, useLabels } from '../labels';
import { tr } from '../../../app/i18n';

/** 网上留言: the portal's public form (rate-limited on the server, SEC-2). */
export function PublicComplaintPage() {
  const { options } = useLabels();
  const [form] = Form.useForm();
  const anonymous = Form.useWatch('anonymous', form);
  const [done, setDone] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  async function submit(v: Record<string, unknown>) {
    setError(null);
    try {
      const r = await submitPublic({ regionCode: '350999', ...v });
      setDone(tr('complaints.publicComplaintPage.orderNo', { message: r.message, orderNo: r.orderNo }));
    } catch (e) {
      setError((e as Error).message);
    }
  }
  return (
    <div style={{ maxWidth: 720, margin: '32px auto' }}>
      <Card title={tr('complaints.publicComplaintPage.leaveAMessageQuestion')}>
        {done ? (
          <Alert type="success" message={done} data-testid="public-done" />
        ) : (
          <Form
            form={form}
            layout="vertical"
            initialValues={{ type: 'suggest', anonymous: true }}
            onFinish={(v) => void submit(v)}
          >
            <Form.Item name="type" label={tr('complaints.publicComplaintPage.type')}>
              <Radio.Group options={options('type', TYPES)} />
            </Form.Item>
            <Form.Item
              name="title"
              label={tr('complaints.publicComplaintPage.title')}
              rules={[{ required: true }]}
            >
              <Input />
            </Form.Item>
            <Form.Item
              name="content"
              label={tr('complaints.publicComplaintPage.content')}
              rules={[{ required: true }]}
            >
              <Input.TextArea rows={5} />
            </Form.Item>
            <Form.Item
              name="anonymous"
              label={tr('complaints.publicComplaintPage.anonymous')}
              valuePropName="checked"
            >
              <Switch />
            </Form.Item>
            {!anonymous && (
              <>
                <Form.Item
                  name="complainantName"
                  label={tr('complaints.publicComplaintPage.name')}
                  rules={[{ required: true }]}
                >
                  <Input />
                </Form.Item>
                <Form.Item
                  name="phone"
                  label={tr('complaints.publicComplaintPage.mobileNumber')}
                  rules={[{ required: true }]}
                >
                  <Input />
                </Form.Item>
              </>
            )}
            {error && <Alert type="error" message={error} style={{ marginBottom: 12 }} />}
            <Button type="primary" htmlType="submit">
              {tr('complaints.publicComplaintPage.submit')}
            </Button>
          </Form>
        )}
      </Card>
    </div>
  );
}
