// Joined reads of the supervision module over its own tables: the board, the clock list, the
// 督办单, and the figures counted from the maintained rollups (never the raw event log).
import type {
  Board,
  BoardDepartment,
  ClockListQuery,
  ClockRow,
  FigureCut,
  SupervisionOrder,
} from '@tongban/contracts';
import { sql } from 'kysely';
import type { Executor } from '../../platform/db';
import { COUNTERS, emptyGroup, type FactFlag, type GroupSums } from './supervision-figures';
import type { ClockRowDb, OrderRow } from './supervision.repository';

export type Scope = { regionLike: string; departmentId?: string | undefined };
type WorkOnBoard = { kind: 'bad_review' | 'complaint'; departmentId: string | null; departmentName: string };

const iso = (d: Date | string | null) => (d ? new Date(d).toISOString() : null);

export function toOrder(o: OrderRow): SupervisionOrder {
  return {
    id: o.id,
    orderNo: o.orderNo,
    regionCode: o.regionCode,
    caseId: o.caseId,
    caseNo: o.caseNo,
    departmentId: o.departmentId,
    departmentName: o.departmentName,
    reason: o.reason,
    trigger: o.trigger as SupervisionOrder['trigger'],
    issuedAt: iso(o.issuedAt)!,
    replyDue: o.replyDue,
    status: o.status as SupervisionOrder['status'],
    reply: o.reply,
    repliedByName: o.repliedByName,
    repliedAt: iso(o.repliedAt),
    escalatedAt: iso(o.escalatedAt),
  };
}

export function toClockRow(r: ClockRowDb): ClockRow {
  return {
    caseId: r.caseId,
    caseNo: r.caseNo,
    regionCode: r.regionCode,
    departmentId: r.departmentId,
    departmentName: r.departmentName,
    itemName: r.itemName,
    status: r.status,
    phase: r.phase,
    colour: r.colour as ClockRow['colour'],
    deadline: r.deadline,
    leftWorkingDays: r.leftWorkingDays,
    warningDays: r.warningDays,
    pastLegal: r.pastLegal,
    overdueWorkingDays: r.overdueWorkingDays,
  };
}

/** SUP-1 board: open cases by department and colour, and 督办单 by state. */
export async function readBoard(db: Executor, s: Scope & { work?: readonly WorkOnBoard[] }): Promise<Board> {
  let clocks = db
    .selectFrom('supervisionClock')
    .select(['departmentId', 'colour', (eb) => eb.fn.max('departmentName').as('departmentName')])
    .select((eb) => [
      eb.fn.countAll<string>().as('n'),
      eb.fn.count<string>('caseId').filterWhere('pastLegal', '=', true).as('legal'),
      eb.fn.max('computedAt').as('at'),
    ]);
  clocks = clocks.where(regionRange(s.regionLike));
  if (s.departmentId) clocks = clocks.where('departmentId', '=', s.departmentId);
  let orders = db
    .selectFrom('supervisionOrder')
    .select(['departmentId', 'status', (eb) => eb.fn.max('departmentName').as('departmentName')])
    .select((eb) => eb.fn.countAll<string>().as('n'));
  orders = orders.where(regionRange(s.regionLike));
  if (s.departmentId) orders = orders.where('departmentId', '=', s.departmentId);
  const [c, o] = await Promise.all([
    clocks.groupBy(['departmentId', 'colour']).execute(),
    orders.groupBy(['departmentId', 'status']).execute(),
  ]);
  const by = new Map<string, BoardDepartment>();
  const dept = (id: string, name: string) => {
    let d = by.get(id);
    if (!d)
      by.set(
        id,
        (d = {
          departmentId: id,
          departmentName: name,
          green: 0,
          yellow: 0,
          red: 0,
          paused: 0,
          pastLegal: 0,
          ordersOpen: 0,
          ordersAnswered: 0,
          ordersLate: 0,
          badReviewsOverdue: 0,
          complaintsOverdue: 0,
        }),
      );
    return d;
  };
  let computedAt: string | null = null;
  for (const r of c) {
    const d = dept(r.departmentId, r.departmentName);
    d[r.colour as 'green'] += Number(r.n);
    d.pastLegal += Number(r.legal);
    const at = iso(r.at as Date | null);
    if (at && (!computedAt || at > computedAt)) computedAt = at;
  }
  for (const r of o) {
    const d = dept(r.departmentId, r.departmentName);
    if (r.status === 'open') d.ordersOpen += Number(r.n);
    else if (r.status === 'answered') d.ordersAnswered += Number(r.n);
    else d.ordersLate += Number(r.n);
  }
  for (const w of s.work ?? []) {
    if (s.departmentId && w.departmentId !== s.departmentId) continue;
    const id = w.departmentId ?? '';
    const d = dept(id, w.departmentName);
    if (w.kind === 'bad_review') d.badReviewsOverdue += 1;
    else d.complaintsOverdue += 1;
  }
  const departments = [...by.values()].sort(
    (a, b) => b.red - a.red || b.yellow - a.yellow || a.departmentName.localeCompare(b.departmentName),
  );
  const totals = {
    green: 0,
    yellow: 0,
    red: 0,
    paused: 0,
    pastLegal: 0,
    ordersOpen: 0,
    ordersAnswered: 0,
    ordersLate: 0,
    badReviewsOverdue: 0,
    complaintsOverdue: 0,
  };
  for (const d of departments)
    for (const k of Object.keys(totals) as (keyof typeof totals)[]) totals[k] += d[k];
  return { departments, totals, computedAt };
}

/** The open cases in scope by colour (SUP-1), as the board totals them: the dashboard's ring. */
export async function readOpenByColour(db: Executor, s: Scope) {
  let q = db
    .selectFrom('supervisionClock')
    .select(['colour', (eb) => eb.fn.countAll<string>().as('n')])
    .where(regionRange(s.regionLike));
  if (s.departmentId) q = q.where('departmentId', '=', s.departmentId);
  const out = { green: 0, yellow: 0, red: 0, paused: 0 };
  for (const r of await q.groupBy('colour').execute())
    if (r.colour in out) out[r.colour as keyof typeof out] += Number(r.n);
  return out;
}

export async function readClocks(db: Executor, s: Scope, q: ClockListQuery) {
  let base = db.selectFrom('supervisionClock').where(regionRange(s.regionLike));
  if (s.departmentId) base = base.where('departmentId', '=', s.departmentId);
  if (q.departmentId) base = base.where('departmentId', '=', q.departmentId);
  if (q.colour) base = base.where('colour', '=', q.colour);
  if (q.pastLegal) base = base.where('pastLegal', '=', q.pastLegal === 'true');
  const [rows, total] = await Promise.all([
    base
      .selectAll()
      .orderBy('overdueWorkingDays', 'desc')
      .orderBy('leftWorkingDays')
      .orderBy('caseNo')
      .limit(q.limit)
      .offset(q.offset)
      .execute(),
    base.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items: rows.map(toClockRow), total: Number(total.n) };
}

// ── Figures from the rollups (RATE-1) ─────────────────────────────────────

export type FigureFilter = Scope & {
  from: string;
  to: string;
  itemId?: string | undefined;
  channel?: string | undefined;
  /** A hall's departments (the hall filter). */
  departmentIds?: readonly string[] | undefined;
  /** Only the cases filed at exactly this region (a county's own, 本级). */
  regionExact?: string | undefined;
  /** The hall of each department (the hall cut); departments not listed fall under ''. */
  hallOf?: ReadonlyMap<string, string> | undefined;
};

/** The township of a case: its 12-digit region's township; cases filed at the county: the county. */
const TOWNSHIP_KEY = `case when length(region_code) = 12 then substr(region_code, 1, 9) || '000' else region_code end`;

export const CUT_KEY: Record<Exclude<FigureCut, 'hall'>, string> = {
  none: `'all'`,
  region: 'substr(region_code, 1, 6)',
  township: TOWNSHIP_KEY,
  department: 'department_id::text',
  item: 'item_id::text',
  channel: 'channel',
  month: 'month',
};
export const CUT_LABEL: Record<Exclude<FigureCut, 'hall'>, string> = {
  none: `'合计'`,
  region: 'substr(region_code, 1, 6)',
  township: TOWNSHIP_KEY,
  department: 'max(department_name)',
  item: 'max(item_name)',
  channel: 'channel',
  month: 'month',
};

export function where(f: FigureFilter) {
  return sql.join(
    [
      regionRange(f.regionLike),
      sql`month >= ${f.from}`,
      sql`month <= ${f.to}`,
      ...(f.departmentId ? [sql`department_id = ${f.departmentId}`] : []),
      ...(f.itemId ? [sql`item_id = ${f.itemId}`] : []),
      ...(f.channel ? [sql`channel = ${f.channel}`] : []),
      ...(f.regionExact ? [sql`region_code = ${f.regionExact}`] : []),
      ...(f.departmentIds
        ? [
            f.departmentIds.length === 0
              ? sql`false`
              : sql`department_id in (${sql.join(f.departmentIds.map((d) => sql`${d}::uuid`))})`,
          ]
        : []),
    ],
    sql` and `,
  );
}

/**
 * `region_code like '3509%'` as a range the primary key's index serves: region codes are digits,
 * so the codes under a prefix lie in [prefix, prefix + 1).
 */
export function regionBounds(regionLike: string): { from: string; to: string | null } | null {
  const prefix = regionLike.replace(/%$/, '');
  if (prefix === '') return null;
  const digits = prefix.split('');
  let i = digits.length - 1;
  while (i >= 0 && digits[i] === '9') digits[i--] = '0';
  if (i < 0) return { from: prefix, to: null };
  digits[i] = String(Number(digits[i]) + 1);
  return { from: prefix, to: digits.join('') };
}

/**
 * The scope as a condition: `region_code like '<prefix>%'` (ADR 0006: the actor's scope, which names
 * the region), with the same codes as a range beside it, which the primary key's index serves.
 */
function regionRange(regionLike: string) {
  const b = regionBounds(regionLike);
  if (!b) return sql<boolean>`true`;
  const like = sql<boolean>`region_code like ${`${b.from}%`}`;
  return b.to === null
    ? sql<boolean>`${like} and region_code >= ${b.from}`
    : sql<boolean>`${like} and region_code >= ${b.from} and region_code < ${b.to}`;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const snake = (k: string) => k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/**
 * The smallest maintained aggregates that still hold what a cut and its filters need (all of them
 * count the same facts, TRUTH-1 checks each). Sums: per region × month × channel (a handful of
 * channels) for the totals, months, regions, townships and channels; per region × month × department
 * for the departments and halls; else the full grain (item, channel and department together). The
 * distinct items received: per region × month × item, with the department or the channel when the
 * cut or a filter needs one; else the full grain.
 */
export function rollupTables(f: FigureFilter, cut: FigureCut): { sums: string; items: string } {
  const needsItem = f.itemId !== undefined || cut === 'item';
  const needsDepartment =
    f.departmentId !== undefined || f.departmentIds !== undefined || cut === 'department' || cut === 'hall';
  const needsChannel = f.channel !== undefined || cut === 'channel';
  const sums =
    needsItem || (needsDepartment && needsChannel)
      ? 'supervision_rollup'
      : needsDepartment
        ? 'supervision_rollup_department'
        : 'supervision_rollup_channel';
  const items =
    needsDepartment && needsChannel
      ? 'supervision_rollup'
      : needsDepartment
        ? 'supervision_rollup_item_department'
        : needsChannel
          ? 'supervision_rollup_item_channel'
          : 'supervision_rollup_item';
  return { sums, items };
}

/** Sums of the rollups per group of a cut (and the distinct items received, for 零跑动可办率). */
export async function readRollupGroups(
  db: Executor,
  f: FigureFilter,
  cut: FigureCut,
  opts: { items?: boolean } = {},
): Promise<Map<string, { label: string; sums: GroupSums }>> {
  // The same expression is selected and grouped by, so it is inlined (parameters would number it
  // twice and PostgreSQL would not see one expression); only ids that are UUIDs are inlined.
  const hallKey = () => {
    const entries = [...(f.hallOf ?? new Map<string, string>())].filter(
      ([d, h]) => UUID.test(d) && UUID.test(h),
    );
    return entries.length === 0
      ? sql`''`
      : sql`(case ${sql.join(
          entries.map(([d, h]) => sql`when department_id = ${sql.lit(d)}::uuid then ${sql.lit(h)}`),
          sql` `,
        )} else '' end)`;
  };
  const key = cut === 'hall' ? hallKey() : sql.raw(CUT_KEY[cut]);
  const label = cut === 'hall' ? key : sql.raw(CUT_LABEL[cut]);
  // A constant cannot be grouped by: the whole (cut none) groups by nothing but what follows.
  const by = (rest: string) => (cut === 'none' ? sql.raw(rest) : sql`${key}, ${sql.raw(rest)}`);
  const sums = sql.join(COUNTERS.map((c) => sql`sum(${sql.ref(snake(c))})::float8 as ${sql.ref(c)}`));
  const t = rollupTables(f, cut);
  const countItems = opts.items !== false;
  const [rows, items] = await Promise.all([
    sql<Record<string, number> & { k: string; label: string; basis: 'received' | 'concluded' }>`
      select ${key} as k, ${label} as label, basis, ${sums}
      from ${sql.table(t.sums)} where ${where(f)} group by ${by('basis')}`.execute(db),
    countItems
      ? sql<{ k: string; items: number; zeroVisitItems: number }>`
      select k, count(*)::int as items, count(*) filter (where zv)::int as "zeroVisitItems" from (
        select ${key} as k, item_id, bool_or(zero_visit_item > 0) as zv
        from ${sql.table(t.items)} where ${where(f)}${t.items === 'supervision_rollup' ? sql` and basis = 'received'` : sql``}
        group by ${by('item_id')}) t
      group by k`.execute(db)
      : Promise.resolve({ rows: [] as { k: string; items: number; zeroVisitItems: number }[] }),
  ]);
  const out = new Map<string, { label: string; sums: GroupSums }>();
  const group = (k: string, l: string) => {
    let g = out.get(k);
    if (!g) out.set(k, (g = { label: l, sums: emptyGroup() }));
    return g;
  };
  for (const r of rows.rows) {
    const g = group(r.k, r.label);
    for (const c of COUNTERS) g.sums[r.basis][c] = Number(r[c] ?? 0);
  }
  for (const r of items.rows) {
    const g = group(r.k, r.k);
    g.sums.items = r.items;
    g.sums.zeroVisitItems = r.zeroVisitItems;
  }
  return out;
}

/** The facts (cases) a figure counts: its basis month in range and every flag true. */
export async function readFactCases(
  db: Executor,
  f: FigureFilter & { month?: string | undefined },
  basis: 'received' | 'concluded',
  flags: readonly FactFlag[],
  page: { limit: number; offset: number },
) {
  const col = basis === 'received' ? 'receivedMonth' : 'concludedMonth';
  let q = db
    .selectFrom('supervisionCaseFact')
    .where(regionRange(f.regionLike))
    .where(col, '>=', f.month ?? f.from)
    .where(col, '<=', f.month ?? f.to);
  if (f.departmentId) q = q.where('departmentId', '=', f.departmentId);
  if (f.itemId) q = q.where('itemId', '=', f.itemId);
  if (f.channel) q = q.where('channel', '=', f.channel);
  if (f.regionExact) q = q.where('regionCode', '=', f.regionExact);
  if (f.departmentIds)
    q =
      f.departmentIds.length === 0
        ? q.where(sql<boolean>`false`)
        : q.where('departmentId', 'in', [...f.departmentIds]);
  for (const flag of flags) q = q.where(sql.ref(flag), '=', true);
  const [rows, total] = await Promise.all([
    q
      .select([
        'caseId',
        'caseNo',
        'departmentName',
        'itemName',
        'channel',
        'receivedMonth',
        'concludedMonth',
        'workingDays',
      ])
      .orderBy('caseNo')
      .limit(page.limit)
      .offset(page.offset)
      .execute(),
    q.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items: rows, total: Number(total.n) };
}
