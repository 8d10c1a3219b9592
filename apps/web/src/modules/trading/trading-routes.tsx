import { Route } from 'react-router';
import { lazyPage } from '../../app/lazy-page';
import { RequirePermission } from '../../app/route-guards';

const ProjectsPage = lazyPage(() => import('./pages/projects-page'), 'ProjectsPage');
const ProjectDetailPage = lazyPage(() => import('./pages/project-detail-page'), 'ProjectDetailPage');
const DepositsPage = lazyPage(() => import('./pages/deposits-page'), 'DepositsPage');
const ExpertsPage = lazyPage(() => import('./pages/experts-page'), 'ExpertsPage');
const FiguresPage = lazyPage(() => import('./pages/figures-page'), 'FiguresPage');
const PublicProjectPage = lazyPage(() => import('./pages/public-project-page'), 'PublicProjectPage');

/** The trading module's signed-in screens as a fragment of <Route> elements. */
export const tradingRoutes = (
  <Route path="trading">
    <Route
      index
      element={
        <RequirePermission action="trading.read">
          <ProjectsPage />
        </RequirePermission>
      }
    />
    <Route
      path="projects/:id"
      element={
        <RequirePermission action="trading.read">
          <ProjectDetailPage />
        </RequirePermission>
      }
    />
    <Route
      path="experts"
      element={
        <RequirePermission action="trading.read">
          <ExpertsPage />
        </RequirePermission>
      }
    />
    <Route
      path="deposits"
      element={
        <RequirePermission action="trading.deposit.read">
          <DepositsPage />
        </RequirePermission>
      }
    />
    <Route
      path="figures"
      element={
        <RequirePermission action="trading.read">
          <FiguresPage />
        </RequirePermission>
      }
    />
  </Route>
);

/** Public (signed-out) screens: a project's announcements and results. */
export const tradingPublicRoutes = (
  <Route path="/public/trading/:projectNo" element={<PublicProjectPage />} />
);
