import { Badge, Button, Tooltip } from 'antd';
import { BellOutlined } from '@ant-design/icons';
import { can, type Role } from '@tongban/contracts';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useInboxCounts } from '../api';

/** The header's bell: unread messages and open to-dos, opening 消息与待办. */
export function InboxBell({ role }: { role: Role }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const allowed = can(role, 'inbox.read');
  const { data } = useInboxCounts(allowed);
  if (!allowed) return null;
  const count = (data?.unread ?? 0) + (data?.openTodos ?? 0);
  return (
    <Tooltip title={t('inbox.bellTip', { unread: data?.unread ?? 0, todos: data?.openTodos ?? 0 })}>
      <Badge count={data?.unread ?? 0} size="small" data-testid="inbox-badge" title={String(count)}>
        <Button
          type="text"
          icon={<BellOutlined style={{ fontSize: 18 }} />}
          aria-label={t('inbox.title')}
          data-testid="inbox-bell"
          onClick={() => void navigate('/inbox')}
        />
      </Badge>
    </Tooltip>
  );
}
