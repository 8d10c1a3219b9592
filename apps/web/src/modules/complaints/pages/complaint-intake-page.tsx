import { Button, Card, Form, Input, Radio, Select, Switch, message } from 'antd';
import { useNavigate } from 'react-router';
import {
  COMPLAINT_SOURCE_LABELS,
  COMPLAINT_TYPE_LABELS,
  SUBJECT_KIND_LABELS,
  type ComplaintIntakeInput,
} from '@tongban/contracts';
import { useDepartments, useIntake } from '../api';

const opts = (labels: Record<string, string>) =>
  Object.entries(labels).map(([value, label]) => ({ value, label }));

/** 受理诉求: window, 办不成事, 吐槽, comment book (typed in), 特邀监督员, 12345 by hand. */
export function ComplaintIntakePage() {
  const intake = useIntake();
  const nav = useNavigate();
  const depts = useDepartments();
  const [form] = Form.useForm<ComplaintIntakeInput>();
  const anonymous = Form.useWatch('anonymous', form);
  const subjectKind = Form.useWatch('subjectKind', form);
  async function submit(v: ComplaintIntakeInput) {
    try {
      const r = await intake.mutateAsync(v);
      message.success(`已受理，工单号 ${r.orderNo}`);
      void nav(`/complaints/${r.id}`);
    } catch (e) {
      message.error((e as Error).message);
    }
  }
  return (
    <Card title="受理诉求">
      <Form
        form={form}
        layout="vertical"
        style={{ maxWidth: 720 }}
        onFinish={(v) => void submit(v)}
        initialValues={{ source: 'window', type: 'complain', anonymous: false, subjectKind: 'none' }}
      >
        <Form.Item name="source" label="渠道" rules={[{ required: true }]}>
          <Select options={opts(COMPLAINT_SOURCE_LABELS)} data-testid="intake-source" />
        </Form.Item>
        <Form.Item name="type" label="类型" rules={[{ required: true }]}>
          <Radio.Group options={opts(COMPLAINT_TYPE_LABELS)} />
        </Form.Item>
        <Form.Item name="externalNo" label="12345 工单号（12345 渠道）">
          <Input />
        </Form.Item>
        <Form.Item name="title" label="标题" rules={[{ required: true }]}>
          <Input data-testid="intake-title" />
        </Form.Item>
        <Form.Item name="content" label="内容（意见簿请照录原文）" rules={[{ required: true }]}>
          <Input.TextArea rows={4} data-testid="intake-content" />
        </Form.Item>
        <Form.Item name="anonymous" label="匿名" valuePropName="checked">
          <Switch />
        </Form.Item>
        {!anonymous && (
          <>
            <Form.Item name="complainantName" label="姓名" rules={[{ required: true }]}>
              <Input data-testid="intake-name" />
            </Form.Item>
            <Form.Item name="phone" label="电话" rules={[{ required: true }]}>
              <Input data-testid="intake-phone" />
            </Form.Item>
          </>
        )}
        <Form.Item name="subjectKind" label="反映对象">
          <Radio.Group options={opts(SUBJECT_KIND_LABELS)} />
        </Form.Item>
        {subjectKind === 'department' && (
          <Form.Item name="subjectId" label="部门">
            <Select
              options={(depts.data ?? []).map((d) => ({ value: d.id, label: d.name }))}
              onChange={(_v, o) => form.setFieldValue('subjectLabel', (o as { label: string }).label)}
            />
          </Form.Item>
        )}
        {subjectKind && subjectKind !== 'none' && subjectKind !== 'department' && (
          <>
            <Form.Item name="subjectId" label="对象编号（工作人员、窗口、事项或办件的 ID）">
              <Input />
            </Form.Item>
            <Form.Item name="subjectLabel" label="对象名称">
              <Input />
            </Form.Item>
          </>
        )}
        <Form.Item name="subjectLabel" hidden>
          <Input />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={intake.isPending} data-testid="intake-submit">
          受理
        </Button>
      </Form>
    </Card>
  );
}
