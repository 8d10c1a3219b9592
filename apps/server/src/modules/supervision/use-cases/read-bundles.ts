// 一件事 (bundles) for the supervisor and the leader (issue 16): the open bundles with the branch
// that holds each one up, and the bundle figures of a period — 一件事办件量, 办结率 and the average
// working days from receipt to conclusion (docs/figures.md).
import type {
  SupervisionBundleBoard,
  SupervisionBundleQuery,
  SupervisionBundleRow,
  SupervisionColour,
} from '@tongban/contracts';
import { countWorkingDaysBetween } from '@tongban/calendar';
import type { Actor } from '../../../platform/access';
import type { Deps } from '../../../platform/app-types';
import { listBundlesReceivedIn, listOpenBundleBranches } from '../../bundles';
import { SupervisionError } from '../supervision.errors';
import * as repo from '../supervision.repository';
import { scopeOf } from './read-board';
import { cachedCalendar, newCaches } from './recompute-cases';

const OPEN_BRANCH = new Set(['submitted', 'supplement_requested', 'accepted']);
const RANK: Record<SupervisionColour, number> = { red: 0, yellow: 1, paused: 2, green: 3 };
const monthStart = (m: string) => new Date(`${m}-01T00:00:00+08:00`);
function nextMonth(m: string): string {
  const [y, mo] = m.split('-').map(Number) as [number, number];
  return mo === 12 ? `${y + 1}-01` : `${y}-${String(mo + 1).padStart(2, '0')}`;
}
const day = (d: Date) => new Date(new Date(d).getTime() + 8 * 3600_000).toISOString().slice(0, 10);

export async function getBundleBoard(
  deps: Deps,
  actor: Actor,
  q: SupervisionBundleQuery,
): Promise<SupervisionBundleBoard> {
  const s = scopeOf(actor);
  const [fy, fm] = q.from.split('-').map(Number) as [number, number];
  const [ty, tm] = q.to.split('-').map(Number) as [number, number];
  if ((ty - fy) * 12 + (tm - fm) + 1 > 36) throw new SupervisionError('SUPERVISION_PERIOD_TOO_LONG');
  const rows = await listOpenBundleBranches(deps.db, s.regionLike);
  const clocks = new Map(
    (
      await repo.findClocks(
        deps.db,
        rows.map((r) => ({ regionCode: r.regionCode, id: r.caseId })),
      )
    ).map((c) => [c.caseId, c]),
  );
  const bundles = new Map<string, SupervisionBundleRow>();
  for (const r of rows) {
    // A department head sees the bundles one of their department's branches belongs to.
    let b = bundles.get(r.bundleId);
    if (!b)
      bundles.set(
        r.bundleId,
        (b = {
          bundleId: r.bundleId,
          bundleNo: r.bundleNo,
          name: r.name,
          regionCode: r.regionCode,
          receivedAt: new Date(r.receivedAt).toISOString(),
          branches: [],
        }),
      );
    const c = clocks.get(r.caseId);
    b.branches.push({
      caseId: r.caseId,
      caseNo: r.caseNo,
      departmentName: r.departmentName,
      itemName: r.itemName,
      status: r.status,
      colour: OPEN_BRANCH.has(r.status) ? ((c?.colour as SupervisionColour | undefined) ?? null) : null,
      leftWorkingDays: OPEN_BRANCH.has(r.status) ? (c?.leftWorkingDays ?? null) : null,
      holding: false,
    });
  }
  const departmentOf = new Map(rows.map((r) => [r.caseId, r.departmentId]));
  const open = [...bundles.values()].filter(
    (b) => !s.departmentId || b.branches.some((x) => departmentOf.get(x.caseId) === s.departmentId),
  );
  for (const b of open) {
    const waiting = b.branches.filter((x) => OPEN_BRANCH.has(x.status));
    waiting.sort(
      (x, y) =>
        RANK[x.colour ?? 'green'] - RANK[y.colour ?? 'green'] ||
        (x.leftWorkingDays ?? 999) - (y.leftWorkingDays ?? 999),
    );
    if (waiting[0]) waiting[0].holding = true;
  }
  // The figures: bundles received in the period (by receipt date, Asia/Shanghai).
  const received = await listBundlesReceivedIn(
    deps.db,
    s.regionLike,
    monthStart(q.from),
    monthStart(nextMonth(q.to)),
  );
  const caches = newCaches();
  let concluded = 0;
  let days = 0;
  for (const b of received) {
    if (!b.concludedAt) continue;
    concluded += 1;
    try {
      const cal = await cachedCalendar(deps, caches, b.regionCode);
      days += Math.max(0, countWorkingDaysBetween(cal, day(b.receivedAt), day(b.concludedAt)));
    } catch {
      /* outside the calendar: counts 0 days */
    }
  }
  return {
    open: open.sort((a, b) => {
      const worst = (x: SupervisionBundleRow) =>
        Math.min(...x.branches.filter((y) => y.holding).map((y) => RANK[y.colour ?? 'green']), 9);
      return worst(a) - worst(b) || a.receivedAt.localeCompare(b.receivedAt);
    }),
    figures: {
      received: received.length,
      concluded,
      concludedRate: received.length > 0 ? concluded / received.length : null,
      avgWorkingDays: concluded > 0 ? days / concluded : null,
    },
  };
}
