import { App, Button, Card, Form, Input, List, Select, Space, Tag, Typography, Upload } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PatrolProblemKind, type Patrol } from '@tongban/contracts';
import { ApiError } from '../../../app/api-client';
import { addProblem, post, uploadProblemPhoto, useHallAction, useOverview, usePatrolDay } from '../api';
import { useHall } from '../components/use-hall';
import { useHallLabel } from '../components/use-labels';

/** 巡查 (PAT-1), phone-sized: the day's patrols (times shown when due), a checklist, photos. */
export function PatrolPage() {
  const { t } = useTranslation();
  const label = useHallLabel();
  const { message } = App.useApp();
  const { hall } = useHall();
  const day = usePatrolDay(hall?.id);
  const overview = useOverview(hall?.id);
  const [open, setOpen] = useState<string>();
  const fail = (e: unknown) => void message.error(e instanceof ApiError ? e.message : String(e));
  const act = useHallAction((a: { path: string; body?: unknown }) => post<Patrol>(a.path, a.body));
  const record = useHallAction(
    (a: { patrolId: string; kind: PatrolProblemKind; windowId: string; note: string; file?: File }) =>
      addProblem(a.patrolId, { kind: a.kind, windowId: a.windowId, note: a.note }).then(async (p) => {
        if (a.file) await uploadProblemPhoto(p.id, a.file);
        return p;
      }),
  );
  const [file, setFile] = useState<File>();
  if (!hall) return null;
  return (
    <div style={{ maxWidth: 480, margin: '0 auto' }}>
      <Typography.Title level={4}>{t('hall.patrol.title')}</Typography.Title>
      <Button
        block
        type="dashed"
        style={{ marginBottom: 12 }}
        onClick={() =>
          act.mutate(
            { path: `/api/hall/halls/${hall.id}/patrols` },
            { onSuccess: (p) => setOpen(p.id), onError: fail },
          )
        }
      >
        {t('hall.patrol.extra')}
      </Button>
      <List
        dataSource={day.data?.patrols}
        renderItem={(p) => (
          <Card size="small" style={{ marginBottom: 12 }} data-testid="patrol-card">
            <Space style={{ width: '100%', justifyContent: 'space-between' }}>
              <span>
                {p.plannedAt ? dayjs(p.plannedAt).format('HH:mm') : t('hall.patrol.hidden')}{' '}
                <Tag color={p.status === 'done' ? 'green' : p.startedAt ? 'blue' : 'default'}>
                  {p.status === 'done'
                    ? t('hall.patrol.done')
                    : p.startedAt
                      ? t('hall.patrol.running')
                      : t('hall.patrol.planned')}
                </Tag>
              </span>
              {p.due && !p.startedAt && (
                <Button
                  size="small"
                  onClick={() =>
                    act.mutate(
                      { path: `/api/hall/patrols/${p.id}/start` },
                      { onSuccess: () => setOpen(p.id), onError: fail },
                    )
                  }
                >
                  {t('hall.patrol.start')}
                </Button>
              )}
              {p.startedAt && p.status !== 'done' && (
                <Button
                  size="small"
                  type="primary"
                  onClick={() => act.mutate({ path: `/api/hall/patrols/${p.id}/finish` }, { onError: fail })}
                >
                  {t('hall.patrol.finish')}
                </Button>
              )}
            </Space>
            {p.problems.map((x) => (
              <div key={x.id}>
                <Tag color="red">{label('problem', x.kind)}</Tag>
                {x.windowNumber} {x.staffName}{' '}
                {x.repeatCount > 1 && (
                  <Tag color="volcano">{t('hall.patrol.repeat', { n: x.repeatCount })}</Tag>
                )}
              </div>
            ))}
            {(open === p.id || (p.startedAt && p.status !== 'done')) && p.status !== 'done' && (
              <Form
                layout="vertical"
                style={{ marginTop: 8 }}
                onFinish={(v: { kind: PatrolProblemKind; windowId: string; note?: string }) =>
                  record.mutate(
                    { patrolId: p.id, kind: v.kind, windowId: v.windowId, note: v.note ?? '', file },
                    { onSuccess: () => setFile(undefined), onError: fail },
                  )
                }
              >
                <Form.Item name="kind" label={t('hall.patrol.kind')} rules={[{ required: true }]}>
                  <Select
                    data-testid="problem-kind"
                    options={PatrolProblemKind.options.map((k) => ({
                      value: k,
                      label: label('problem', k),
                    }))}
                  />
                </Form.Item>
                <Form.Item name="windowId" label={t('hall.console.window')} rules={[{ required: true }]}>
                  <Select
                    data-testid="problem-window"
                    options={overview.data?.windows.map((w) => ({
                      value: w.windowId,
                      label: `${w.number} ${w.onDuty ? w.onDuty.name : t('hall.manage.empty')}`,
                    }))}
                  />
                </Form.Item>
                <Form.Item name="note" label={t('hall.patrol.note')}>
                  <Input.TextArea rows={2} />
                </Form.Item>
                <Upload
                  accept="image/*"
                  maxCount={1}
                  beforeUpload={(f) => (setFile(f), false)}
                  onRemove={() => setFile(undefined)}
                >
                  <Button>{t('hall.patrol.photo')}</Button>
                </Upload>
                <Button htmlType="submit" type="primary" block style={{ marginTop: 8 }}>
                  {t('hall.patrol.record')}
                </Button>
              </Form>
            )}
          </Card>
        )}
      />
    </div>
  );
}
