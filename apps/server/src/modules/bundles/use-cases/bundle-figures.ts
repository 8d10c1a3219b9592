import type { BundleFigures } from '@tongban/contracts';
import { countWorkingDaysBetween } from '@tongban/calendar';
import { assertAccess, regionScopeLike, type Actor } from '../../../platform/access';
import type { Deps } from '../../../platform/app-types';
import { shanghaiToday } from '../../../platform/time';
import { getCalendar } from '../../calendar';
import * as repo from '../bundles.repository';
import { viewBundle } from '../bundles.read-model';

/**
 * TRUTH-1: 一件事办件量, 办结率 (concluded or delivered ÷ received) and average working days from
 * receipt to conclusion, computed from the bundles' records, never entered; the branch holding up
 * each open bundle is listed (supervision highlights it).
 */
export async function getBundleFigures(deps: Deps, actor: Actor): Promise<BundleFigures> {
  assertAccess(actor, 'bundle.figures.read');
  const like = regionScopeLike(actor);
  const [bundles, branches] = await Promise.all([
    repo.listAllBundles(deps.db, like),
    repo.listBranchesInRegion(deps.db, like),
  ]);
  const now = deps.clock.now();
  const groups = new Map<string, { name: string; total: number; concluded: number; days: number[] }>();
  const days: number[] = [];
  const holding: BundleFigures['holding'] = [];
  for (const b of bundles) {
    const g = groups.get(b.definitionId) ?? { name: b.name, total: 0, concluded: 0, days: [] };
    groups.set(b.definitionId, g);
    g.total++;
    const calendar = await getCalendar(deps, b.regionCode);
    if ((b.status === 'concluded' || b.status === 'delivered') && b.concludedAt) {
      g.concluded++;
      const d = countWorkingDaysBetween(
        calendar,
        shanghaiToday(new Date(b.receivedAt)),
        shanghaiToday(new Date(b.concludedAt)),
      );
      g.days.push(d);
      days.push(d);
    }
    if (b.status === 'open' || b.status === 'awaiting_choice') {
      const v = viewBundle(
        calendar,
        now,
        b,
        branches.filter((x) => x.bundleCaseId === b.id),
      );
      if (v.summary.holdingBranch)
        holding.push({
          bundleId: b.id,
          bundleNo: b.bundleNo,
          ...v.summary.holdingBranch,
          expectedFinish: v.summary.expectedFinish,
        });
    }
  }
  const avg = (xs: number[]) =>
    xs.length ? Math.round((xs.reduce((a, x) => a + x, 0) / xs.length) * 10) / 10 : null;
  const concluded = [...groups.values()].reduce((a, g) => a + g.concluded, 0);
  return {
    total: bundles.length,
    concluded,
    concludeRate: bundles.length ? concluded / bundles.length : 0,
    averageDays: avg(days),
    byDefinition: [...groups.values()].map((g) => ({
      name: g.name,
      total: g.total,
      concluded: g.concluded,
      averageDays: avg(g.days),
    })),
    holding: holding.sort((a, b) => a.expectedFinish.localeCompare(b.expectedFinish)),
  };
}
