import { Route } from 'react-router';
import { RequirePermission } from '../../app/route-guards';
import { lazyPage } from '../../app/lazy-page';

const InboxPage = lazyPage(() => import('./pages/inbox-page'), 'InboxPage');

/** 消息与待办, placed inside the shell's routes as `{inboxRoutes}`. */
export const inboxRoutes = (
  <Route
    path="inbox"
    element={
      <RequirePermission action="inbox.read">
        <InboxPage />
      </RequirePermission>
    }
  />
);
