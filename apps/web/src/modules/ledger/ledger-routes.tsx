import { lazy, Suspense } from 'react';
import { Route } from 'react-router';
import { FullPageSpin, RequirePermission } from '../../app/route-guards';
import { lazyPage } from '../../app/lazy-page';

const ImportPage = lazyPage(() => import('./pages/import-page'), 'ImportPage');
const LedgerPage = lazyPage(() => import('./pages/ledger-page'), 'LedgerPage');
const MyMeasuresPage = lazyPage(() => import('./pages/my-measures-page'), 'MyMeasuresPage');
const PublicReportPage = lazyPage(() => import('./pages/public-report-page'), 'PublicReportPage');
const ReportPage = lazyPage(() => import('./pages/report-page'), 'ReportPage');

// ECharts is large: the dashboard loads it on first visit only.
const DashboardPage = lazy(() =>
  import('./pages/dashboard-page').then((m) => ({ default: m.DashboardPage })),
);

/**
 * The ledger's signed-in screens, placed inside the shell's routes as `{ledgerRoutes}`; a fragment
 * of <Route> elements (not a component) so that the router sees them.
 */
export const ledgerRoutes = (
  <Route path="ledger">
    <Route
      index
      element={
        <RequirePermission action="ledger.read">
          <LedgerPage />
        </RequirePermission>
      }
    />
    <Route
      path="mine"
      element={
        <RequirePermission action="ledger.read">
          <MyMeasuresPage />
        </RequirePermission>
      }
    />
    <Route
      path="dashboard"
      element={
        <RequirePermission action="ledger.read">
          <Suspense fallback={<FullPageSpin />}>
            <DashboardPage />
          </Suspense>
        </RequirePermission>
      }
    />
    <Route
      path="import"
      element={
        <RequirePermission action="ledger.write">
          <ImportPage />
        </RequirePermission>
      }
    />
    <Route
      path="report"
      element={
        <RequirePermission action="ledger.read">
          <ReportPage />
        </RequirePermission>
      }
    />
    <Route
      path=":inspectionId/report"
      element={
        <RequirePermission action="ledger.read">
          <ReportPage />
        </RequirePermission>
      }
    />
  </Route>
);

/** 整改通报 for the public: no sign-in (like the hall's 公示牌). */
export const publicLedgerRoutes = <Route path="/reports/:inspectionId" element={<PublicReportPage />} />;
