import type { ReactNode } from 'react';
import { Link, NavLink } from 'react-router';
import { Avatar, Flex, Layout, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '../../../app/language-switch';

/** The public pages every citizen moves between (issue 14, point 1): one small nav on each. */
const PUBLIC_NAV = [
  { to: '/portal', key: 'home' },
  { to: '/guide', key: 'guide' },
  { to: '/apply', key: 'apply' },
  { to: '/track', key: 'track' },
  { to: '/verify', key: 'verify' },
] as const;

/**
 * The frame of the public pages (no sign-in): the portal's name (a link to the portal home), the
 * public nav and the language switch.
 */
export function PublicShell({
  title,
  extra,
  children,
}: {
  title: string;
  extra?: ReactNode;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <Layout style={{ minHeight: '100vh', background: '#f3f4f6' }}>
      <Layout.Header
        style={{
          background: '#0b2a6b',
          padding: '0 32px',
          display: 'flex',
          alignItems: 'center',
          height: 'auto',
          minHeight: 64,
        }}
      >
        <Flex
          align="center"
          justify="space-between"
          wrap
          gap={12}
          style={{ width: '100%', maxWidth: 1120, margin: '0 auto' }}
        >
          <Link to="/portal" style={{ color: '#fff' }} data-testid="public-home-link">
            <Flex align="center" gap={10}>
              <Avatar shape="square" size={32} style={{ background: '#1d4ed8' }}>
                通
              </Avatar>
              <Typography.Text style={{ color: '#fff', fontSize: 18, fontWeight: 600 }}>
                {title}
              </Typography.Text>
            </Flex>
          </Link>
          <Flex align="center" gap={4} wrap component="nav" data-testid="public-nav">
            {PUBLIC_NAV.map((n) => (
              <NavLink
                key={n.key}
                to={n.to}
                end={n.to === '/portal'}
                data-testid={`public-nav-${n.key}`}
                style={({ isActive }) => ({
                  color: '#fff',
                  padding: '4px 10px',
                  borderRadius: 4,
                  background: isActive ? 'rgba(255,255,255,0.18)' : 'transparent',
                })}
              >
                {t(`portal.nav.${n.key}`)}
              </NavLink>
            ))}
            {extra}
            <span style={{ color: '#fff' }}>
              <LanguageSwitch ghost />
            </span>
          </Flex>
        </Flex>
      </Layout.Header>
      <Layout.Content style={{ padding: '24px 32px 48px' }}>
        <div style={{ maxWidth: 1120, margin: '0 auto' }}>{children}</div>
      </Layout.Content>
    </Layout>
  );
}
