import type { ReactNode } from 'react';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { Button, Flex, Result, Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Action } from '@tongban/contracts';
import { useAuth } from './auth-context';

export function FullPageSpin() {
  return (
    <Flex align="center" justify="center" style={{ minHeight: '60vh' }}>
      <Spin size="large" />
    </Flex>
  );
}

/** Signed-in screens; sends everyone else to /login and back afterwards. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const { user } = useAuth();
  const location = useLocation();
  if (user === undefined) return <FullPageSpin />;
  // The page asked for, with its query (a filtered list, a case tab), is where sign-in returns to.
  if (user === null)
    return <Navigate to="/login" replace state={{ from: `${location.pathname}${location.search}` }} />;
  return children;
}

/** A screen behind a permission: the menu hides it, and a typed-in URL gets a 403 page. */
export function RequirePermission({ action, children }: { action: Action; children: ReactNode }) {
  const { can } = useAuth();
  if (!can(action)) return <ForbiddenPage />;
  return children;
}

export function ForbiddenPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <Result
      status="403"
      title="403"
      subTitle={t('common.forbidden')}
      extra={
        <Button type="primary" onClick={() => void navigate('/')}>
          {t('common.backHome')}
        </Button>
      }
    />
  );
}

export function NotFoundPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <Result
      status="404"
      title="404"
      subTitle={t('common.notFound')}
      extra={
        <Button type="primary" onClick={() => void navigate('/')}>
          {t('common.backHome')}
        </Button>
      }
    />
  );
}
