import type { ReactNode } from 'react';
import { Route } from 'react-router';
import type { Action } from '@tongban/contracts';
import { RequireAuth, RequirePermission } from '../../app/route-guards';
import { ApplyPage } from './pages/apply-page';
import { CaseDetailPage } from './pages/case-detail-page';
import { CaseListPage } from './pages/case-list-page';
import { CertificatePage } from './pages/certificate-page';
import { DeliveryPage } from './pages/delivery-page';
import { IntakePage } from './pages/intake-page';
import { NoticePrintPage } from './pages/notice-print-page';
import { OverduePage } from './pages/overdue-page';
import { RefusedPage } from './pages/refused-page';
import { ReviewPage } from './pages/review-page';
import { TrackPage } from './pages/track-page';
import { VerifyPage } from './pages/verify-page';

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
