import { BrowserRouter, Route, Routes } from 'react-router';
import { AuthProvider } from './auth-context';
import { AppLayout } from './app-layout';
import { NotFoundPage, RequireAuth, RequirePermission } from './route-guards';
import { catalogRoutes, publicCatalogRoutes } from '../modules/catalog/catalog-routes';
import { ledgerRoutes, publicLedgerRoutes } from '../modules/ledger/ledger-routes';
import { casesRoutes, publicCasesRoutes } from '../modules/cases/cases-routes';
import { portalPublicRoutes } from '../modules/portal/portal-routes';
import { inboxRoutes } from '../modules/inbox/inbox-routes';
import { supervisionPublicRoutes, supervisionRoutes } from '../modules/supervision/supervision-routes';
import { evaluationsPublicRoutes, evaluationsRoutes } from '../modules/evaluations/evaluations-routes';
import { complaintsPublicRoutes, complaintsRoutes } from '../modules/complaints/complaints-routes';
import { hallPublicRoutes, hallRoutes } from '../modules/hall/hall-routes';
import { bundlesPublicRoutes, bundlesRoutes } from '../modules/bundles/bundles-routes';
import { tradingPublicRoutes, tradingRoutes } from '../modules/trading/trading-routes';
import {
  intermediariesPublicRoutes,
  intermediariesRoutes,
} from '../modules/intermediaries/intermediaries-routes';
import { reviewsPublicRoutes, reviewsRoutes } from '../modules/reviews/reviews-routes';
// The two screens nearly every visit starts with stay in the main chunk: loading them lazily
// added a round of fetching before the first paint (bench:web). Every other screen is its own chunk.
import { LoginPage } from '../modules/auth/pages/login-page';
import { HomePage } from '../modules/home/pages/home-page';
import { lazyPage } from './lazy-page';

const RegionsPage = lazyPage(() => import('../modules/org/pages/regions-page'), 'RegionsPage');
const HallsPage = lazyPage(() => import('../modules/org/pages/halls-page'), 'HallsPage');
const DepartmentsPage = lazyPage(() => import('../modules/org/pages/departments-page'), 'DepartmentsPage');
const WindowsPage = lazyPage(() => import('../modules/org/pages/windows-page'), 'WindowsPage');
const StaffPage = lazyPage(() => import('../modules/org/pages/staff-page'), 'StaffPage');
const UsersPage = lazyPage(() => import('../modules/org/pages/users-page'), 'UsersPage');
const StaffBoardPage = lazyPage(() => import('../modules/org/pages/staff-board-page'), 'StaffBoardPage');
const CalendarPage = lazyPage(() => import('../modules/calendar/pages/calendar-page'), 'CalendarPage');

export function AppRouter() {
  return (
    <BrowserRouter>
      <AuthProvider>
        <Routes>
          <Route path="/login" element={<LoginPage />} />
          {/* 公示牌: shown on the hall screen, no sign-in. */}
          <Route path="/board/:hallId" element={<StaffBoardPage />} />
          {/* 网上办事大厅: the public portal home and the 证照核验 entry, no sign-in. */}
          {portalPublicRoutes}
          {/* 办事指南: public guides, no sign-in. */}
          {publicCatalogRoutes}
          {/* 整改通报: published reports, no sign-in. */}
          {publicLedgerRoutes}
          {/* 网上申报、办件查询、证照核验: no sign-in; notice print views without the shell. */}
          {publicCasesRoutes}
          {/* Wave 2 modules' public screens: evaluator pads, call screens, public figures, trading notices. */}
          {supervisionPublicRoutes}
          {evaluationsPublicRoutes}
          {complaintsPublicRoutes}
          {hallPublicRoutes}
          {bundlesPublicRoutes}
          {tradingPublicRoutes}
          {intermediariesPublicRoutes}
          {reviewsPublicRoutes}
          <Route
            element={
              <RequireAuth>
                <AppLayout />
              </RequireAuth>
            }
          >
            <Route index element={<HomePage />} />
            <Route
              path="calendar"
              element={
                <RequirePermission action="calendar.read">
                  <CalendarPage />
                </RequirePermission>
              }
            />
            <Route path="admin">
              <Route
                path="regions"
                element={
                  <RequirePermission action="org.read">
                    <RegionsPage />
                  </RequirePermission>
                }
              />
              <Route
                path="halls"
                element={
                  <RequirePermission action="org.read">
                    <HallsPage />
                  </RequirePermission>
                }
              />
              <Route
                path="departments"
                element={
                  <RequirePermission action="org.read">
                    <DepartmentsPage />
                  </RequirePermission>
                }
              />
              <Route
                path="windows"
                element={
                  <RequirePermission action="org.read">
                    <WindowsPage />
                  </RequirePermission>
                }
              />
              <Route
                path="staff"
                element={
                  <RequirePermission action="org.read">
                    <StaffPage />
                  </RequirePermission>
                }
              />
              <Route
                path="users"
                element={
                  <RequirePermission action="user.read">
                    <UsersPage />
                  </RequirePermission>
                }
              />
            </Route>
            {inboxRoutes}
            {casesRoutes}
            {ledgerRoutes}
            {catalogRoutes}
            {supervisionRoutes}
            {evaluationsRoutes}
            {complaintsRoutes}
            {hallRoutes}
            {bundlesRoutes}
            {tradingRoutes}
            {intermediariesRoutes}
            {reviewsRoutes}
            <Route path="*" element={<NotFoundPage />} />
          </Route>
        </Routes>
      </AuthProvider>
    </BrowserRouter>
  );
}
