import { sql, type Insertable, type Updateable } from 'kysely';
import type { Executor } from '../../platform/db';
import { fixedStatement } from '../../platform/fixed-statement';
import type { ComplaintType, SubjectKind } from '@tongban/contracts';
import type { ComplaintTable } from '../../platform/db-types';

/** Order numbers per region and year: TS{YYYY}{000001}. The row lock serialises one region only. */
export async function nextOrderNo(db: Executor, regionCode: string, year: number, count = 1) {
  const row = await db
    .insertInto('complaintCounter')
    .values({ regionCode, year, last: count })
    .onConflict((oc) =>
      oc.columns(['regionCode', 'year']).doUpdateSet({ last: sql`complaint_counter.last + ${count}` }),
    )
    .returning('last')
    .executeTakeFirstOrThrow();
  const first = row.last - count + 1;
  return Array.from({ length: count }, (_, i) => `TS${year}${String(first + i).padStart(6, '0')}`);
}

// A transition's statements (the lock, the change, its event, an intake's record) are built and
// compiled once per shape (docs/adr/0004-fixed-statements.md): bench:complaints sends them all the time.
export const insertComplaintQuery = (db: Executor, row: Insertable<ComplaintTable>) =>
  fixedStatement('complaints.insert', [row], [], ([r]) =>
    db.insertInto('complaint').values(r as Insertable<ComplaintTable>),
  );

export const insertComplaint = (db: Executor, row: Insertable<ComplaintTable>) =>
  db.insertInto('complaint').values(row).returning(['id', 'orderNo']).executeTakeFirstOrThrow();

const lockComplaintBuilder = (db: Executor, regionCode: string, id: string) =>
  db
    .selectFrom('complaint')
    .selectAll()
    .where('regionCode', '=', regionCode)
    .where('id', '=', id)
    .forUpdate();
export const lockComplaintQuery = (db: Executor, regionCode: string, id: string) =>
  fixedStatement('complaints.lock', [], [regionCode, id], (_, [r, i]) =>
    lockComplaintBuilder(db, r as string, i as string),
  );

export const findComplaintForUpdate = (db: Executor, regionCode: string, id: string) =>
  lockComplaintBuilder(db, regionCode, id).executeTakeFirst();

export const findComplaint = (db: Executor, regionCode: string, id: string) =>
  db
    .selectFrom('complaint')
    .selectAll()
    .where('regionCode', '=', regionCode)
    .where('id', '=', id)
    .executeTakeFirst();

/**
 * The region of an order known by its id alone (ADR 0006: a region-free lookup, on Citus one small
 * query to every shard), when the order is not in the region first tried (complaint-command.ts
 * inRegionOf): the order may lie in a region below the actor's, or outside it (then 403, not 404).
 */
export async function findComplaintRegion(db: Executor, id: string): Promise<string | undefined> {
  const r = await db.selectFrom('complaint').select('regionCode').where('id', '=', id).executeTakeFirst();
  return r?.regionCode;
}

export type ComplaintRow = NonNullable<Awaited<ReturnType<typeof findComplaint>>>;

export const findByExternalNo = (db: Executor, regionCode: string, externalNos: string[]) =>
  externalNos.length === 0
    ? Promise.resolve([])
    : db
        .selectFrom('complaint')
        .select(['externalNo'])
        .where('regionCode', '=', regionCode)
        .where('source', '=', 'hotline_12345')
        .where('externalNo', 'in', externalNos)
        .execute();

/** One order's change as a statement (executeWrites): the row is locked, its next version known. */
export const updateComplaintQuery = (
  db: Executor,
  regionCode: string,
  id: string,
  patch: Updateable<ComplaintTable>,
  at: Date,
) =>
  fixedStatement('complaints.update', [{ ...patch, updatedAt: at }], [regionCode, id], ([p], [r, i]) =>
    db
      .updateTable('complaint')
      .set({ ...(p as Updateable<ComplaintTable>), version: sql`version + 1` })
      .where('regionCode', '=', r as string)
      .where('id', '=', i as string),
  );

export const updateComplaint = (
  db: Executor,
  regionCode: string,
  id: string,
  patch: Updateable<ComplaintTable>,
  at: Date,
) =>
  db
    .updateTable('complaint')
    .set({ ...patch, version: sql`version + 1`, updatedAt: at })
    .where('regionCode', '=', regionCode)
    .where('id', '=', id)
    .returning('version')
    .executeTakeFirstOrThrow();

type NewEvent = {
  regionCode: string;
  complaintId: string;
  seq: number;
  type: string;
  payload: Record<string, unknown>;
  actorId: string | null;
  actorName: string;
  at: Date;
};

export const insertEventQuery = (db: Executor, e: NewEvent) =>
  fixedStatement('complaints.event', [{ ...e, payload: JSON.stringify(e.payload) }], [], ([r]) =>
    db.insertInto('complaintEvent').values(r as NewEvent & { payload: string }),
  );

export const insertEvent = (
  db: Executor,
  e: {
    regionCode: string;
    complaintId: string;
    seq: number;
    type: string;
    payload: Record<string, unknown>;
    actorId: string | null;
    actorName: string;
    at: Date;
  },
) =>
  db
    .insertInto('complaintEvent')
    .values({ ...e, payload: JSON.stringify(e.payload) })
    .execute();

export const listEvents = (db: Executor, regionCode: string, complaintId: string) =>
  db
    .selectFrom('complaintEvent')
    .selectAll()
    .where('regionCode', '=', regionCode)
    .where('complaintId', '=', complaintId)
    .orderBy('seq')
    .execute();

export async function openHolding(
  db: Executor,
  h: { regionCode: string; complaintId: string; departmentId: string; role: 'lead' | 'desk'; at: Date },
) {
  const last = await db
    .selectFrom('complaintHolding')
    .select((eb) => eb.fn.max('seq').as('seq'))
    .where('regionCode', '=', h.regionCode)
    .where('complaintId', '=', h.complaintId)
    .executeTakeFirst();
  await db
    .insertInto('complaintHolding')
    .values({
      regionCode: h.regionCode,
      complaintId: h.complaintId,
      seq: Number(last?.seq ?? 0) + 1,
      departmentId: h.departmentId,
      role: h.role,
      fromAt: h.at,
    })
    .execute();
}

/** openHolding as a statement (executeWrites): the next seq is counted in the database. */
export const openHoldingQuery = (
  db: Executor,
  h: { regionCode: string; complaintId: string; departmentId: string; role: 'lead' | 'desk'; at: Date },
) =>
  db
    .insertInto('complaintHolding')
    .columns(['regionCode', 'complaintId', 'seq', 'departmentId', 'role', 'fromAt'])
    .expression(
      db
        .selectFrom('complaintHolding')
        .select([
          sql<string>`${h.regionCode}::text`.as('regionCode'),
          sql<string>`${h.complaintId}::uuid`.as('complaintId'),
          sql<number>`coalesce(max(seq), 0) + 1`.as('seq'),
          sql<string>`${h.departmentId}::uuid`.as('departmentId'),
          sql<string>`${h.role}::text`.as('role'),
          sql<Date>`${h.at}::timestamptz`.as('fromAt'),
        ])
        .where('regionCode', '=', h.regionCode)
        .where('complaintId', '=', h.complaintId),
    );

export const endHoldingQuery = (
  db: Executor,
  regionCode: string,
  complaintId: string,
  at: Date,
  why: string,
) =>
  db
    .updateTable('complaintHolding')
    .set({ untilAt: at, endedBy: why })
    .where('regionCode', '=', regionCode)
    .where('complaintId', '=', complaintId)
    .where('untilAt', 'is', null);

export const endHolding = (db: Executor, regionCode: string, complaintId: string, at: Date, why: string) =>
  db
    .updateTable('complaintHolding')
    .set({ untilAt: at, endedBy: why })
    .where('regionCode', '=', regionCode)
    .where('complaintId', '=', complaintId)
    .where('untilAt', 'is', null)
    .execute();

export const listHoldings = (db: Executor, regionCode: string, complaintId: string) =>
  db
    .selectFrom('complaintHolding')
    .selectAll()
    .where('regionCode', '=', regionCode)
    .where('complaintId', '=', complaintId)
    .orderBy('seq')
    .execute();

const mergedInto = (db: Executor, regionCode: string, id: string) =>
  db
    .selectFrom('complaint')
    .selectAll()
    .where('regionCode', '=', regionCode)
    .where('mergedIntoId', '=', id)
    .orderBy('receivedAt');

export const listMergedInto = (db: Executor, regionCode: string, id: string) =>
  mergedInto(db, regionCode, id).execute();

/** The duplicates merged into an order, locked: the transition writes to them too (CPL-3). */
export const lockMergedIntoQuery = (db: Executor, regionCode: string, id: string) =>
  mergedInto(db, regionCode, id).forUpdate();

export const lockMergedInto = (db: Executor, regionCode: string, id: string) =>
  lockMergedIntoQuery(db, regionCode, id).execute();

// ── settings and the dispatch catalog ──

export const settingsQuery = (db: Executor, regionCode: string) =>
  db.selectFrom('complaintSetting').select(['type', 'limitDays']).where('regionCode', '=', regionCode);

export const listSettings = (db: Executor, regionCode: string) => settingsQuery(db, regionCode).execute();

export const upsertSetting = (
  db: Executor,
  regionCode: string,
  type: ComplaintType,
  limitDays: number,
  at: Date,
) =>
  db
    .insertInto('complaintSetting')
    .values({ regionCode, type, limitDays, updatedAt: at })
    .onConflict((oc) => oc.columns(['regionCode', 'type']).doUpdateSet({ limitDays, updatedAt: at }))
    .execute();

export const latestCatalogQuery = (db: Executor, regionCode: string) =>
  db
    .selectFrom('complaintCatalogVersion')
    .selectAll()
    .where('regionCode', '=', regionCode)
    .orderBy('version', 'desc')
    .limit(1);

export const findLatestCatalog = (db: Executor, regionCode: string) =>
  latestCatalogQuery(db, regionCode).executeTakeFirst();

export const findCatalogVersion = (db: Executor, regionCode: string, version: number) =>
  db
    .selectFrom('complaintCatalogVersion')
    .selectAll()
    .where('regionCode', '=', regionCode)
    .where('version', '=', version)
    .executeTakeFirst();

export const listCatalogVersions = (db: Executor, regionCode: string) =>
  db
    .selectFrom('complaintCatalogVersion as v')
    .select((eb) => [
      'v.version',
      'v.publishedAt',
      'v.publishedBy',
      'v.note',
      eb
        .selectFrom('complaintCatalogRule as r')
        .select((e) => e.fn.countAll<string>().as('n'))
        .whereRef('r.regionCode', '=', 'v.regionCode')
        .whereRef('r.version', '=', 'v.version')
        .as('rules'),
    ])
    .where('v.regionCode', '=', regionCode)
    .orderBy('v.version', 'desc')
    .execute();

/** A transaction-scoped lock on one region's catalogue (publishers take turns). */
export const lockCatalogRegion = (db: Executor, regionCode: string) =>
  sql`select pg_advisory_xact_lock(hashtext(${`complaint_catalog:${regionCode}`}))`.execute(db);

export const listCatalogRules = (db: Executor, regionCode: string, version: number) =>
  db
    .selectFrom('complaintCatalogRule')
    .selectAll()
    .where('regionCode', '=', regionCode)
    .where('version', '=', version)
    .execute();

export async function insertCatalog(
  db: Executor,
  v: { regionCode: string; version: number; note: string; publishedBy: string; at: Date },
  rules: {
    type: ComplaintType | null;
    subjectKind: SubjectKind | null;
    subjectId: string | null;
    leadDepartmentId: string;
    assistDepartmentIds: string[];
    explanation: string;
  }[],
) {
  await db
    .insertInto('complaintCatalogVersion')
    .values({
      regionCode: v.regionCode,
      version: v.version,
      note: v.note,
      publishedBy: v.publishedBy,
      publishedAt: v.at,
    })
    .execute();
  await db
    .insertInto('complaintCatalogRule')
    .values(
      rules.map((r) => ({
        ...r,
        regionCode: v.regionCode,
        version: v.version,
        assistDepartmentIds: JSON.stringify(r.assistDepartmentIds),
      })),
    )
    .execute();
}
