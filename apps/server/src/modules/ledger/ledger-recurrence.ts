import type { MeasureRecurrence, RecurPeriod } from '@tongban/contracts';
import { shanghaiToday } from '../../platform/time';
import { currentProgress, type MeasureFacts, type ProgressFacts } from './ledger.policy';

/**
 * 长期坚持 after sign-off (REC-1 over time): a signed-off ongoing measure stays done only while its
 * owner keeps proving it. From the period after the sign-off's, each period (month, quarter,
 * half-year, year) needs a progress entry dated in it that carries evidence (a file or a record);
 * a period that ends without one is a lapse (脱节), shown in the ledger and sent to the owner.
 * Derived from the rows, never stored.
 */

export type Period = { label: string; start: string; end: string };
const MONTHS: Record<RecurPeriod, number> = { month: 1, quarter: 3, half_year: 6, year: 12 };
const pad = (n: number) => String(n).padStart(2, '0');
const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

/** The period of `period` that holds the day `iso`. */
export function periodOf(iso: string, period: RecurPeriod): Period {
  const y = Number(iso.slice(0, 4));
  const size = MONTHS[period];
  const first = Math.floor((Number(iso.slice(5, 7)) - 1) / size) * size + 1;
  const last = first + size - 1;
  const label =
    period === 'month'
      ? `${y}年${first}月`
      : period === 'quarter'
        ? `${y}年第${(first + 2) / 3}季度`
        : period === 'half_year'
          ? `${y}年${first === 1 ? '上' : '下'}半年`
          : `${y}年度`;
  return { label, start: `${y}-${pad(first)}-01`, end: `${y}-${pad(last)}-${pad(lastDay(y, last))}` };
}

function nextDay(iso: string): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

export type RecurringFacts = MeasureFacts & { kind: string; recurPeriod: string | null };
export type DatedProgress = ProgressFacts & { date: string };

const withEvidence = (p: ProgressFacts) => p.evidenceFiles.length > 0 || p.evidenceText.trim() !== '';

/** Null unless the measure is 长期坚持 and signed off. */
export function recurrenceOf(
  m: RecurringFacts,
  progress: DatedProgress[],
  today: string,
): MeasureRecurrence | null {
  if (m.kind !== 'ongoing' || !m.signedOffAt) return null;
  const period = (m.recurPeriod ?? 'quarter') as RecurPeriod;
  const signedOn = shanghaiToday(new Date(m.signedOffAt));
  const proven = currentProgress(m, progress).filter(withEvidence);
  const done = (p: Period) => proven.some((x) => x.date >= p.start && x.date <= p.end);
  const lapsed: Period[] = [];
  const now = periodOf(today, period);
  // The sign-off's own period is covered by the evidence the sign-off required.
  let p = periodOf(nextDay(periodOf(signedOn, period).end), period);
  for (let guard = 0; p.start < now.start && guard < 1200; guard++) {
    if (!done(p)) lapsed.push(p);
    p = periodOf(nextDay(p.end), period);
  }
  const currentIsSignoffPeriod = now.start <= signedOn;
  return { period, current: { ...now, done: currentIsSignoffPeriod || done(now) }, lapsed };
}
