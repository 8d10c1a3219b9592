import { App, Button, Card, Form, Input, InputNumber, Space, Typography } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { HallSettings } from '@tongban/contracts';
import { ApiError } from '../../../app/api-client';
import { post, saveHallSettings, useHallAction, useHallSettings } from '../api';

const FIELDS: { name: keyof HallSettings; min: number; max: number }[] = [
  { name: 'holdMinutes', min: 1, max: 120 },
  { name: 'noShowLimit', min: 1, max: 20 },
  { name: 'noShowWindowDays', min: 1, max: 366 },
  { name: 'suspensionDays', min: 1, max: 366 },
  { name: 'patrolsPerDay', min: 4, max: 12 },
  { name: 'noticeDeadlineDays', min: 1, max: 30 },
];

/**
 * 设置 (hall manager): booking holds, no-show suspension, patrols per day and the notice deadline;
 * the hall's item groups with their per-person booking limits; registering today's no-shows.
 */
export function SettingsTab({ hallId }: { hallId: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const settings = useHallSettings();
  const [form] = Form.useForm<HallSettings>();
  useEffect(() => {
    if (settings.data) form.setFieldsValue(settings.data);
  }, [settings.data, form]);
  const fail = (e: unknown) => void message.error(e instanceof ApiError ? e.message : String(e));
  const save = useHallAction(saveHallSettings);
  const addGroup = useHallAction((body: unknown) => post('/api/hall/groups', body));
  const noShows = useHallAction(() =>
    post<{ marked: number; suspended: number }>('/api/hall/no-shows/run', {}),
  );
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Card title={t('hall.settings.title')} size="small">
        <Form
          form={form}
          layout="vertical"
          style={{ maxWidth: 520 }}
          onFinish={(v) =>
            save.mutate(v, { onSuccess: () => void message.success(t('hall.saved')), onError: fail })
          }
        >
          {FIELDS.map((f) => (
            <Form.Item
              key={f.name}
              name={f.name}
              label={t(`hall.settings.${f.name}`)}
              extra={t(`hall.settings.${f.name}Help`)}
              rules={[
                {
                  required: true,
                  type: 'number',
                  min: f.min,
                  max: f.max,
                  message: t('hall.settings.range', { min: f.min, max: f.max }),
                },
              ]}
            >
              <InputNumber min={f.min} max={f.max} style={{ width: 160 }} />
            </Form.Item>
          ))}
          <Button type="primary" htmlType="submit" loading={save.isPending}>
            {t('hall.settings.save')}
          </Button>
        </Form>
      </Card>
      <Card title={t('hall.settings.groups')} size="small">
        <Typography.Paragraph type="secondary">{t('hall.settings.groupsHelp')}</Typography.Paragraph>
        <Form
          layout="inline"
          initialValues={{ personLimit: 1, limitPeriodDays: 30 }}
          onFinish={(v: { code: string; name: string; personLimit: number; limitPeriodDays: number }) =>
            addGroup.mutate(
              { hallId, ...v, code: v.code.toUpperCase() },
              { onSuccess: () => void message.success(t('hall.saved')), onError: fail },
            )
          }
        >
          <Form.Item
            name="code"
            label={t('hall.settings.groupCode')}
            rules={[{ required: true, pattern: /^[A-Za-z]$/, message: t('hall.settings.groupCodeRule') }]}
          >
            <Input maxLength={1} style={{ width: 60 }} />
          </Form.Item>
          <Form.Item name="name" label={t('hall.settings.groupName')} rules={[{ required: true, max: 50 }]}>
            <Input style={{ width: 180 }} />
          </Form.Item>
          <Form.Item name="personLimit" label={t('hall.settings.personLimit')}>
            <InputNumber min={1} max={10} />
          </Form.Item>
          <Form.Item name="limitPeriodDays" label={t('hall.settings.limitPeriodDays')}>
            <InputNumber min={1} max={366} />
          </Form.Item>
          <Button htmlType="submit" loading={addGroup.isPending}>
            {t('hall.settings.addGroup')}
          </Button>
        </Form>
      </Card>
      <Card title={t('hall.settings.noShows')} size="small">
        <Space>
          <Typography.Text type="secondary">{t('hall.settings.noShowsHelp')}</Typography.Text>
          <Button
            loading={noShows.isPending}
            onClick={() =>
              noShows.mutate(undefined, {
                onSuccess: (r) => void message.success(t('hall.settings.noShowsDone', r)),
                onError: fail,
              })
            }
          >
            {t('hall.settings.runNoShows')}
          </Button>
        </Space>
      </Card>
    </Space>
  );
}
