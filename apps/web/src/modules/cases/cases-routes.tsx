import type { ReactNode } from 'react';
import { Route } from 'react-router';
import type { Action } from '@tongban/contracts';
import { RequireAuth, RequirePermission } from '../../app/route-guards';
import { lazyPage } from '../../app/lazy-page';

const ApplyPage = lazyPage(() => import('./pages/apply-page'), 'ApplyPage');
const CaseDetailPage = lazyPage(() => import('./pages/case-detail-page'), 'CaseDetailPage');
const CaseListPage = lazyPage(() => import('./pages/case-list-page'), 'CaseListPage');
const CertificatePage = lazyPage(() => import('./pages/certificate-page'), 'CertificatePage');
const DeliveryPage = lazyPage(() => import('./pages/delivery-page'), 'DeliveryPage');
const IntakePage = lazyPage(() => import('./pages/intake-page'), 'IntakePage');
const NoticePrintPage = lazyPage(() => import('./pages/notice-print-page'), 'NoticePrintPage');
const OverduePage = lazyPage(() => import('./pages/overdue-page'), 'OverduePage');
const RefusedPage = lazyPage(() => import('./pages/refused-page'), 'RefusedPage');
const ReviewPage = lazyPage(() => import('./pages/review-page'), 'ReviewPage');
const TrackPage = lazyPage(() => import('./pages/track-page'), 'TrackPage');
const VerifyPage = lazyPage(() => import('./pages/verify-page'), 'VerifyPage');

const guard = (action: Action, page: ReactNode) => (
  <RequirePermission action={action}>{page}</RequirePermission>
);

/** The signed-in case screens, placed inside the shell's routes as `{casesRoutes}`. */
export const casesRoutes = (
  <Route path="cases">
    <Route index element={guard('case.read', <CaseListPage />)} />
    <Route path="intake" element={guard('case.intake', <IntakePage />)} />
    <Route path="review" element={guard('case.review', <ReviewPage />)} />
    <Route path="delivery" element={guard('case.deliver', <DeliveryPage />)} />
    <Route path="overdue" element={guard('case.read', <OverduePage />)} />
    <Route path="refused" element={guard('case.read', <RefusedPage />)} />
    <Route path=":id" element={guard('case.read', <CaseDetailPage />)} />
  </Route>
);

/**
 * Outside the shell: the notice print view (signed in, A4 without the menu), and the public pages —
 * 网上申报, 办件查询, 电子证照核验 and the printable certificate (no sign-in).
 */
export const publicCasesRoutes = (
  <>
    <Route
      path="/cases/:id/notices/:noticeId/print"
      element={<RequireAuth>{guard('case.read', <NoticePrintPage />)}</RequireAuth>}
    />
    <Route path="/apply" element={<ApplyPage />} />
    <Route path="/track" element={<TrackPage />} />
    <Route path="/verify/:token" element={<VerifyPage />} />
    <Route path="/verify/:token/certificate" element={<CertificatePage />} />
  </>
);
