// What other modules may use of catalog (eslint no-restricted-imports: modules meet only at index.ts).
export { fetchVersion, queryString, usePublicGuide, type Page } from './api';
export { CatalogHomeCard } from './components/catalog-home-card';
export { PublicShell } from './components/public-shell';
