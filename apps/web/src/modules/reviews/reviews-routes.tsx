import { Route } from 'react-router';
import { RequirePermission } from '../../app/route-guards';
import { lazyPage } from '../../app/lazy-page';

const PlansPage = lazyPage(() => import('./pages/plans-page'), 'PlansPage');
const PlanPage = lazyPage(() => import('./pages/plan-page'), 'PlanPage');
const AssessmentsPage = lazyPage(() => import('./pages/assessments-page'), 'AssessmentsPage');
const AssessmentPage = lazyPage(() => import('./pages/assessment-page'), 'AssessmentPage');
const FindingsPage = lazyPage(() => import('./pages/findings-page'), 'FindingsPage');

const guard = (el: React.ReactNode) => <RequirePermission action="reviews.read">{el}</RequirePermission>;

/** The reviews module's signed-in screens, placed in the shell as `{reviewsRoutes}`. */
export const reviewsRoutes = (
  <Route path="reviews">
    <Route path="plans" element={guard(<PlansPage />)} />
    <Route path="plans/:id" element={guard(<PlanPage />)} />
    <Route path="assessments" element={guard(<AssessmentsPage />)} />
    <Route path="assessments/:id" element={guard(<AssessmentPage />)} />
    <Route path="findings" element={guard(<FindingsPage />)} />
  </Route>
);

/** No signed-out screens. */
export const reviewsPublicRoutes = null;
