import {
  CATALOG_VERSION_STATUS_LABELS,
  GUIDE_LANG_LABELS,
  HANDLING_LABELS,
  ITEM_TYPE_LABELS,
  ONLINE_LEVEL_LABELS,
  type CatalogItemSummary,
  type CatalogVersionStatus,
  type GuideLang,
  type OnlineLevel,
} from '@tongban/contracts';
import dayjs from 'dayjs';
import { tr } from '../../../app/i18n';
import { labelsOf } from '../../../app/enum-labels';

/** Shared Chinese wording of the staff catalog screens (labels of enums come from contracts). */
export const STATUS_COLORS: Record<CatalogVersionStatus, string> = {
  draft: 'gold',
  published: 'green',
  superseded: 'default',
  retired: 'red',
};

export const ITEM_STATUS_LABELS: Record<CatalogItemSummary['status'], string> = {
  get draft() {
    return tr('catalog.catalogFormat.unpublished');
  },
  get published() {
    return tr('catalog.catalogFormat.published');
  },
  get retired() {
    return tr('catalog.catalogFormat.cancelled');
  },
};

export const ONLINE_LEVEL_COLORS: Record<OnlineLevel, string> = {
  full_online: 'green',
  online_pretrial: 'blue',
  offline: 'default',
};

export const versionStatusLabel = (s: CatalogVersionStatus) => labelsOf(CATALOG_VERSION_STATUS_LABELS)[s];
export const itemTypeLabel = (t: keyof typeof ITEM_TYPE_LABELS) => labelsOf(ITEM_TYPE_LABELS)[t];
export const onlineLevelLabel = (o: OnlineLevel | null) => (o ? labelsOf(ONLINE_LEVEL_LABELS)[o] : '—');
export const handlingLabel = (h: keyof typeof HANDLING_LABELS | null) =>
  h ? labelsOf(HANDLING_LABELS)[h] : '—';
export const langLabel = (l: GuideLang) => labelsOf(GUIDE_LANG_LABELS)[l];

/** 到现场次数: 0 = 零跑动, 1 = 最多跑一次. */
export function visitsLabel(n: number | null): string {
  if (n === null) return '—';
  if (n === 0) return tr('catalog.catalogFormat.zeroVisits');
  if (n === 1) return tr('catalog.catalogFormat.atMostOneVisit');
  return tr('catalog.catalogFormat.visits', { n });
}

export const daysLabel = (n: number | null) =>
  n === null
    ? '—'
    : n === 0
      ? tr('catalog.catalogFormat.concludeOnTheSpot')
      : tr('catalog.catalogFormat.workingDays', { n });

/** Fees are kept in fen (分); shown in yuan. */
export const yuan = (fen: number) => (fen / 100).toFixed(2).replace(/\.00$/, '');

export const dateTime = (iso: string | null) => (iso ? dayjs(iso).format('YYYY-MM-DD HH:mm') : '—');
export const percent = (share: number) => `${(share * 100).toFixed(1)}%`;

/** Sorted lists of [value, label] for selects. */
export const optionsOf = <K extends string>(labels: Record<K, string>) =>
  (Object.entries(labels) as [K, string][]).map(([value, label]) => ({ value, label }));
