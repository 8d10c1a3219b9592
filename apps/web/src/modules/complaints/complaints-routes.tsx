import { Route } from 'react-router';
import { lazyPage } from '../../app/lazy-page';
import { RequirePermission } from '../../app/route-guards';

const ListPage = lazyPage(() => import('./pages/complaint-list-page'), 'ComplaintListPage');
const DetailPage = lazyPage(() => import('./pages/complaint-detail-page'), 'ComplaintDetailPage');
const IntakePage = lazyPage(() => import('./pages/complaint-intake-page'), 'ComplaintIntakePage');
const ImportPage = lazyPage(() => import('./pages/hotline-import-page'), 'HotlineImportPage');
const UnresolvedPage = lazyPage(() => import('./pages/unresolved-console-page'), 'UnresolvedConsolePage');
const FiguresPage = lazyPage(() => import('./pages/complaint-figures-page'), 'ComplaintFiguresPage');
const LeaderPage = lazyPage(() => import('./pages/leader-board-page'), 'LeaderBoardPage');
const CatalogPage = lazyPage(() => import('./pages/dispatch-catalog-page'), 'DispatchCatalogPage');
const PublicPage = lazyPage(() => import('./pages/public-complaint-page'), 'PublicComplaintPage');

/**
 * The complaints module's signed-in screens as a fragment of <Route> elements, placed in the shell as
 * `{complaintsRoutes}`.
 */
export const complaintsRoutes = (
  <Route path="complaints">
    <Route
      index
      element={
        <RequirePermission action="complaint.read">
          <ListPage />
        </RequirePermission>
      }
    />
    <Route
      path="new"
      element={
        <RequirePermission action="complaint.intake">
          <IntakePage />
        </RequirePermission>
      }
    />
    <Route
      path="import"
      element={
        <RequirePermission action="complaint.intake">
          <ImportPage />
        </RequirePermission>
      }
    />
    <Route
      path="unresolved"
      element={
        <RequirePermission action="complaint.coordinate">
          <UnresolvedPage />
        </RequirePermission>
      }
    />
    <Route
      path="figures"
      element={
        <RequirePermission action="complaint.read">
          <FiguresPage />
        </RequirePermission>
      }
    />
    <Route
      path="leader"
      element={
        <RequirePermission action="complaint.lead">
          <LeaderPage />
        </RequirePermission>
      }
    />
    <Route
      path="catalog"
      element={
        <RequirePermission action="complaint.read">
          <CatalogPage />
        </RequirePermission>
      }
    />
    <Route
      path=":id"
      element={
        <RequirePermission action="complaint.read">
          <DetailPage />
        </RequirePermission>
      }
    />
  </Route>
);

/** Public (signed-out) screens, placed outside the shell. */
export const complaintsPublicRoutes = <Route path="/feedback" element={<PublicPage />} />;
