import { FIGURE_LABELS, regionPrefix, type FigureCut } from '@tongban/contracts';
import type { Deps } from '../../../platform/app-types';
import { caseFeed } from '../../cases';
import {
  FIGURE_KEYS,
  FIGURES,
  addCounters,
  emptyGroup,
  zeroCounters,
  type Counters,
  type GroupSums,
} from '../supervision-figures';
import { clockOf, factsOf, type CaseFacts } from '../supervision.policy';
import { readRollupGroups } from '../supervision.read-model';
import { cachedCalendar, cachedVersion, limitsOf, newCaches } from './recompute-cases';

export type TruthDisagreement = {
  cut: FigureCut;
  group: string;
  figure: string;
  part: 'numerator' | 'denominator';
  fromEvents: number;
  fromRollups: number;
};
export type TruthReport = { cases: number; compared: number; disagreements: TruthDisagreement[] };

const CUTS: readonly Exclude<FigureCut, 'hall'>[] = [
  'none',
  'region',
  'township',
  'department',
  'item',
  'channel',
  'month',
];

/** Start of a month (YYYY-MM) in Asia/Shanghai, as an instant. */
const monthStart = (m: string) => new Date(`${m}-01T00:00:00+08:00`);
function nextMonth(m: string): string {
  const [y, mo] = m.split('-').map(Number) as [number, number];
  return mo === 12 ? `${y + 1}-01` : `${y}-${String(mo + 1).padStart(2, '0')}`;
}

function countersOf(f: CaseFacts): Counters {
  const c = zeroCounters();
  c.cases = 1;
  c.online = +f.online;
  c.fullOnline = +f.fullOnline;
  c.zeroVisitItem = +f.zeroVisitItem;
  c.zeroVisit = +(f.zeroVisitItem && f.zeroVisit);
  c.instant = +f.instant;
  c.onTime = +f.onTime;
  c.early = +f.early;
  c.overduePromised = +f.overduePromised;
  c.overdueLegal = +f.overdueLegal;
  c.workingDays = f.workingDays;
  c.firstTime = +f.firstTime;
  return c;
}

/**
 * TRUTH-1 (`npm run truth:verify`): recomputes every figure of a region (and below) and period from
 * the case events — its own query over case_event, its own replay and counting, not the facts or
 * rollups the job keeps — and compares numerator and denominator of each figure, whole and cut by
 * department, item, channel and month, with what the dashboards read from the rollups.
 */
export async function verifyTruth(
  deps: Deps,
  q: { regionCode: string; from: string; to: string },
): Promise<TruthReport> {
  const histories = await caseFeed.readCaseHistoriesInPeriod(
    deps.db,
    q.regionCode,
    monthStart(q.from),
    monthStart(nextMonth(q.to)),
  );
  const caches = newCaches();
  const groups = new Map<string, GroupSums & { itemSet: Set<string>; zeroSet: Set<string> }>();
  const group = (cut: FigureCut, key: string) => {
    const k = `${cut}|${key}`;
    let g = groups.get(k);
    if (!g) groups.set(k, (g = { ...emptyGroup(), itemSet: new Set(), zeroSet: new Set() }));
    return g;
  };
  const inPeriod = (m: string | null) => m !== null && m >= q.from && m <= q.to;
  for (const h of histories) {
    if (h.state.status === 'draft') continue;
    const limits = limitsOf(await cachedVersion(deps, caches, h.itemVersionId));
    const clock = clockOf(
      h.state,
      limits,
      await cachedCalendar(deps, caches, h.regionCode),
      deps.clock.now(),
    );
    const f = factsOf(h.events, h.state, limits, clock);
    const c = countersOf(f);
    for (const [basis, month] of [
      ['received', f.receivedMonth],
      ['concluded', f.concludedMonth],
    ] as const) {
      if (!inPeriod(month)) continue;
      const keys: Record<Exclude<FigureCut, 'hall'>, string> = {
        none: 'all',
        region: h.regionCode.slice(0, 6),
        township: h.regionCode.length === 12 ? `${h.regionCode.slice(0, 9)}000` : h.regionCode,
        department: h.departmentId,
        item: h.itemId,
        channel: f.channel,
        month: month!,
      };
      for (const cut of CUTS) {
        const g = group(cut, keys[cut]);
        addCounters(g[basis], c);
        if (basis === 'received') {
          g.itemSet.add(h.itemId);
          if (f.zeroVisitItem) g.zeroSet.add(h.itemId);
        }
      }
    }
  }
  const disagreements: TruthDisagreement[] = [];
  let compared = 0;
  const filter = { regionLike: `${regionPrefix(q.regionCode)}%`, from: q.from, to: q.to };
  for (const cut of CUTS) {
    const rollups = await readRollupGroups(deps.db, filter, cut);
    const keys = new Set([
      ...rollups.keys(),
      ...[...groups.keys()].filter((k) => k.startsWith(`${cut}|`)).map((k) => k.slice(cut.length + 1)),
    ]);
    for (const key of keys) {
      const e = groups.get(`${cut}|${key}`) ?? {
        ...emptyGroup(),
        itemSet: new Set<string>(),
        zeroSet: new Set<string>(),
      };
      const fromEvents: GroupSums = { ...e, items: e.itemSet.size, zeroVisitItems: e.zeroSet.size };
      const r = rollups.get(key);
      const fromRollups = r?.sums ?? emptyGroup();
      for (const figure of FIGURE_KEYS) {
        const def = FIGURES[figure];
        if (def.kind === 'later') continue;
        for (const part of ['numerator', 'denominator'] as const) {
          compared += 1;
          const a = def[part](fromEvents);
          const b = def[part](fromRollups);
          if (Math.abs(a - b) > 1e-9)
            disagreements.push({
              cut,
              group: r?.label ?? key,
              figure: FIGURE_LABELS[figure],
              part,
              fromEvents: a,
              fromRollups: b,
            });
        }
      }
    }
  }
  return { cases: histories.length, compared, disagreements };
}
