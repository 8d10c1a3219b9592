import { DAY_STATUS_LABELS, type DayStatus } from '@tongban/contracts';

export type DayStatusStyle = { label: string; short: string; color: string; background: string };

/** One colour per kind of day, used by the month view and its legend alike. */
export const DAY_STATUS_STYLES: Record<DayStatus, DayStatusStyle> = {
  weekday: { label: DAY_STATUS_LABELS.weekday, short: '', color: '#1f2937', background: '#ffffff' },
  weekend: { label: DAY_STATUS_LABELS.weekend, short: '休', color: '#6b7280', background: '#f3f4f6' },
  holiday: { label: DAY_STATUS_LABELS.holiday, short: '休', color: '#cf1322', background: '#fff1f0' },
  workday: { label: DAY_STATUS_LABELS.workday, short: '班', color: '#d46b08', background: '#fff7e6' },
  closure: { label: DAY_STATUS_LABELS.closure, short: '停', color: '#531dab', background: '#f4ecff' },
  extra_workday: {
    label: DAY_STATUS_LABELS.extra_workday,
    short: '班',
    color: '#08979c',
    background: '#e6fffb',
  },
};

export const LEGEND_ORDER: DayStatus[] = [
  'weekday',
  'weekend',
  'holiday',
  'workday',
  'closure',
  'extra_workday',
];
