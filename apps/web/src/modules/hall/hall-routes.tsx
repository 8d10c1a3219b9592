import { Route } from 'react-router';
import { RequirePermission } from '../../app/route-guards';
import { lazyPage } from '../../app/lazy-page';

const BookingPage = lazyPage(() => import('./pages/booking-page'), 'BookingPage');
const KioskPage = lazyPage(() => import('./pages/kiosk-page'), 'KioskPage');
const CallScreenPage = lazyPage(() => import('./pages/call-screen-page'), 'CallScreenPage');
const PresenceBoardPage = lazyPage(() => import('./pages/presence-board-page'), 'PresenceBoardPage');
const ConsolePage = lazyPage(() => import('./pages/console-page'), 'ConsolePage');
const ManagerPage = lazyPage(() => import('./pages/manager-page'), 'ManagerPage');
const PatrolPage = lazyPage(() => import('./pages/patrol-page'), 'PatrolPage');
const NoticesPage = lazyPage(() => import('./pages/notices-page'), 'NoticesPage');
const FiguresPage = lazyPage(() => import('./pages/figures-page'), 'FiguresPage');

/** The hall's signed-in screens, placed in the shell as `{hallRoutes}`. */
export const hallRoutes = (
  <Route path="hall">
    <Route
      path="console"
      element={
        <RequirePermission action="hall.queue.serve">
          <ConsolePage />
        </RequirePermission>
      }
    />
    <Route
      path="manage"
      element={
        <RequirePermission action="hall.read">
          <ManagerPage />
        </RequirePermission>
      }
    />
    <Route
      path="patrol"
      element={
        <RequirePermission action="hall.patrol">
          <PatrolPage />
        </RequirePermission>
      }
    />
    <Route
      path="notices"
      element={
        <RequirePermission action="hall.read">
          <NoticesPage />
        </RequirePermission>
      }
    />
    <Route
      path="figures"
      element={
        <RequirePermission action="hall.read">
          <FiguresPage />
        </RequirePermission>
      }
    />
  </Route>
);

/** Public (signed-out) screens: booking, the kiosk, the call screen, the presence board. */
export const hallPublicRoutes = (
  <>
    <Route path="/hall/book" element={<BookingPage />} />
    <Route path="/hall/kiosk" element={<KioskPage />} />
    <Route path="/hall/screen/:hallId" element={<CallScreenPage />} />
    <Route path="/hall/board/:hallId" element={<PresenceBoardPage />} />
  </>
);
