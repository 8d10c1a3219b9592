import { Route } from 'react-router';
import { lazyPage } from '../../app/lazy-page';
import { RequirePermission } from '../../app/route-guards';

const MarketPage = lazyPage(() => import('./pages/market-page'), 'MarketPage');
const PublicMarketPage = lazyPage(() => import('./pages/public-market-page'), 'PublicMarketPage');

export const intermediariesRoutes = (
  <Route
    path="intermediaries"
    element={
      <RequirePermission action="intermediaries.read">
        <MarketPage />
      </RequirePermission>
    }
  />
);

/** The public market and self-registration, no sign-in. */
export const intermediariesPublicRoutes = <Route path="/public/market" element={<PublicMarketPage />} />;
