import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { Avatar, Flex, Layout, Typography } from 'antd';

/** The frame of the public pages (no sign-in): a plain header with the guide portal's name. */
export function PublicShell({
  title,
  extra,
  children,
}: {
  title: string;
  extra?: ReactNode;
  children: ReactNode;
}) {
  return (
    <Layout style={{ minHeight: '100vh', background: '#f3f4f6' }}>
      <Layout.Header
        style={{ background: '#0b2a6b', padding: '0 32px', display: 'flex', alignItems: 'center' }}
      >
        <Flex
          align="center"
          justify="space-between"
          style={{ width: '100%', maxWidth: 1120, margin: '0 auto' }}
        >
          <Link to="/guide" style={{ color: '#fff' }}>
            <Flex align="center" gap={10}>
              <Avatar shape="square" size={32} style={{ background: '#1d4ed8' }}>
                通
              </Avatar>
              <Typography.Text style={{ color: '#fff', fontSize: 18, fontWeight: 600 }}>
                {title}
              </Typography.Text>
            </Flex>
          </Link>
          {extra}
        </Flex>
      </Layout.Header>
      <Layout.Content style={{ padding: '24px 32px 48px' }}>
        <div style={{ maxWidth: 1120, margin: '0 auto' }}>{children}</div>
      </Layout.Content>
    </Layout>
  );
}
