import { App, Button, Card, Input, List, Space, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type InspectionNotice } from '@tongban/contracts';
import { ApiError } from '../../../app/api-client';
import { useAuth } from '../../../app/auth-context';
import { post, useHallAction, useNotices } from '../api';
import { useHallLabel } from '../components/use-labels';

/** 督查告知书 (PAT-1): the department answers, the supervisor checks on the spot. */
export function NoticesPage() {
  const { t } = useTranslation();
  const label = useHallLabel();
  const { message } = App.useApp();
  const notices = useNotices();
  const { can } = useAuth();
  const [text, setText] = useState<Record<string, string>>({});
  const act = useHallAction((a: { path: string; body: unknown }) => post<InspectionNotice>(a.path, a.body));
  const run = (path: string, body: unknown) =>
    act.mutate(
      { path, body },
      { onError: (e) => void message.error(e instanceof ApiError ? e.message : String(e)) },
    );
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Typography.Title level={3}>{t('hall.notices.title')}</Typography.Title>
      <List
        dataSource={notices.data?.notices}
        renderItem={(n) => (
          <Card
            size="small"
            style={{ marginBottom: 12 }}
            data-testid="notice-card"
            title={`${n.noticeNo} · ${n.departmentName}`}
            extra={
              <Space>
                <Tag color={n.status === 'closed' ? 'green' : n.status === 'replied' ? 'blue' : 'orange'}>
                  {label('notice', n.status)}
                </Tag>
                {n.overdue && <Tag color="red">{t('hall.notices.overdue')}</Tag>}
                {n.round > 1 && <Tag color="volcano">{t('hall.notices.round', { n: n.round })}</Tag>}
              </Space>
            }
          >
            <div>
              {t('hall.notices.deadline')}：{n.deadline}
            </div>
            {n.problems.map((p) => (
              <div key={p.id}>
                <Tag>{label('problem', p.kind)}</Tag>
                {p.windowNumber} {p.staffName} {p.note}{' '}
                {p.photo && (
                  <a href={`/files/${p.photo}`} target="_blank" rel="noreferrer">
                    {t('hall.notices.photo')}
                  </a>
                )}
              </div>
            ))}
            {n.reply && (
              <Typography.Paragraph>
                {t('hall.notices.reply')}：{n.reply}
              </Typography.Paragraph>
            )}
            {n.followupNote && (
              <Typography.Paragraph>
                {t('hall.notices.followUp')}：{n.followupNote}
              </Typography.Paragraph>
            )}
            <Typography.Text type="secondary">
              {n.events
                .map((e) => `${dayjs(e.at).format('MM-DD HH:mm')} ${t(`hall.notices.event.${e.kind}`)}`)
                .join(' → ')}
            </Typography.Text>
            {n.status === 'issued' && can('hall.notice.reply') && (
              <Space.Compact style={{ width: '100%', marginTop: 8 }}>
                <Input
                  placeholder={t('hall.notices.replyPlaceholder')}
                  value={text[n.id] ?? ''}
                  onChange={(e) => setText({ ...text, [n.id]: e.target.value })}
                />
                <Button
                  type="primary"
                  onClick={() => run(`/api/hall/notices/${n.id}/reply`, { reply: text[n.id] ?? '' })}
                >
                  {t('hall.notices.send')}
                </Button>
              </Space.Compact>
            )}
            {n.status === 'replied' && can('hall.patrol') && (
              <Space.Compact style={{ width: '100%', marginTop: 8 }}>
                <Input
                  placeholder={t('hall.notices.followUpPlaceholder')}
                  value={text[n.id] ?? ''}
                  onChange={(e) => setText({ ...text, [n.id]: e.target.value })}
                />
                <Button
                  type="primary"
                  onClick={() =>
                    run(`/api/hall/notices/${n.id}/follow-up`, { passed: true, note: text[n.id] ?? '' })
                  }
                >
                  {t('hall.notices.pass')}
                </Button>
                <Button
                  danger
                  onClick={() =>
                    run(`/api/hall/notices/${n.id}/follow-up`, { passed: false, note: text[n.id] ?? '' })
                  }
                >
                  {t('hall.notices.fail')}
                </Button>
              </Space.Compact>
            )}
          </Card>
        )}
      />
    </Space>
  );
}
