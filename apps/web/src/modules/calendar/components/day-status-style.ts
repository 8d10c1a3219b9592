import { DAY_STATUS_LABELS, type DayStatus } from '@tongban/contracts';
import { tr } from '../../../app/i18n';
import { labelsOf } from '../../../app/enum-labels';

export type DayStatusStyle = { label: string; short: string; color: string; background: string };

/** Label and one-character mark are read when shown, so they follow the UI language. */
const style = (status: DayStatus, short: string, color: string, background: string): DayStatusStyle => ({
  get label() {
    return labelsOf(DAY_STATUS_LABELS)[status];
  },
  get short() {
    return short ? tr(`calendar.dayStatusStyle.${short}`) : '';
  },
  color,
  background,
});

/** One colour per kind of day, used by the month view and its legend alike. */
export const DAY_STATUS_STYLES: Record<DayStatus, DayStatusStyle> = {
  weekday: style('weekday', '', '#1f2937', '#ffffff'),
  weekend: style('weekend', 'off', '#6b7280', '#f3f4f6'),
  holiday: style('holiday', 'off', '#cf1322', '#fff1f0'),
  workday: style('workday', 'work', '#d46b08', '#fff7e6'),
  closure: style('closure', 'closed', '#531dab', '#f4ecff'),
  extra_workday: style('extra_workday', 'work', '#08979c', '#e6fffb'),
};

export const LEGEND_ORDER: DayStatus[] = [
  'weekday',
  'weekend',
  'holiday',
  'workday',
  'closure',
  'extra_workday',
];
