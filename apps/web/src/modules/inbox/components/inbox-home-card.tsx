import { Button, Card, Col, Empty, List, Tag, Typography } from 'antd';
import type { InboxItem } from '@tongban/contracts';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useAuth } from '../../../app/auth-context';
import { useInbox, useMarkRead } from '../api';
import { useMessageText } from '../message-text';

/** 首页「等我处理」: the person's open to-dos first, then unread messages, each opening its record. */
export function InboxHomeCard() {
  const { can } = useAuth();
  if (!can('inbox.read')) return null;
  return <WaitingCard />;
}

function WaitingCard() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const todos = useInbox({ filter: 'todo', page: 1, pageSize: 5 });
  const unread = useInbox({ filter: 'unread', page: 1, pageSize: 5 });
  const markRead = useMarkRead();
  const text = useMessageText();
  const seen = new Set<string>();
  const items = [...(todos.data?.items ?? []), ...(unread.data?.items ?? [])].filter((i) =>
    seen.has(i.id) ? false : (seen.add(i.id), true),
  );
  const open = (item: InboxItem) => {
    if (!item.readAt) markRead.mutate(item.id);
    if (item.link) void navigate(item.link);
  };
  return (
    <Col span={24}>
      <Card
        data-testid="home-waiting"
        title={t('inbox.homeTitle', {
          todos: todos.data?.openTodos ?? 0,
          unread: todos.data?.unread ?? 0,
        })}
        extra={
          <Button type="link" onClick={() => void navigate('/inbox')}>
            {t('inbox.seeAll')}
          </Button>
        }
      >
        <List<InboxItem>
          size="small"
          loading={todos.isLoading || unread.isLoading}
          dataSource={items.slice(0, 6)}
          locale={{ emptyText: <Empty description={t('inbox.nothingWaiting')} /> }}
          renderItem={(item) => (
            <List.Item
              data-testid="home-waiting-item"
              // The same slot on every row, with or without a link, so the times line up.
              actions={[
                <span key="open" style={{ display: 'inline-block', minWidth: 56, textAlign: 'right' }}>
                  {item.link && (
                    <Button type="link" size="small" onClick={() => open(item)}>
                      {t('inbox.open')}
                    </Button>
                  )}
                </span>,
              ]}
            >
              <div style={{ display: 'flex', alignItems: 'baseline', gap: 12, width: '100%', minWidth: 0 }}>
                <Typography.Text strong={!item.readAt} ellipsis style={{ flex: 1, minWidth: 0 }}>
                  {item.isTodo && !item.doneAt && <Tag color="orange">{t('inbox.todoTag')}</Tag>}
                  {text(item).title}
                </Typography.Text>
                <Typography.Text type="secondary" style={{ fontSize: 12, whiteSpace: 'nowrap' }}>
                  {dayjs(item.createdAt).format('MM-DD HH:mm')}
                </Typography.Text>
              </div>
            </List.Item>
          )}
        />
      </Card>
    </Col>
  );
}
