import { Route } from 'react-router';
import { lazyPage } from '../../app/lazy-page';

const PortalPage = lazyPage(() => import('./pages/portal-page'), 'PortalPage');
const VerifyEntryPage = lazyPage(() => import('./pages/verify-entry-page'), 'VerifyEntryPage');

/** The public portal (no sign-in): its home and the 证照核验 entry. */
export const portalPublicRoutes = (
  <>
    <Route path="/portal" element={<PortalPage />} />
    <Route path="/verify" element={<VerifyEntryPage />} />
  </>
);
