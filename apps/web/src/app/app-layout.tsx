import { useState } from 'react';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { Avatar, Button, Flex, Layout, Menu, Space, Tag, Typography, theme } from 'antd';
import { LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useAuth, useCurrentUser } from './auth-context';
import { buildMenu, findNavItem, navKeyForPath } from './menu';
import { LanguageSwitch } from './language-switch';
import { notifySuccess } from './notify';
import { InboxBell } from '../modules/inbox/components/inbox-bell';

const { Header, Sider, Content, Footer } = Layout;

export function AppLayout() {
  const { t, i18n } = useTranslation();
  // English labels are longer: a wider sidebar, and a label that still does not fit wraps (global.css).
  const english = i18n.language === 'en';
  const user = useCurrentUser();
  const { signOut } = useAuth();
  const navigate = useNavigate();
  const location = useLocation();
  const [collapsed, setCollapsed] = useState(false);
  const { token } = theme.useToken();

  const onLogout = async () => {
    await signOut();
    notifySuccess(t('layout.loggedOut'));
    void navigate('/login', { replace: true });
  };

  return (
    <Layout style={{ minHeight: '100vh' }}>
      {/* Sticky, with its own scroll: the collapse button at the bottom never covers the last items. */}
      <Sider
        collapsible
        collapsed={collapsed}
        onCollapse={setCollapsed}
        width={english ? 248 : 216}
        className={english ? 'tb-sider-wrap' : undefined}
        data-testid="app-sider"
        style={{ position: 'sticky', top: 0, height: '100vh', alignSelf: 'flex-start' }}
      >
        <Flex
          align="center"
          gap={10}
          style={{ height: 64, padding: collapsed ? '0 24px' : '0 20px', color: '#fff', overflow: 'hidden' }}
        >
          <Avatar shape="square" size={32} style={{ background: token.colorPrimary, flex: 'none' }}>
            通
          </Avatar>
          {!collapsed && (
            <div
              style={{
                lineHeight: 1.25,
                whiteSpace: 'nowrap',
                minWidth: 0,
                overflow: 'hidden',
                textOverflow: 'ellipsis',
              }}
            >
              <div style={{ fontSize: 17, fontWeight: 600 }}>{t('app.name')}</div>
              <div style={{ fontSize: 12, opacity: 0.65 }}>{t('app.subtitle')}</div>
            </div>
          )}
        </Flex>
        <div style={{ height: 'calc(100vh - 64px - 48px)', overflowY: 'auto' }} data-testid="app-menu-scroll">
          <Menu
            theme="dark"
            mode="inline"
            data-testid="app-menu"
            selectedKeys={[navKeyForPath(location.pathname)]}
            items={buildMenu(user.role, t)}
            onClick={({ key }) => {
              const item = findNavItem(key);
              if (item) void navigate(item.path);
            }}
          />
        </div>
      </Sider>
      <Layout>
        <Header
          style={{
            background: token.colorBgContainer,
            padding: '0 24px',
            borderBottom: `1px solid ${token.colorBorderSecondary}`,
            display: 'flex',
            alignItems: 'center',
            justifyContent: 'flex-end',
          }}
        >
          <Space size="middle">
            <InboxBell role={user.role} />
            <LanguageSwitch />
            <Space size={8} data-testid="current-user">
              <Avatar size="small" icon={<UserOutlined />} style={{ background: token.colorPrimary }} />
              <Typography.Text strong data-testid="current-user-name">
                {user.displayName}
              </Typography.Text>
              <Tag color="blue" data-testid="current-user-role" style={{ marginInlineEnd: 0 }}>
                {t(`role.${user.role}`)}
              </Tag>
            </Space>
            <Button icon={<LogoutOutlined />} data-testid="logout" onClick={() => void onLogout()}>
              {t('layout.logout')}
            </Button>
          </Space>
        </Header>
        <Content style={{ margin: 24 }}>
          <Outlet />
        </Content>
        <Footer style={{ textAlign: 'center', color: token.colorTextTertiary, padding: '12px 24px' }}>
          {t('app.name')} · {t('app.subtitle')}
        </Footer>
      </Layout>
    </Layout>
  );
}
