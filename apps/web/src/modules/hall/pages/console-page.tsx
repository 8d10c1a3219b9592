import { App, Button, Card, Descriptions, Empty, Select, Space, Statistic, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Ticket } from '@tongban/contracts';
import { ApiError } from '../../../app/api-client';
import { post, useConsole, useHallAction } from '../api';
import { useHall } from '../components/use-hall';
import { useHallLabel } from '../components/use-labels';

/** 窗口叫号台 (QUE-1): sign in at a window, call next, recall, skip, transfer, finish. */
export function ConsolePage() {
  const { t } = useTranslation();
  const label = useHallLabel();
  const { message } = App.useApp();
  const { hall } = useHall();
  const state = useConsole(hall?.id);
  const [windowId, setWindowId] = useState<string>();
  const [staffId, setStaffId] = useState<string>();
  const [target, setTarget] = useState<string>();
  const act = useHallAction((a: { path: string; body?: unknown }) => post<unknown>(a.path, a.body));
  const run = (path: string, body?: unknown) =>
    act.mutate(
      { path, body },
      { onError: (e) => void message.error(e instanceof ApiError ? e.message : String(e)) },
    );
  const s = state.data;
  if (!s) return null;
  const current: Ticket | null = s.current;
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Title level={3}>{t('hall.console.title')}</Typography.Title>
      {!s.presence ? (
        <Card title={t('hall.console.signIn')}>
          <Space wrap>
            <Select
              data-testid="console-window"
              placeholder={t('hall.console.window')}
              style={{ width: 220 }}
              value={windowId}
              onChange={setWindowId}
              options={s.windows.map((w) => ({
                value: w.id,
                label: `${w.number} ${w.name}`,
                disabled: w.open,
              }))}
            />
            <Select
              data-testid="console-staff"
              placeholder={t('hall.console.staff')}
              style={{ width: 160 }}
              value={staffId}
              onChange={setStaffId}
              options={s.staffOptions.map((o) => ({ value: o.id, label: o.name }))}
            />
            <Button
              type="primary"
              disabled={!windowId || !staffId}
              onClick={() => run('/api/hall/presence/sign-in', { windowId, staffId })}
            >
              {t('hall.console.signInButton')}
            </Button>
          </Space>
        </Card>
      ) : (
        <Card
          title={`${s.presence.windowNumber} · ${s.presence.staffName}`}
          extra={
            <Button onClick={() => run('/api/hall/presence/sign-out')}>{t('hall.console.signOut')}</Button>
          }
        >
          <Space size="large" align="start" wrap>
            <Statistic title={t('hall.console.waiting')} value={s.waiting} />
            <Card size="small" style={{ minWidth: 320 }} title={t('hall.console.current')}>
              {current ? (
                <Descriptions column={1} size="small">
                  <Descriptions.Item label={t('hall.console.number')}>
                    <Typography.Text strong style={{ fontSize: 28 }} data-testid="current-ticket">
                      {current.number}
                    </Typography.Text>
                  </Descriptions.Item>
                  <Descriptions.Item label={t('hall.console.group')}>{current.groupName}</Descriptions.Item>
                  <Descriptions.Item label={t('hall.console.priority')}>
                    {label('priority', current.priority)}
                  </Descriptions.Item>
                  <Descriptions.Item label={t('hall.console.waited')}>
                    {t('hall.minutes', { n: Math.round((current.waitingSeconds ?? 0) / 60) })}
                  </Descriptions.Item>
                </Descriptions>
              ) : (
                <Empty description={t('hall.console.none')} />
              )}
            </Card>
          </Space>
          <Space wrap style={{ marginTop: 16 }}>
            <Button
              type="primary"
              size="large"
              disabled={!!current}
              onClick={() => run('/api/hall/queue/next')}
            >
              {t('hall.console.next')}
            </Button>
            <Button disabled={!current} onClick={() => run('/api/hall/queue/recall')}>
              {t('hall.console.recall')}
            </Button>
            <Button disabled={!current} onClick={() => run('/api/hall/queue/skip')}>
              {t('hall.console.skip')}
            </Button>
            <Button type="primary" disabled={!current} onClick={() => run('/api/hall/queue/finish')}>
              {t('hall.console.finish')}
            </Button>
            <Select
              style={{ width: 240 }}
              placeholder={t('hall.console.transferTo')}
              value={target}
              onChange={setTarget}
              options={[
                ...s.windows
                  .filter((w) => w.id !== s.presence!.windowId)
                  .map((w) => ({
                    value: `w:${w.id}`,
                    label: w.open ? w.number : t('hall.console.closedWindow', { w: w.number }),
                  })),
                ...s.groups.map((g) => ({
                  value: `g:${g.id}`,
                  label: `${t('hall.console.groupPrefix')} ${g.name}`,
                })),
              ]}
            />
            <Button
              disabled={!current || !target}
              onClick={() =>
                run(
                  '/api/hall/queue/transfer',
                  target!.startsWith('w:')
                    ? { toWindowId: target!.slice(2) }
                    : { toGroupId: target!.slice(2) },
                )
              }
            >
              {t('hall.console.transfer')}
            </Button>
          </Space>
        </Card>
      )}
    </Space>
  );
}
