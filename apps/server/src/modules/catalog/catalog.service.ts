/**
 * The catalog's surface as routes and other modules call it (`catalogService` in index.ts); each
 * use case lives in use-cases/, the row ↔ content mapping in catalog-content.ts.
 */
export { getVersion, getPublishedVersionId, getPublishedVersion } from './use-cases/get-version';
export { createDraft } from './use-cases/create-draft';
export { createItem, type FixedIds } from './use-cases/create-item';
export { diffVersions } from './use-cases/diff-versions';
export { exportWorkbook } from './use-cases/export-workbook';
export { getFigures } from './use-cases/get-figures';
export { getItem } from './use-cases/get-item';
export { getPublicGuide, guidePathOf, type PublicGuide } from './use-cases/get-public-guide';
export { renderGuidePage } from './use-cases/render-guide-page';
export { getVersionFor, listVersions } from './use-cases/list-versions';
export { importWorkbook, type ImportResult } from './use-cases/import-workbook';
export { listItems } from './use-cases/list-items';
export { publish } from './use-cases/publish-version';
export { retire } from './use-cases/retire-item';
export { searchPublic } from './use-cases/search-public';
export { updateDraft } from './use-cases/update-draft';
