import {
  type Dashboard,
  type DashboardQuery,
  type FigureCases,
  type FigureCasesQuery,
  type FigureCut,
  type FigureGroup,
  type FiguresQuery,
  type FiguresReply,
} from '@tongban/contracts';
import { SYSTEM_ACTOR, type Actor } from '../../../platform/access';
import type { Deps } from '../../../platform/app-types';
import { FIGURES, emptyGroup, figuresOf, type GroupSums } from '../supervision-figures';
import { readRollupGroupSets } from '../supervision-dashboard.read-model';
import { SupervisionError } from '../supervision.errors';
import {
  readFactCases,
  readOpenByColour,
  readRollupGroups,
  type FigureFilter,
} from '../supervision.read-model';
import { regionCovers } from '@tongban/contracts';
import { forbidden } from '../../../platform/errors';
import { orgService } from '../../org';
import { scopeOf } from './read-board';

const CHANNEL_LABELS: Record<string, string> = {
  window: '窗口',
  online: '网上',
  kiosk: '自助终端',
  mail: '邮寄',
  agent: '代办',
};

async function filterOf(
  deps: Deps,
  actor: Actor,
  q: {
    regionCode?: string | undefined;
    from: string;
    to: string;
    departmentId?: string | undefined;
    itemId?: string | undefined;
    channel?: string | undefined;
    hallId?: string | undefined;
    township?: string | undefined;
  },
): Promise<FigureFilter> {
  const [fy, fm] = q.from.split('-').map(Number) as [number, number];
  const [ty, tm] = q.to.split('-').map(Number) as [number, number];
  if ((ty - fy) * 12 + (tm - fm) + 1 > 36) throw new SupervisionError('SUPERVISION_PERIOD_TOO_LONG');
  let s = scopeOf(actor, q.regionCode);
  let regionExact: string | undefined;
  if (q.township) {
    // A township the actor (and the region asked for) covers; a county's 6-digit code: its own cases.
    if (q.regionCode && !regionCovers(q.regionCode, q.township)) throw forbidden();
    s = scopeOf(actor, q.township);
    if (q.township.length === 6) regionExact = q.township;
  }
  let departmentIds: string[] | undefined;
  if (q.hallId) departmentIds = (await orgService.listHallDepartments(deps.db, q.hallId)).map((d) => d.id);
  return {
    ...s,
    departmentId: s.departmentId ?? q.departmentId,
    from: q.from,
    to: q.to,
    itemId: q.itemId,
    channel: q.channel,
    regionExact,
    departmentIds,
  };
}

/** The hall of each department of the halls in scope (the hall cut), and the halls' names. */
async function hallsOf(deps: Deps, f: FigureFilter) {
  const like = f.regionLike === '%' ? '%' : f.regionLike.slice(0, 6).replace(/%.*$/, '') + '%';
  const halls = await orgService.listHallRecords(deps.db, like);
  const hallOf = new Map<string, string>();
  for (const h of halls)
    for (const d of await orgService.listHallDepartments(deps.db, h.id)) hallOf.set(d.id, h.id);
  return { hallOf, names: new Map(halls.map((h) => [h.id, h.name])) };
}

/** Names of the regions a cut by region or township shows. */
async function regionNames(deps: Deps, codes: readonly string[]) {
  if (codes.length === 0) return new Map<string, string>();
  const wanted = new Set(codes);
  const all = await orgService.listRegions(deps, SYSTEM_ACTOR);
  return new Map(all.filter((r) => wanted.has(r.code)).map((r) => [r.code, r.name]));
}

function labelOf(cut: FigureCut, key: string, label: string, names: ReadonlyMap<string, string>) {
  switch (cut) {
    case 'channel':
      return CHANNEL_LABELS[label] ?? label;
    case 'hall':
      return key === '' ? '未进驻大厅' : (names.get(key) ?? key);
    case 'region':
      return names.get(key) ?? key;
    case 'township':
      return key.length === 6 ? `${names.get(key) ?? key}本级` : (names.get(key) ?? key);
    default:
      return label;
  }
}

/**
 * Every figure of each group of a cut. `items: false` leaves out 零跑动可办率, the one figure that
 * counts distinct items (a view that does not show it need not count them).
 */
async function groups(
  deps: Deps,
  f: FigureFilter,
  cut: FigureCut,
  opts: { items?: boolean } = {},
): Promise<FigureGroup[]> {
  let names = new Map<string, string>();
  let filter = f;
  if (cut === 'hall') {
    const h = await hallsOf(deps, f);
    filter = { ...f, hallOf: h.hallOf };
    names = h.names;
  }
  return toGroups(deps, cut, await readRollupGroups(deps.db, filter, cut, opts), names, opts);
}

/** A cut's groups as the API gives them: labelled, every figure (or all but 可办率), in order. */
async function toGroups(
  deps: Deps,
  cut: FigureCut,
  m: Map<string, { label: string; sums: GroupSums }>,
  names: ReadonlyMap<string, string>,
  opts: { items?: boolean } = {},
): Promise<FigureGroup[]> {
  if (cut === 'region' || cut === 'township') names = await regionNames(deps, [...m.keys()]);
  const shown = (v: FigureGroup['figures']) =>
    opts.items === false ? v.filter((x) => x.key !== 'zero_visit_available_rate') : v;
  return [...m.entries()]
    .map(([key, g]) => ({
      key,
      label: labelOf(cut, key, g.label, names),
      received: g.sums.received.cases,
      concluded: g.sums.concluded.cases,
      figures: shown(figuresOf(g.sums)),
    }))
    .sort((a, b) =>
      cut === 'month'
        ? a.key.localeCompare(b.key)
        : b.received - a.received || a.label.localeCompare(b.label),
    );
}

const emptyTotal = (): FigureGroup => ({
  key: 'all',
  label: '合计',
  received: 0,
  concluded: 0,
  figures: figuresOf(emptyGroup()),
});

async function total(deps: Deps, f: FigureFilter): Promise<FigureGroup> {
  const [g] = await groups(deps, f, 'none');
  return g ?? emptyTotal();
}

/** RATE-1: every figure for a region and period, whole and cut, from the maintained rollups. */
export async function getFigures(deps: Deps, actor: Actor, q: FiguresQuery): Promise<FiguresReply> {
  const f = await filterOf(deps, actor, q);
  return {
    regionCode: q.regionCode ?? actor.regionCode,
    from: q.from,
    to: q.to,
    cut: q.cut,
    total: await total(deps, f),
    groups: q.cut === 'none' ? [] : await groups(deps, f, q.cut),
  };
}

/** RATE-1: the cases a figure counts (its numerator, or its denominator). */
export async function listFigureCases(deps: Deps, actor: Actor, q: FigureCasesQuery): Promise<FigureCases> {
  const f = await filterOf(deps, actor, q);
  const def = FIGURES[q.figure];
  const flags = q.part === 'numerator' ? def.numeratorFlags : def.denominatorFlags;
  return readFactCases(deps.db, { ...f, month: q.month }, def.basis, flags, q);
}

/**
 * The leader's dashboard: volumes and rates by month and channel (without 零跑动可办率 per channel);
 * open cases by colour; by department for a county, and for a city or the province (whose
 * departments are their counties') by region.
 */
export async function getDashboard(deps: Deps, actor: Actor, q: DashboardQuery): Promise<Dashboard> {
  const f = await filterOf(deps, actor, q);
  // A county's code takes all six digits; a city's and a province's end in zeros (scopeOf).
  const severalCounties = f.regionLike === '%' || f.regionLike.length < 7;
  const units = severalCounties ? 'region' : 'department';
  // One scan of each aggregate for all four cuts (GROUPING SETS); the channels' share of the
  // volume leaves out the distinct items per channel (the figures page has them, cut by channel).
  const [sets, open] = await Promise.all([
    readRollupGroupSets(deps.db, f, [
      { cut: 'none', items: true },
      { cut: units, items: true },
      { cut: 'month', items: true },
      { cut: 'channel', items: false },
    ]),
    readOpenByColour(deps.db, f),
  ]);
  const none = new Map<string, string>();
  const [totals, byUnit, byMonth, byChannel] = await Promise.all([
    toGroups(deps, 'none', sets.get('none')!, none),
    toGroups(deps, units, sets.get(units)!, none),
    toGroups(deps, 'month', sets.get('month')!, none),
    toGroups(deps, 'channel', sets.get('channel')!, none, { items: false }),
  ]);
  const t = totals[0] ?? emptyTotal();
  const byDepartment = severalCounties ? [] : byUnit;
  const byRegion = severalCounties ? byUnit : [];
  return {
    regionCode: q.regionCode ?? actor.regionCode,
    from: q.from,
    to: q.to,
    total: t,
    byDepartment,
    byRegion,
    byMonth,
    byChannel,
    open,
  };
}
