import {
  DEPARTMENT_ROLES,
  RATING_CHANNEL_LABELS,
  type Role,
  type FigureDimension,
  type FigureQuery,
  type FigureRow,
  type Figures,
} from '@tongban/contracts';
import { assertAccess, regionScopeLike, type Actor } from '../../../platform/access';
import type { Deps } from '../../../platform/app-types';
import type { Executor } from '../../../platform/db';
import { shanghaiToday } from '../../../platform/time';
import { casesService } from '../../cases';
import { DEFINITIONS } from '../evaluations-notices';
import { rate, wilsonLowerBound } from '../evaluations.policy';
import * as rm from '../evaluations.read-model';

const dayStart = (d: string) => new Date(`${d}T00:00:00+08:00`);
const nextDay = (d: string) => new Date(dayStart(d).getTime() + 86_400_000);

/** The period asked for (Asia/Shanghai dates, both inclusive); by default this year's months to today. */
export function periodOf(now: Date, from?: string, to?: string) {
  const today = shanghaiToday(now);
  const f = from ?? `${today.slice(0, 4)}-01-01`;
  const t = to ?? today;
  return {
    fromDate: f,
    toDate: t,
    period: { from: dayStart(f), to: nextDay(t), fromDay: f, toDay: t },
  };
}

type Agg = Awaited<ReturnType<typeof rm.aggregateFigures>>['rows'][number];

function toRow(a: Agg, label: string, concluded: number | null): Omit<FigureRow, 'rank'> {
  const n = Number(a.ratings);
  const good = Number(a.good);
  const bad = Number(a.bad);
  const badReviews = Number(a.badReviews);
  const rectified = Number(a.rectified);
  const calledBack = Number(a.calledBack);
  const ratedCases = concluded === null ? null : Number(a.ratedCases);
  return {
    key: a.key ?? 'none',
    label,
    ratings: n,
    good,
    bad,
    goodRate: rate(good, n),
    badRate: rate(bad, n),
    concludedCases: concluded,
    ratedCases,
    activeRate: concluded === null || ratedCases === null ? null : rate(ratedCases, concluded),
    badReviews,
    rectified,
    rectifyRate: rate(rectified, badReviews),
    calledBack,
    callbackRate: rate(calledBack, badReviews),
    score: wilsonLowerBound(good, n),
  };
}

const CASE_KEY: Partial<Record<FigureDimension, 'departmentId' | 'itemId' | 'month'>> = {
  department: 'departmentId',
  item: 'itemId',
  month: 'month',
};

/** TRUTH-1 / RATE-1 / EVAL-4: figures computed from the ratings, ranked by Wilson lower bound. */
export async function computeFigures(
  db: Executor,
  regionLike: string,
  q: FigureQuery,
  now: Date,
): Promise<Figures> {
  const { fromDate, toDate, period } = periodOf(now, q.from, q.to);
  const [groups, totals, concluded] = await Promise.all([
    rm.aggregateFigures(db, regionLike, q.by, period, q.departmentId),
    rm.aggregateFigures(db, regionLike, null, period, q.departmentId),
    casesService.countConcludedCases(db, {
      regionLike,
      ...period,
      ...(q.departmentId ? { departmentId: q.departmentId } : {}),
    }),
  ]);
  const caseKey = CASE_KEY[q.by];
  const concludedBy = new Map<string, number>();
  for (const c of concluded)
    if (caseKey) concludedBy.set(String(c[caseKey]), (concludedBy.get(String(c[caseKey])) ?? 0) + c.n);
  const label = (a: Agg) =>
    q.by === 'channel'
      ? (RATING_CHANNEL_LABELS[a.key as keyof typeof RATING_CHANNEL_LABELS] ?? a.key ?? '')
      : (a.label ?? '（未记录）');
  const rows = groups.rows
    .map((a) => toRow(a, label(a), caseKey ? (concludedBy.get(a.key ?? '') ?? 0) : null))
    .sort((x, y) => y.score - x.score || y.ratings - x.ratings)
    .map((r, i) => ({ ...r, rank: i + 1 }));
  const totalConcluded = concluded.reduce((s, c) => s + c.n, 0);
  const total = { ...toRow(totals.rows[0]!, '合计', totalConcluded), key: 'all', rank: 0 };
  return { by: q.by, from: fromDate, to: toDate, total, rows, definitions: DEFINITIONS };
}

export async function getFigures(deps: Deps, actor: Actor, q: FigureQuery): Promise<Figures> {
  assertAccess(actor, 'evaluations.read');
  // A department role sees its own department's figures only.
  const departmentId = DEPARTMENT_ROLES.includes(actor.role as Role)
    ? (actor.departmentId ?? undefined)
    : q.departmentId;
  return computeFigures(deps.db, regionScopeLike(actor), { ...q, departmentId }, deps.clock.now());
}
