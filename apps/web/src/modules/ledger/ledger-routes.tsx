import { lazy, Suspense } from 'react';
import { Route } from 'react-router';
import { FullPageSpin, RequirePermission } from '../../app/route-guards';
import { ImportPage } from './pages/import-page';
import { LedgerPage } from './pages/ledger-page';
import { MyMeasuresPage } from './pages/my-measures-page';
import { PublicReportPage } from './pages/public-report-page';
import { ReportPage } from './pages/report-page';

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
