import type { FigureCut } from '@tongban/contracts';
import { sql, type RawBuilder } from 'kysely';
import type { Executor } from '../../platform/db';
import { COUNTERS, emptyGroup, type GroupSums } from './supervision-figures';
import { CUT_KEY, rollupTables, snake, where, type FigureFilter } from './supervision.read-model';

/** A cut of the dashboard, and whether its groups count the distinct items received (可办率). */
export type DashboardCut = { cut: Exclude<FigureCut, 'hall'>; items: boolean };
export type CutGroups = Map<string, { label: string; sums: GroupSums }>;

/**
 * Several cuts of one filter, as readRollupGroups gives each, from one scan of each aggregate they
 * share (GROUPING SETS): the leader's dashboard reads its total, months, regions or departments and
 * channels at once instead of scanning the same rows once per cut.
 */
export async function readRollupGroupSets(
  db: Executor,
  f: FigureFilter,
  cuts: readonly DashboardCut[],
): Promise<Map<string, CutGroups>> {
  const out = new Map<string, CutGroups>(cuts.map((c) => [c.cut, new Map()]));
  const group = (cut: string, k: string, label: string) => {
    const m = out.get(cut)!;
    let g = m.get(k);
    if (!g) m.set(k, (g = { label, sums: emptyGroup() }));
    return g;
  };
  const byTable = (pick: (c: DashboardCut) => string | null) => {
    const tables = new Map<string, DashboardCut[]>();
    for (const c of cuts) {
      const t = pick(c);
      if (t) tables.set(t, [...(tables.get(t) ?? []), c]);
    }
    return tables;
  };
  const sums = sql.join(COUNTERS.map((c) => sql`sum(${sql.ref(snake(c))})::float8 as ${sql.ref(c)}`));
  // Each cut's key is a column of the result; grouping() tells which set a row is of (bit i set:
  // not grouped by key i). The whole ('none') is the set of nothing but the rest.
  const keyed = (set: readonly DashboardCut[]) => set.filter((c) => c.cut !== 'none');
  const keys = (set: readonly DashboardCut[]) => keyed(set).map((c) => sql.raw(CUT_KEY[c.cut]));
  const sets = (set: readonly DashboardCut[], rest: string) =>
    sql.join(
      set.map((c) =>
        c.cut === 'none' ? sql`(${sql.raw(rest)})` : sql`(${sql.raw(CUT_KEY[c.cut])}, ${sql.raw(rest)})`,
      ),
    );
  const columns = (set: readonly DashboardCut[]) =>
    keyed(set).length === 0
      ? sql`0 as g`
      : sql`grouping(${sql.join(keys(set))}) as g, ${sql.join(keyed(set).map((c, i) => sql`${sql.raw(CUT_KEY[c.cut])} as ${sql.ref(`k${i}`)}`))}`;
  /** The cut a row belongs to, from its grouping() bits, and its key. */
  const cutOf = (set: readonly DashboardCut[], r: Record<string, unknown>): [string, string] => {
    const ks = keyed(set);
    const g = Number(r.g);
    const i = ks.findIndex((_, j) => (g & (1 << (ks.length - 1 - j))) === 0);
    return i < 0 ? ['none', 'all'] : [ks[i]!.cut, String(r[`k${i}`])];
  };
  const queries: Promise<void>[] = [];
  for (const [table, set] of byTable((c) => rollupTables(f, c.cut).sums)) {
    const labels = keyed(set).some((c) => c.cut === 'department')
      ? sql`, max(department_name) as label`
      : sql``;
    queries.push(
      sql<Record<string, unknown>>`select ${columns(set)}, basis, ${sums}${labels}
        from ${sql.table(table)} where ${where(f)} group by grouping sets (${sets(set, 'basis')})`
        .execute(db)
        .then(({ rows }) => {
          for (const r of rows) {
            const [cut, k] = cutOf(set, r);
            const label = cut === 'department' ? String(r.label) : cut === 'none' ? '合计' : k;
            const g = group(cut, k, label);
            // A department's name comes with its sums, whichever query answered first.
            g.label = label;
            for (const c of COUNTERS) g.sums[r.basis as 'received' | 'concluded'][c] = Number(r[c] ?? 0);
          }
        }),
    );
  }
  for (const [table, set] of byTable((c) => (c.items ? rollupTables(f, c.cut).items : null))) {
    const received: RawBuilder<unknown> =
      table === 'supervision_rollup' ? sql` and basis = 'received'` : sql``;
    const outer = keyed(set).map((_, i) => sql.ref(`k${i}`));
    queries.push(
      sql<Record<string, unknown>>`
        select g${outer.length ? sql`, ${sql.join(outer)}` : sql``},
          count(*)::int as items, count(*) filter (where zv)::int as "zeroVisitItems" from (
          select ${columns(set)}, item_id, bool_or(zero_visit_item > 0) as zv
          from ${sql.table(table)} where ${where(f)}${received}
          group by grouping sets (${sets(set, 'item_id')})) t
        group by g${outer.length ? sql`, ${sql.join(outer)}` : sql``}`
        .execute(db)
        .then(({ rows }) => {
          for (const r of rows) {
            const [cut, k] = cutOf(set, r);
            const g = group(cut, k, cut === 'none' ? '合计' : k);
            g.sums.items = Number(r.items);
            g.sums.zeroVisitItems = Number(r.zeroVisitItems);
          }
        }),
    );
  }
  await Promise.all(queries);
  return out;
}
