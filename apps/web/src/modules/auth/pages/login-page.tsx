import { useState } from 'react';
import { Link, Navigate, useLocation, useNavigate } from 'react-router';
import { Alert, Avatar, Button, Card, Flex, Form, Input, Typography, theme } from 'antd';
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { LoginInput } from '@tongban/contracts';
import { ApiError } from '../../../app/api-client';
import { useAuth } from '../../../app/auth-context';
import { LanguageSwitch } from '../../../app/language-switch';
import { login } from '../api';

export function LoginPage() {
  const { t } = useTranslation();
  const { user, signIn } = useAuth();
  const navigate = useNavigate();
  const location = useLocation();
  const { token } = theme.useToken();
  const [error, setError] = useState<string>();
  const asked = (location.state as { from?: string } | null)?.from ?? '/';
  // Only a path of this app (never another site), and never back to the sign-in page itself.
  const from = asked.startsWith('/') && !asked.startsWith('//') && !asked.startsWith('/login') ? asked : '/';

  const mutation = useMutation({
    mutationFn: login,
    // The page shows the server's message itself (e.g. 用户名或密码错误, the lock-out notice).
    meta: { silent: true },
    onMutate: () => setError(undefined),
    onSuccess: (session) => {
      signIn(session);
      void navigate(from, { replace: true });
    },
    onError: (e) => setError(e instanceof ApiError ? e.message : t('login.failed')),
  });

  // Signing in sets the user before navigate() runs: this must go where navigate() goes.
  if (user) return <Navigate to={from} replace />;

  return (
    <Flex
      vertical
      align="center"
      justify="center"
      style={{
        minHeight: '100vh',
        background: `linear-gradient(160deg, #0b2a6b 0%, ${token.colorPrimary} 55%, #e8efff 100%)`,
        position: 'relative',
      }}
    >
      <div style={{ position: 'absolute', top: 16, right: 24, color: '#fff' }}>
        <LanguageSwitch ghost />
      </div>
      <Flex vertical align="center" gap={8} style={{ marginBottom: 28, color: '#fff' }}>
        <Avatar
          shape="square"
          size={56}
          style={{ background: '#fff', color: token.colorPrimary, fontSize: 28 }}
        >
          通
        </Avatar>
        <Typography.Title level={2} style={{ color: '#fff', margin: 0 }}>
          {t('app.name')} · {t('app.subtitle')}
        </Typography.Title>
        <Typography.Text style={{ color: 'rgba(255,255,255,0.8)' }}>{t('login.subtitle')}</Typography.Text>
      </Flex>
      <Card style={{ width: 380, boxShadow: token.boxShadowSecondary }} title={t('login.title')}>
        {error && (
          <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} data-testid="login-error" />
        )}
        <Form<LoginInput>
          layout="vertical"
          size="large"
          requiredMark={false}
          onFinish={(values) => mutation.mutate(values)}
        >
          <Form.Item
            name="username"
            label={t('login.username')}
            rules={[{ required: true, whitespace: true, message: t('login.usernameRequired') }]}
          >
            <Input prefix={<UserOutlined />} autoComplete="username" autoFocus data-testid="login-username" />
          </Form.Item>
          <Form.Item
            name="password"
            label={t('login.password')}
            rules={[{ required: true, message: t('login.passwordRequired') }]}
          >
            <Input.Password
              prefix={<LockOutlined />}
              autoComplete="current-password"
              data-testid="login-password"
            />
          </Form.Item>
          <Button
            type="primary"
            htmlType="submit"
            block
            loading={mutation.isPending}
            data-testid="login-submit"
          >
            {t('login.submit')}
          </Button>
        </Form>
      </Card>
      <Link to="/portal" style={{ color: '#fff', fontSize: 16 }} data-testid="login-portal-link">
        {t('portal.signInLink')} →
      </Link>
    </Flex>
  );
}
