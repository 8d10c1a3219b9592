import type { Insertable } from 'kysely';
import { sql } from 'kysely';
import type { Executor } from '../../platform/db';
import type { SupervisionCaseFactTable } from '../../platform/db-types';
import { COUNTERS } from './supervision-figures';
import type { FactForRollup, RollupDeltas } from './supervision-rollups';
import { byRegion, keyIn, regionsIn, type CaseKey } from './supervision.repository';

// The facts each case counts for (supervision_case_fact) and the aggregates the dashboards read,
// kept by the differences the job's recomputed cases make (TRUTH-1, RATE-1).

/**
 * The stored facts of the cases named, locked until the transaction ends: the rollups change by
 * the difference from these (one job writes them at a time: the advisory lock below).
 */
export async function lockFacts(tx: Executor, keys: readonly CaseKey[]): Promise<FactForRollup[]> {
  await sql`select pg_advisory_xact_lock(hashtext('supervision.rollups'))`.execute(tx);
  const out: FactForRollup[] = [];
  // One region's facts a statement: Citus runs a locking read on one shard only.
  for (const group of byRegion(keys)) out.push(...(await lockFactsOfRegion(tx, group)));
  return out;
}

/** What a case counts for in the rollups: a fact row's columns but its number and version. */
const ROLLUP_COLUMNS = [
  'departmentId',
  'departmentName',
  'itemId',
  'itemName',
  'channel',
  'receivedMonth',
  'concludedMonth',
  'online',
  'fullOnline',
  'zeroVisitItem',
  'zeroVisit',
  'instant',
  'onTime',
  'early',
  'overduePromised',
  'overdueLegal',
  'workingDays',
  'firstTime',
] as const;
/** Every column a recomputed case writes (the key aside). */
const FACT_COLUMNS = ['caseNo', ...ROLLUP_COLUMNS, 'caseVersion'] as const;

function lockFactsOfRegion(tx: Executor, keys: readonly CaseKey[]) {
  return tx
    .selectFrom('supervisionCaseFact')
    .select(['regionCode', ...ROLLUP_COLUMNS])
    .where(keyIn(keys))
    .forUpdate()
    .execute();
}

export async function upsertFacts(db: Executor, rows: Insertable<SupervisionCaseFactTable>[]) {
  for (let i = 0; i < rows.length; i += 500) {
    await db
      .insertInto('supervisionCaseFact')
      .values(rows.slice(i, i + 500))
      .onConflict((oc) =>
        oc
          .columns(['regionCode', 'caseId'])
          .doUpdateSet((eb) => Object.fromEntries(FACT_COLUMNS.map((c) => [c, eb.ref(`excluded.${c}`)]))),
      )
      .execute();
  }
}

const snake = (k: string) => k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
/** `col = <table>.col + excluded.col` for each counter: a delta added to the stored row. */
const plus = (table: string, cols: readonly string[]) =>
  Object.fromEntries(
    cols.map((c) => [c, sql`${sql.ref(`${table}.${snake(c)}`)} + ${sql.ref(`excluded.${snake(c)}`)}`]),
  );
const CHUNK = 500;

/**
 * TRUTH-1: adds the differences the recomputed cases make to every maintained aggregate, and drops
 * the rows left at zero cases (a row exists only while it counts a case), in the caller's
 * transaction, the one that writes the facts.
 */
export async function applyRollupDeltas(tx: Executor, d: RollupDeltas) {
  for (let i = 0; i < d.full.length; i += CHUNK)
    await tx
      .insertInto('supervisionRollup')
      .values(d.full.slice(i, i + CHUNK))
      .onConflict((oc) =>
        oc
          .columns(['regionCode', 'month', 'basis', 'departmentId', 'itemId', 'channel'])
          .doUpdateSet((eb) => ({
            ...plus('supervision_rollup', COUNTERS),
            departmentName: eb.ref('excluded.departmentName'),
            itemName: eb.ref('excluded.itemName'),
          })),
      )
      .execute();
  for (let i = 0; i < d.department.length; i += CHUNK)
    await tx
      .insertInto('supervisionRollupDepartment')
      .values(d.department.slice(i, i + CHUNK))
      .onConflict((oc) =>
        oc.columns(['regionCode', 'month', 'basis', 'departmentId']).doUpdateSet((eb) => ({
          ...plus('supervision_rollup_department', COUNTERS),
          departmentName: eb.ref('excluded.departmentName'),
        })),
      )
      .execute();
  for (let i = 0; i < d.channel.length; i += CHUNK)
    await tx
      .insertInto('supervisionRollupChannel')
      .values(d.channel.slice(i, i + CHUNK))
      .onConflict((oc) =>
        oc
          .columns(['regionCode', 'month', 'basis', 'channel'])
          .doUpdateSet(plus('supervision_rollup_channel', COUNTERS)),
      )
      .execute();
  for (let i = 0; i < d.item.length; i += CHUNK)
    await tx
      .insertInto('supervisionRollupItem')
      .values(d.item.slice(i, i + CHUNK))
      .onConflict((oc) =>
        oc
          .columns(['regionCode', 'month', 'itemId'])
          .doUpdateSet(plus('supervision_rollup_item', ['cases', 'zeroVisitItem'])),
      )
      .execute();
  for (let i = 0; i < d.itemDepartment.length; i += CHUNK)
    await tx
      .insertInto('supervisionRollupItemDepartment')
      .values(d.itemDepartment.slice(i, i + CHUNK))
      .onConflict((oc) =>
        oc
          .columns(['regionCode', 'month', 'departmentId', 'itemId'])
          .doUpdateSet(plus('supervision_rollup_item_department', ['cases', 'zeroVisitItem'])),
      )
      .execute();
  for (let i = 0; i < d.itemChannel.length; i += CHUNK)
    await tx
      .insertInto('supervisionRollupItemChannel')
      .values(d.itemChannel.slice(i, i + CHUNK))
      .onConflict((oc) =>
        oc
          .columns(['regionCode', 'month', 'channel', 'itemId'])
          .doUpdateSet(plus('supervision_rollup_item_channel', ['cases', 'zeroVisitItem'])),
      )
      .execute();
  if (d.months.size === 0) return;
  const months = [...d.months].map((m) => m.split('|') as [string, string]);
  const touched = sql<boolean>`${regionsIn(months.map((m) => m[0]))} and (region_code, month) in (select r, m from unnest(
    string_to_array(${months.map((m) => m[0]).join(',')}, ','),
    string_to_array(${months.map((m) => m[1]).join(',')}, ',')) as k(r, m))`;
  for (const table of [
    'supervision_rollup',
    'supervision_rollup_department',
    'supervision_rollup_channel',
    'supervision_rollup_item',
    'supervision_rollup_item_department',
    'supervision_rollup_item_channel',
  ])
    await sql`delete from ${sql.table(table)} where ${touched} and cases = 0`.execute(tx);
}
