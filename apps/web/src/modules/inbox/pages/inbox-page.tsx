import { useState } from 'react';
import { Badge, Button, Card, Empty, List, Segmented, Space, Tag, Typography } from 'antd';
import type { InboxItem } from '@tongban/contracts';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useInbox, useMarkAllRead, useMarkRead } from '../api';
import { useMessageText } from '../message-text';

type Filter = 'all' | 'unread' | 'todo';
const PAGE_SIZE = 20;

/** 消息与待办: what other people's work and the system's checks put on this person's desk. */
export function InboxPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [filter, setFilter] = useState<Filter>('todo');
  const [page, setPage] = useState(1);
  const { data, isLoading } = useInbox({ filter, page, pageSize: PAGE_SIZE });
  const markRead = useMarkRead();
  const markAll = useMarkAllRead();
  const text = useMessageText();

  const open = (item: InboxItem) => {
    if (!item.readAt) markRead.mutate(item.id);
    if (item.link) void navigate(item.link);
  };

  return (
    <Card
      title={t('inbox.title')}
      extra={
        <Button
          data-testid="inbox-read-all"
          disabled={!data?.unread}
          loading={markAll.isPending}
          onClick={() => markAll.mutate()}
        >
          {t('inbox.readAll')}
        </Button>
      }
    >
      <Segmented<Filter>
        data-testid="inbox-filter"
        value={filter}
        onChange={(v) => {
          setFilter(v);
          setPage(1);
        }}
        options={[
          { value: 'todo', label: `${t('inbox.todo')}（${data?.openTodos ?? 0}）` },
          { value: 'unread', label: `${t('inbox.unread')}（${data?.unread ?? 0}）` },
          { value: 'all', label: t('inbox.all') },
        ]}
        style={{ marginBottom: 16 }}
      />
      <List<InboxItem>
        data-testid="inbox-list"
        loading={isLoading}
        dataSource={data?.items ?? []}
        locale={{ emptyText: <Empty description={t(`inbox.empty.${filter}`)} /> }}
        pagination={
          (data?.total ?? 0) > PAGE_SIZE && filter === 'all'
            ? { current: page, pageSize: PAGE_SIZE, total: data?.total, onChange: setPage }
            : false
        }
        renderItem={(item) => (
          <List.Item
            data-testid="inbox-item"
            actions={[
              item.link ? (
                <Button key="open" type="link" onClick={() => open(item)} data-testid="inbox-open">
                  {t('inbox.open')}
                </Button>
              ) : null,
              !item.readAt ? (
                <Button key="read" type="link" onClick={() => markRead.mutate(item.id)}>
                  {t('inbox.markRead')}
                </Button>
              ) : null,
            ].filter(Boolean)}
          >
            <List.Item.Meta
              title={
                <Space>
                  <Badge status={item.readAt ? 'default' : 'processing'} />
                  <Typography.Text strong={!item.readAt}>{text(item).title}</Typography.Text>
                  {item.isTodo && (
                    <Tag color={item.doneAt ? 'default' : 'orange'}>
                      {item.doneAt ? t('inbox.done') : t('inbox.todoTag')}
                    </Tag>
                  )}
                </Space>
              }
              description={
                <Space direction="vertical" size={2}>
                  {text(item).body && <Typography.Text type="secondary">{text(item).body}</Typography.Text>}
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {dayjs(item.createdAt).format('YYYY-MM-DD HH:mm')}
                  </Typography.Text>
                </Space>
              }
            />
          </List.Item>
        )}
      />
    </Card>
  );
}
