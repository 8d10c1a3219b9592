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
import type { Actor } from '../../../platform/access';
import type { Deps } from '../../../platform/app-types';
import { FIGURES, emptyGroup, figuresOf } from '../supervision-figures';
import { SupervisionError } from '../supervision.errors';
import { readBoard, readFactCases, readRollupGroups, type FigureFilter } from '../supervision.read-model';
import { scopeOf } from './read-board';

const CHANNEL_LABELS: Record<string, string> = {
  window: '窗口',
  online: '网上',
  kiosk: '自助终端',
  mail: '邮寄',
  agent: '代办',
};

function filterOf(
  actor: Actor,
  q: {
    regionCode?: string | undefined;
    from: string;
    to: string;
    departmentId?: string | undefined;
    itemId?: string | undefined;
    channel?: string | undefined;
  },
): FigureFilter {
  const [fy, fm] = q.from.split('-').map(Number) as [number, number];
  const [ty, tm] = q.to.split('-').map(Number) as [number, number];
  if ((ty - fy) * 12 + (tm - fm) + 1 > 36) throw new SupervisionError('SUPERVISION_PERIOD_TOO_LONG');
  const s = scopeOf(actor, q.regionCode);
  return {
    ...s,
    departmentId: s.departmentId ?? q.departmentId,
    from: q.from,
    to: q.to,
    itemId: q.itemId,
    channel: q.channel,
  };
}

async function groups(deps: Deps, f: FigureFilter, cut: FigureCut): Promise<FigureGroup[]> {
  const m = await readRollupGroups(deps.db, f, cut);
  return [...m.entries()]
    .map(([key, g]) => ({
      key,
      label: cut === 'channel' ? (CHANNEL_LABELS[g.label] ?? g.label) : g.label,
      received: g.sums.received.cases,
      concluded: g.sums.concluded.cases,
      figures: figuresOf(g.sums),
    }))
    .sort((a, b) =>
      cut === 'month'
        ? a.key.localeCompare(b.key)
        : b.received - a.received || a.label.localeCompare(b.label),
    );
}

async function total(deps: Deps, f: FigureFilter): Promise<FigureGroup> {
  const [g] = await groups(deps, f, 'none');
  return g ?? { key: 'all', label: '合计', received: 0, concluded: 0, figures: figuresOf(emptyGroup()) };
}

/** RATE-1: every figure for a region and period, whole and cut, from the maintained rollups. */
export async function getFigures(deps: Deps, actor: Actor, q: FiguresQuery): Promise<FiguresReply> {
  const f = filterOf(actor, q);
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
  const f = filterOf(actor, q);
  const def = FIGURES[q.figure];
  const flags = q.part === 'numerator' ? def.numeratorFlags : def.denominatorFlags;
  return readFactCases(deps.db, { ...f, month: q.month }, def.basis, flags, q);
}

/** The leader's dashboard: volumes and rates by department, month and channel; open cases by colour. */
export async function getDashboard(deps: Deps, actor: Actor, q: DashboardQuery): Promise<Dashboard> {
  const f = filterOf(actor, q);
  const [t, byDepartment, byMonth, byChannel, board] = await Promise.all([
    total(deps, f),
    groups(deps, f, 'department'),
    groups(deps, f, 'month'),
    groups(deps, f, 'channel'),
    readBoard(deps.db, f),
  ]);
  const { green, yellow, red, paused } = board.totals;
  return {
    regionCode: q.regionCode ?? actor.regionCode,
    from: q.from,
    to: q.to,
    total: t,
    byDepartment,
    byMonth,
    byChannel,
    open: { green, yellow, red, paused },
  };
}
