import { Alert, Button, Card, Form, Input, Radio, Select, Switch } from 'antd';
import { useState } from 'react';
import { PublicShell } from '../../catalog';
import { submitPublic } from '../api';
import { TYPES, useLabels } from '../labels';
import { tr } from '../../../app/i18n';
import { usePublicRegions } from '../../../app/public-regions';

/** 网上留言: the portal's public form (rate-limited on the server, SEC-2). */
export function PublicComplaintPage() {
  const { options } = useLabels();
  const regions = usePublicRegions();
  const [form] = Form.useForm();
  const anonymous = Form.useWatch('anonymous', form);
  const [done, setDone] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  async function submit(v: Record<string, unknown>) {
    setError(null);
    const regionCode = (v.regionCode as string | undefined) ?? regions.choices[0]?.regionCode;
    if (!regionCode) {
      setError(tr('complaints.publicComplaintPage.noRegion'));
      return;
    }
    try {
      const r = await submitPublic({ ...v, regionCode });
      setDone(tr('complaints.publicComplaintPage.orderNo', { message: r.message, orderNo: r.orderNo }));
    } catch (e) {
      setError((e as Error).message);
    }
  }
  return (
    <PublicShell title={tr('complaints.publicComplaintPage.leaveAMessageQuestion')}>
      <Card style={{ maxWidth: 720, margin: '0 auto' }}>
        {done ? (
          <Alert type="success" message={done} data-testid="public-done" />
        ) : (
          <Form
            form={form}
            layout="vertical"
            initialValues={{ type: 'suggest', anonymous: true }}
            onFinish={(v) => void submit(v)}
          >
            {regions.choices.length > 1 && (
              <Form.Item
                name="regionCode"
                label={tr('complaints.publicComplaintPage.center')}
                rules={[{ required: true, message: tr('complaints.publicComplaintPage.chooseCenter') }]}
              >
                <Select
                  data-testid="public-region"
                  options={regions.choices.map((c) => ({ value: c.regionCode, label: c.label }))}
                />
              </Form.Item>
            )}
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
    </PublicShell>
  );
}
