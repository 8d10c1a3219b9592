import { Route } from 'react-router';
import { RequirePermission } from '../../app/route-guards';
import { lazyPage } from '../../app/lazy-page';

const BadReviewsPage = lazyPage(() => import('./pages/bad-reviews-page'), 'BadReviewsPage');
const BadReviewDetailPage = lazyPage(() => import('./pages/bad-review-detail-page'), 'BadReviewDetailPage');
const FiguresPage = lazyPage(() => import('./pages/figures-page'), 'FiguresPage');
const PadsPage = lazyPage(() => import('./pages/pads-page'), 'PadsPage');
const WindowQrPage = lazyPage(() => import('./pages/window-qr-page'), 'WindowQrPage');
const PadPage = lazyPage(() => import('./pages/pad-page'), 'PadPage');
const RateCasePage = lazyPage(() => import('./pages/rate-page'), 'RateCasePage');
const RateSmsPage = lazyPage(() => import('./pages/rate-page'), 'RateSmsPage');
const PublicFiguresPage = lazyPage(() => import('./pages/public-figures-page'), 'PublicFiguresPage');

/** The evaluations module's signed-in screens (好差评). */
export const evaluationsRoutes = (
  <Route path="evaluations">
    <Route
      path="bad-reviews"
      element={
        <RequirePermission action="evaluations.read">
          <BadReviewsPage />
        </RequirePermission>
      }
    />
    <Route
      path="bad-reviews/:id"
      element={
        <RequirePermission action="evaluations.read">
          <BadReviewDetailPage />
        </RequirePermission>
      }
    />
    <Route
      path="figures"
      element={
        <RequirePermission action="evaluations.read">
          <FiguresPage />
        </RequirePermission>
      }
    />
    <Route
      path="pads"
      element={
        <RequirePermission action="evaluations.pad.read">
          <PadsPage />
        </RequirePermission>
      }
    />
    <Route
      path="windows/:id/qr"
      element={
        <RequirePermission action="evaluations.pad.read">
          <WindowQrPage />
        </RequirePermission>
      }
    />
  </Route>
);

/** Public (signed-out) screens: the window pad, online and SMS rating, the public figures. */
export const evaluationsPublicRoutes = (
  <>
    <Route path="/pad/:token" element={<PadPage />} />
    <Route path="/rate" element={<RateCasePage />} />
    <Route path="/rate/s/:token" element={<RateSmsPage />} />
    <Route path="/evaluations-public" element={<PublicFiguresPage />} />
    <Route path="/evaluations-public/:regionCode" element={<PublicFiguresPage />} />
  </>
);
