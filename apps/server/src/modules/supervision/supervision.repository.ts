import type { Insertable, Selectable } from 'kysely';
import { sql } from 'kysely';
import { keysIn, type Executor } from '../../platform/db';
import type {
  SupervisionClockTable,
  SupervisionEscalationTable,
  SupervisionOrderTable,
} from '../../platform/db-types';
import type { SupervisionWorkEscalation } from '../../platform/db-types.generated';

export type ClockRowDb = Selectable<SupervisionClockTable>;
/** A case's full key: every key of the supervision tables starts with region_code (issue 23). */
export type CaseKey = { regionCode: string; id: string };

/** The distinct regions of some keys, as `region_code in (…)`: on Citus, the shards they are on. */
export const regionsIn = (regionCodes: Iterable<string>) =>
  sql<boolean>`region_code in (${sql.join([...new Set(regionCodes)])})`;

/** Rows by their cases' keys (platform/db.ts keysIn): the keys' indexes serve them, one shard each. */
export const keyIn = (keys: readonly CaseKey[]) => keysIn('region_code', 'case_id', keys);

/** Keys grouped by region, regions in order (a locking read is one region's: one shard on Citus). */
export function byRegion(keys: readonly CaseKey[]): CaseKey[][] {
  const out = new Map<string, CaseKey[]>();
  for (const k of keys) out.set(k.regionCode, [...(out.get(k.regionCode) ?? []), k]);
  return [...out.keys()].sort().map((r) => out.get(r)!);
}
export type OrderRow = Selectable<SupervisionOrderTable>;

// ── Job state ─────────────────────────────────────────────────────────────

export async function getJobState(db: Executor, name: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('supervisionJobState')
    .select('value')
    .where('regionCode', '=', '')
    .where('name', '=', name)
    .executeTakeFirst();
  return row?.value;
}

export const setJobState = (db: Executor, name: string, value: string) =>
  db
    .insertInto('supervisionJobState')
    .values({ regionCode: '', name, value })
    .onConflict((oc) => oc.columns(['regionCode', 'name']).doUpdateSet({ value }))
    .execute();

// ── Clocks (SUP-1) ────────────────────────────────────────────────────────

export async function upsertClocks(db: Executor, rows: Insertable<SupervisionClockTable>[]) {
  for (let i = 0; i < rows.length; i += 500) {
    await db
      .insertInto('supervisionClock')
      .values(rows.slice(i, i + 500))
      .onConflict((oc) =>
        oc.columns(['regionCode', 'caseId']).doUpdateSet((eb) => ({
          caseNo: eb.ref('excluded.caseNo'),
          departmentId: eb.ref('excluded.departmentId'),
          departmentName: eb.ref('excluded.departmentName'),
          itemId: eb.ref('excluded.itemId'),
          itemName: eb.ref('excluded.itemName'),
          assigneeId: eb.ref('excluded.assigneeId'),
          status: eb.ref('excluded.status'),
          phase: eb.ref('excluded.phase'),
          colour: eb.ref('excluded.colour'),
          deadline: eb.ref('excluded.deadline'),
          leftWorkingDays: eb.ref('excluded.leftWorkingDays'),
          warningDays: eb.ref('excluded.warningDays'),
          pastLegal: eb.ref('excluded.pastLegal'),
          overdueWorkingDays: eb.ref('excluded.overdueWorkingDays'),
          caseVersion: eb.ref('excluded.caseVersion'),
          computedAt: eb.ref('excluded.computedAt'),
        })),
      )
      .execute();
  }
}

export async function deleteClocks(db: Executor, keys: readonly CaseKey[]) {
  if (keys.length > 0) await db.deleteFrom('supervisionClock').where(keyIn(keys)).execute();
}

export const findClock = (db: Executor, regionCode: string, caseId: string) =>
  db
    .selectFrom('supervisionClock')
    .selectAll()
    .where('regionCode', '=', regionCode)
    .where('caseId', '=', caseId)
    .executeTakeFirst();

export type Threshold = { warningDays: number | null; stepDays: number | null };

/** Items' own thresholds in the regions of their cases (`keys`: region and item), keyed `region:item`. */
export async function findThresholds(db: Executor, keys: readonly { regionCode: string; itemId: string }[]) {
  if (keys.length === 0) return new Map<string, Threshold>();
  const rows = await db
    .selectFrom('supervisionItemThreshold')
    .select(['regionCode', 'itemId', 'warningDays', 'stepDays'])
    .where('regionCode', 'in', [...new Set(keys.map((k) => k.regionCode))])
    .where('itemId', 'in', [...new Set(keys.map((k) => k.itemId))])
    .execute();
  return new Map(
    rows.map((r) => [`${r.regionCode}:${r.itemId}`, { warningDays: r.warningDays, stepDays: r.stepDays }]),
  );
}

export const findThreshold = (db: Executor, regionCode: string, itemId: string, forUpdate = false) => {
  const q = db
    .selectFrom('supervisionItemThreshold')
    .select(['warningDays', 'stepDays', 'updatedAt'])
    .where('regionCode', '=', regionCode)
    .where('itemId', '=', itemId);
  return (forUpdate ? q.forUpdate() : q).executeTakeFirst();
};

export const listThresholds = (db: Executor, regionCode: string) =>
  db
    .selectFrom('supervisionItemThreshold')
    .select(['itemId', 'warningDays', 'stepDays', 'updatedAt'])
    .where('regionCode', '=', regionCode)
    .execute();

export const upsertThreshold = (db: Executor, regionCode: string, itemId: string, t: Threshold, at: Date) =>
  db
    .insertInto('supervisionItemThreshold')
    .values({ regionCode, itemId, ...t, updatedAt: at })
    .onConflict((oc) => oc.columns(['regionCode', 'itemId']).doUpdateSet({ ...t, updatedAt: at }))
    .execute();

export const deleteThreshold = (db: Executor, regionCode: string, itemId: string) =>
  db
    .deleteFrom('supervisionItemThreshold')
    .where('regionCode', '=', regionCode)
    .where('itemId', '=', itemId)
    .execute();

// ── Escalations (SUP-2) ───────────────────────────────────────────────────

export async function listFiredLevels(db: Executor, keys: readonly CaseKey[]) {
  const out = new Map<string, Set<string>>();
  if (keys.length === 0) return out;
  const rows = await db
    .selectFrom('supervisionEscalation')
    .select(['caseId', 'level'])
    .where(keyIn(keys))
    .execute();
  for (const r of rows) {
    const s = out.get(r.caseId) ?? new Set<string>();
    s.add(r.level);
    out.set(r.caseId, s);
  }
  return out;
}

/** The once of SUP-2: false when the level had already fired for the case (nothing written). */
export async function insertEscalation(db: Executor, row: Insertable<SupervisionEscalationTable>) {
  const r = await db
    .insertInto('supervisionEscalation')
    .values(row)
    .onConflict((oc) => oc.columns(['regionCode', 'caseId', 'level']).doNothing())
    .returning('level')
    .execute();
  return r.length > 0;
}

export const listEscalations = (db: Executor, regionCode: string, caseId: string) =>
  db
    .selectFrom('supervisionEscalation')
    .selectAll()
    .where('regionCode', '=', regionCode)
    .where('caseId', '=', caseId)
    .orderBy('firedAt')
    .execute();

// ── 督办单 ────────────────────────────────────────────────────────────────

export async function countOrdersOfYear(db: Executor, regionCode: string, year: string) {
  const r = await db
    .selectFrom('supervisionOrder')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('regionCode', '=', regionCode)
    .where('orderNo', 'like', `督办〔${year}〕%`)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

export const insertOrder = (db: Executor, row: Insertable<SupervisionOrderTable>) =>
  db
    .insertInto('supervisionOrder')
    .values(row)
    .onConflict((oc) => oc.columns(['regionCode', 'caseId', 'trigger']).doNothing())
    .returningAll()
    .executeTakeFirst();

/** A 督办单 by id within a scope (`regionLike`: the actor's region and below); no lock. */
export const findOrderIn = (db: Executor, regionLike: string, id: string) =>
  db
    .selectFrom('supervisionOrder')
    .selectAll()
    .where('regionCode', 'like', regionLike)
    .where('id', '=', id)
    .executeTakeFirst();

/** A 督办单 in its region, locked or not. */
export const findOrder = (db: Executor, regionCode: string, id: string, forUpdate = false) => {
  const q = db
    .selectFrom('supervisionOrder')
    .selectAll()
    .where('regionCode', '=', regionCode)
    .where('id', '=', id);
  return (forUpdate ? q.forUpdate() : q).executeTakeFirst();
};

export function listOrders(
  db: Executor,
  f: { regionLike: string; status?: string | undefined; departmentId?: string | undefined },
) {
  let q = db.selectFrom('supervisionOrder').selectAll().where('regionCode', 'like', f.regionLike);
  if (f.status) q = q.where('status', '=', f.status as OrderRow['status']);
  if (f.departmentId) q = q.where('departmentId', '=', f.departmentId);
  return q.orderBy('issuedAt', 'desc').limit(500).execute();
}

export const saveReply = (
  db: Executor,
  o: OrderRow,
  r: { reply: string; repliedBy: string | null; repliedByName: string; repliedAt: Date },
) =>
  db
    .updateTable('supervisionOrder')
    .set({ status: 'answered', ...r })
    .where('regionCode', '=', o.regionCode)
    .where('id', '=', o.id)
    .execute();

/**
 * Open 督办单 whose reply deadline has passed (reply_due < today), in every region: the job serves
 * them all (one read, no lock; named in CROSS_REGION); marking each late names its region.
 */
export const listUnansweredPastDue = (db: Executor, today: string) =>
  db
    .selectFrom('supervisionOrder')
    .selectAll()
    .where('status', '=', 'open')
    .where('replyDue', '<', today)
    .execute();

export const markLate = (db: Executor, o: OrderRow, at: Date) =>
  db
    .updateTable('supervisionOrder')
    .set({ status: 'late', escalatedAt: at })
    .where('regionCode', '=', o.regionCode)
    .where('id', '=', o.id)
    .where('status', '=', 'open')
    .execute();

// ── Work items that are not cases: overdue 差评 and complaints (SUP-2) ─────

export type WorkKind = 'bad_review' | 'complaint';

/** The levels fired for work items (`items`: their regions and ids), by id. */
export async function listWorkLevels(
  db: Executor,
  kind: WorkKind,
  items: readonly { regionCode: string; id: string }[],
) {
  const out = new Map<string, Set<string>>();
  if (items.length === 0) return out;
  const rows = await db
    .selectFrom('supervisionWorkEscalation')
    .select(['workId', 'level'])
    .where('regionCode', 'in', [...new Set(items.map((w) => w.regionCode))])
    .where('kind', '=', kind)
    .where('workId', 'in', [...new Set(items.map((w) => w.id))])
    .execute();
  for (const r of rows) {
    const s = out.get(r.workId) ?? new Set<string>();
    s.add(r.level);
    out.set(r.workId, s);
  }
  return out;
}

/** The once of SUP-2 for a work item: false when the level had already fired (nothing written). */
export async function insertWorkEscalation(db: Executor, row: Insertable<SupervisionWorkEscalation>) {
  const r = await db
    .insertInto('supervisionWorkEscalation')
    .values(row)
    .onConflict((oc) => oc.columns(['regionCode', 'kind', 'workId', 'level']).doNothing())
    .returning('level')
    .execute();
  return r.length > 0;
}

/** The stored clocks of the cases named (bundle branches), in the cases' regions. */
export const findClocks = (db: Executor, keys: readonly CaseKey[]) =>
  keys.length === 0
    ? Promise.resolve([] as ClockRowDb[])
    : db
        .selectFrom('supervisionClock')
        .selectAll()
        .where('regionCode', 'in', [...new Set(keys.map((k) => k.regionCode))])
        .where('caseId', 'in', [...new Set(keys.map((k) => k.id))])
        .execute();
