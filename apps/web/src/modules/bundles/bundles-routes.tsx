import { Route } from 'react-router';
import { RequirePermission } from '../../app/route-guards';
import { lazyPage } from '../../app/lazy-page';

const BundlesPage = lazyPage(() => import('./pages/bundles-page'), 'BundlesPage');
const BundleDetailPage = lazyPage(() => import('./pages/bundle-detail-page'), 'BundleDetailPage');
const BundleIntakePage = lazyPage(() => import('./pages/bundle-intake-page'), 'BundleIntakePage');
const BundleDefinitionEditorPage = lazyPage(
  () => import('./pages/bundle-definition-editor-page'),
  'BundleDefinitionEditorPage',
);
const BundleApplyPage = lazyPage(() => import('./pages/bundle-public-pages'), 'BundleApplyPage');
const BundleTrackPage = lazyPage(() => import('./pages/bundle-public-pages'), 'BundleTrackPage');
const BundleGuidePage = lazyPage(() => import('./pages/bundle-public-pages'), 'BundleGuidePage');
const BundleVerifyPage = lazyPage(() => import('./pages/bundle-public-pages'), 'BundleVerifyPage');

/** The bundles module's signed-in screens, placed in the shell as `{bundlesRoutes}`. */
export const bundlesRoutes = (
  <Route path="bundles">
    <Route
      index
      element={
        <RequirePermission action="bundle.read">
          <BundlesPage />
        </RequirePermission>
      }
    />
    <Route
      path="intake"
      element={
        <RequirePermission action="bundle.intake">
          <BundleIntakePage />
        </RequirePermission>
      }
    />
    <Route
      path="definitions/new"
      element={
        <RequirePermission action="bundle.define">
          <BundleDefinitionEditorPage />
        </RequirePermission>
      }
    />
    <Route
      path=":id"
      element={
        <RequirePermission action="bundle.read">
          <BundleDetailPage />
        </RequirePermission>
      }
    />
  </Route>
);

/** Public (signed-out) screens: online application, tracking, the guide, license verification. */
export const bundlesPublicRoutes = (
  <Route path="yjs">
    <Route index element={<BundleApplyPage />} />
    <Route path="track" element={<BundleTrackPage />} />
    <Route path="guide/:id" element={<BundleGuidePage />} />
    <Route path="verify/:token" element={<BundleVerifyPage />} />
  </Route>
);
