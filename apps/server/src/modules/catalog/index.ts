export { catalogRoutes } from './catalog.routes';
export { getPublishedVersion, getPublishedVersionId, getVersion } from './catalog.service';
export * as catalogService from './catalog.service';
export { CatalogError, CatalogErrorCode } from './catalog.errors';
export { namePinyin } from './catalog-pinyin';
export type {
  CatalogContent,
  CatalogMaterial,
  CatalogVersion,
  CatalogVersionStatus,
  ItemType,
} from '@tongban/contracts';
export { hasItemsIn, listPublishedItemNames } from './catalog-lookups';
export { bumpCatalogRevision, publishedVersionIdQuery } from './catalog.repository';
export { readHallItemsForReviews } from './catalog-reviews.read-model';
