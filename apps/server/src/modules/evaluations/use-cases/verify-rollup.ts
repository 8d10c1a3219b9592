import type { Deps } from '../../../platform/app-types';
import * as rm from '../evaluations.read-model';

export type RatingRollupReport = {
  /** Days × subjects compared. */
  compared: number;
  disagreements: {
    regionCode: string;
    day: string;
    subject: string;
    /** ratings/good/bad/差评/整改/回访, counted from the ratings and as the rollup holds them. */
    counted: string;
    stored: string;
  }[];
};

const lastDay = (month: string) => {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return `${month}-${String(new Date(Date.UTC(y, m, 0)).getUTCDate()).padStart(2, '0')}`;
};

/**
 * TRUTH-1 for the figures of 好差评 (EVAL-4): the rollup they read (eval_rating_day) counted again
 * from the ratings and their 差评 items for the region's months `from`..`to` (YYYY-MM); every day
 * and subject that differs is named. `npm run truth:verify` runs it.
 */
export async function verifyRatingRollup(
  deps: Pick<Deps, 'db'>,
  q: { regionCode: string; from: string; to: string },
): Promise<RatingRollupReport> {
  const like = `${q.regionCode}%`;
  const fromDay = `${q.from}-01`;
  const toDay = lastDay(q.to);
  const [diff, n] = await Promise.all([
    rm.rollupDisagreements(deps.db, like, fromDay, toDay),
    rm.countRollupRows(deps.db, like, fromDay, toDay),
  ]);
  return {
    compared: n,
    disagreements: diff.rows.map((d) => ({
      regionCode: d.regionCode,
      day: d.day,
      subject: [d.channel, d.staffId, d.windowId, d.departmentId, d.itemId].map((x) => x ?? '-').join(' '),
      counted: d.counted ?? '0/0/0/0/0/0',
      stored: d.stored ?? '（无）',
    })),
  };
}
