import { lazy, Suspense, type ReactNode } from 'react';
import { Route } from 'react-router';
import { FullPageSpin, RequirePermission } from '../../app/route-guards';
// The public guide pages are where citizens arrive from a search or a QR code: in the main chunk.
import { GuidePage } from './pages/guide-page';
import { GuideSearchPage } from './pages/guide-search-page';
import { lazyPage } from '../../app/lazy-page';

const CatalogDiffPage = lazyPage(() => import('./pages/catalog-diff-page'), 'CatalogDiffPage');
const CatalogEditPage = lazyPage(() => import('./pages/catalog-edit-page'), 'CatalogEditPage');
const CatalogItemPage = lazyPage(() => import('./pages/catalog-item-page'), 'CatalogItemPage');
const CatalogListPage = lazyPage(() => import('./pages/catalog-list-page'), 'CatalogListPage');
const GuidePrintPage = lazyPage(() => import('./pages/guide-print-page'), 'GuidePrintPage');

// ECharts is large: the figures page loads it on first visit only.
const CatalogFiguresPage = lazy(() =>
  import('./pages/catalog-figures-page').then((m) => ({ default: m.CatalogFiguresPage })),
);

const guard = (action: 'catalog.read' | 'catalog.write', page: ReactNode) => (
  <RequirePermission action={action}>{page}</RequirePermission>
);

/**
 * The catalog's signed-in screens, placed inside the shell's routes as `{catalogRoutes}` (a fragment
 * of <Route> elements, not a component, so that the router sees them).
 */
export const catalogRoutes = (
  <Route path="catalog">
    <Route index element={guard('catalog.read', <CatalogListPage />)} />
    <Route path="new" element={guard('catalog.write', <CatalogEditPage />)} />
    <Route
      path="figures"
      element={guard(
        'catalog.read',
        <Suspense fallback={<FullPageSpin />}>
          <CatalogFiguresPage />
        </Suspense>,
      )}
    />
    <Route path="versions/:versionId/edit" element={guard('catalog.write', <CatalogEditPage />)} />
    <Route path=":itemId" element={guard('catalog.read', <CatalogItemPage />)} />
    <Route path=":itemId/diff" element={guard('catalog.read', <CatalogDiffPage />)} />
  </Route>
);

/** 办事指南: public, no sign-in (placed beside /board, outside the shell). */
export const publicCatalogRoutes = (
  <Route path="guide">
    <Route index element={<GuideSearchPage />} />
    <Route path=":itemId" element={<GuidePage />} />
    <Route path=":itemId/print" element={<GuidePrintPage />} />
  </Route>
);
