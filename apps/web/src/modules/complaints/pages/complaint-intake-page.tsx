import { UploadOutlined } from '@ant-design/icons';
import { Button, Card, Form, Input, Radio, Select, Switch, Typography, Upload, message } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import type { ComplaintIntakeInput } from '@tongban/contracts';
import { useDepartments, useIntake, useUploadPhoto } from '../api';
import { SOURCES, SUBJECTS, TYPES, useLabels } from '../labels';

/**
 * 受理诉求: window, 办不成事, 吐槽, the comment book (typed in from the page, with a photo of it),
 * 特邀监督员, 12345 by hand.
 */
export function ComplaintIntakePage() {
  const intake = useIntake();
  const upload = useUploadPhoto();
  const nav = useNavigate();
  const depts = useDepartments();
  const { t, options } = useLabels();
  const [form] = Form.useForm<ComplaintIntakeInput>();
  const [photo, setPhoto] = useState<File | null>(null);
  const anonymous = Form.useWatch('anonymous', form);
  const subjectKind = Form.useWatch('subjectKind', form);
  const source = Form.useWatch('source', form);
  async function submit(v: ComplaintIntakeInput) {
    try {
      const r = await intake.mutateAsync(v);
      message.success(t('complaints.intake.done', { orderNo: r.orderNo }));
      if (v.source === 'comment_book' && photo) {
        try {
          await upload.mutateAsync({ id: r.id, version: 0, file: photo });
          message.success(t('complaints.intake.photoSaved'));
        } catch (e) {
          message.error(t('complaints.intake.photoFailed', { message: (e as Error).message }));
        }
      }
      void nav(`/complaints/${r.id}`);
    } catch (e) {
      message.error((e as Error).message);
    }
  }
  return (
    <Card title={t('complaints.intake.title')}>
      <Form
        form={form}
        layout="vertical"
        style={{ maxWidth: 720 }}
        onFinish={(v) => void submit(v)}
        initialValues={{ source: 'window', type: 'complain', anonymous: false, subjectKind: 'none' }}
      >
        <Form.Item name="source" label={t('complaints.intake.source')} rules={[{ required: true }]}>
          <Select options={options('source', SOURCES)} data-testid="intake-source" />
        </Form.Item>
        <Form.Item name="type" label={t('complaints.intake.type')} rules={[{ required: true }]}>
          <Radio.Group options={options('type', TYPES)} />
        </Form.Item>
        {source === 'hotline_12345' && (
          <Form.Item name="externalNo" label={t('complaints.intake.externalNo')}>
            <Input />
          </Form.Item>
        )}
        <Form.Item name="title" label={t('complaints.intake.subject')} rules={[{ required: true }]}>
          <Input data-testid="intake-title" />
        </Form.Item>
        <Form.Item name="content" label={t('complaints.intake.content')} rules={[{ required: true }]}>
          <Input.TextArea rows={4} data-testid="intake-content" />
        </Form.Item>
        {source === 'comment_book' && (
          <Form.Item label={t('complaints.intake.photo')}>
            <Upload
              accept="image/png,image/jpeg,image/webp"
              maxCount={1}
              beforeUpload={(f) => {
                setPhoto(f);
                return false;
              }}
              onRemove={() => setPhoto(null)}
            >
              <Button icon={<UploadOutlined />} data-testid="intake-photo">
                {t('complaints.intake.choosePhoto')}
              </Button>
            </Upload>
            <Typography.Text type="secondary">{t('complaints.intake.photoHint')}</Typography.Text>
          </Form.Item>
        )}
        <Form.Item name="anonymous" label={t('complaints.intake.anonymous')} valuePropName="checked">
          <Switch />
        </Form.Item>
        {!anonymous && (
          <>
            <Form.Item
              name="complainantName"
              label={t('complaints.intake.name')}
              rules={[{ required: true }]}
            >
              <Input data-testid="intake-name" />
            </Form.Item>
            <Form.Item name="phone" label={t('complaints.intake.phone')} rules={[{ required: true }]}>
              <Input data-testid="intake-phone" />
            </Form.Item>
          </>
        )}
        <Form.Item name="subjectKind" label={t('complaints.intake.subjectKind')}>
          <Radio.Group options={options('subject', SUBJECTS)} />
        </Form.Item>
        {subjectKind === 'department' && (
          <Form.Item name="subjectId" label={t('complaints.intake.department')}>
            <Select
              options={(depts.data ?? []).map((d) => ({ value: d.id, label: d.name }))}
              onChange={(_v, o) => form.setFieldValue('subjectLabel', (o as { label: string }).label)}
            />
          </Form.Item>
        )}
        {subjectKind && subjectKind !== 'none' && subjectKind !== 'department' && (
          <>
            <Form.Item name="subjectId" label={t('complaints.intake.subjectId')}>
              <Input />
            </Form.Item>
            <Form.Item name="subjectLabel" label={t('complaints.intake.subjectLabel')}>
              <Input />
            </Form.Item>
          </>
        )}
        <Form.Item name="subjectLabel" hidden>
          <Input />
        </Form.Item>
        <Button
          type="primary"
          htmlType="submit"
          loading={intake.isPending || upload.isPending}
          data-testid="intake-submit"
        >
          {t('complaints.intake.submit')}
        </Button>
      </Form>
    </Card>
  );
}
