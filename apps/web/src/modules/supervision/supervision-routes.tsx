import { lazy, Suspense } from 'react';
import { Route } from 'react-router';
import { FullPageSpin, RequirePermission } from '../../app/route-guards';
import { lazyPage } from '../../app/lazy-page';

const BoardPage = lazyPage(() => import('./pages/board-page'), 'BoardPage');
const OrdersPage = lazyPage(() => import('./pages/orders-page'), 'OrdersPage');
const OrderPage = lazyPage(() => import('./pages/order-page'), 'OrderPage');
const ThresholdsPage = lazyPage(() => import('./pages/thresholds-page'), 'ThresholdsPage');
const FiguresPage = lazyPage(() => import('./pages/figures-page'), 'FiguresPage');
// ECharts is large: the dashboard loads it on first visit only.
const DashboardPage = lazy(() =>
  import('./pages/dashboard-page').then((m) => ({ default: m.DashboardPage })),
);

const guard = (el: React.ReactNode) => <RequirePermission action="supervision.read">{el}</RequirePermission>;

/** The supervision module's signed-in screens, placed in the shell as `{supervisionRoutes}`. */
export const supervisionRoutes = (
  <Route path="supervision">
    <Route index element={guard(<BoardPage />)} />
    <Route path="orders" element={guard(<OrdersPage />)} />
    <Route path="orders/:id" element={guard(<OrderPage />)} />
    <Route path="figures" element={guard(<FiguresPage />)} />
    <Route path="thresholds" element={guard(<ThresholdsPage />)} />
    <Route
      path="dashboard"
      element={guard(
        <Suspense fallback={<FullPageSpin />}>
          <DashboardPage />
        </Suspense>,
      )}
    />
  </Route>
);

/** Public (signed-out) screens, placed outside the shell: none. */
export const supervisionPublicRoutes = null;
