// The only module that imports chinese-days: it is a data source, the arithmetic never depends on it.
import chineseDaysData from 'chinese-days/dist/chinese-days.json';
import type { CalendarDay } from './calendar';

type ChineseDaysData = {
  holidays: Record<string, string>;
  workdays: Record<string, string>;
};

/** chinese-days names read "Spring Festival,春节,4": English, Chinese, length of the block. */
function pickChineseName(raw: string): string | undefined {
  const parts = raw.split(',');
  return parts[1] || parts[0] || undefined;
}

/**
 * CAL-1 / CAL-2: the national days carried by chinese-days (every year it has, 2004 onward) as a
 * DayKind list: statutory holiday days (including weekend days inside a holiday block) as `holiday`,
 * 调休 make-up working days as `workday`. Sorted by date.
 */
export function daysFromChineseDays(): CalendarDay[] {
  const data = chineseDaysData as ChineseDaysData;
  const days: CalendarDay[] = [];
  for (const [date, raw] of Object.entries(data.holidays)) {
    const name = pickChineseName(raw);
    days.push(name === undefined ? { date, kind: 'holiday' } : { date, kind: 'holiday', name });
  }
  for (const [date, raw] of Object.entries(data.workdays)) {
    const name = pickChineseName(raw);
    days.push(
      name === undefined ? { date, kind: 'workday' } : { date, kind: 'workday', name: `${name}调休` },
    );
  }
  return days.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}
