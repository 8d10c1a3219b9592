import type { Insertable, Updateable } from 'kysely';
import { sql, type Executor } from '../../platform/db';
import type {
  LedgerCategoryTable,
  LedgerFindingTable,
  LedgerInspectionTable,
  LedgerMeasureTable,
} from '../../platform/db-types';
import type {
  LedgerAccountability,
  LedgerLead,
  LedgerRecovery,
  LedgerRegulation,
  LedgerRegulationFinding,
} from '../../platform/db-types.generated';

/** A text[] / uuid[] value that both drivers accept (ids and hashes hold no commas). */
export const textArray = (xs: string[]) => sql<string[]>`string_to_array(${xs.join(',')}, ',')`;
export const uuidArray = (xs: string[]) => sql<string[]>`string_to_array(${xs.join(',')}, ',')::uuid[]`;

export const listInspections = (db: Executor, like: string) =>
  db
    .selectFrom('ledgerInspection as i')
    .select([
      'i.id',
      'i.regionCode',
      'i.kind',
      'i.team',
      'i.inspectedUnit',
      'i.periodStart',
      'i.periodEnd',
      'i.feedbackDate',
      'i.publishedAt',
      'i.carriedOverFromId',
    ])
    .select((eb) =>
      eb
        .selectFrom('ledgerFinding as f')
        .whereRef('f.regionCode', '=', 'i.regionCode')
        .whereRef('f.inspectionId', '=', 'i.id')
        .select((e) => e.fn.countAll<number>().as('n'))
        .$asScalar()
        .$notNull()
        .as('findingCount'),
    )
    .where('i.regionCode', 'like', like)
    .orderBy('i.feedbackDate', 'desc')
    .orderBy('i.createdAt', 'desc')
    .execute();

export const findInspection = (db: Executor, regionCode: string, id: string) =>
  db
    .selectFrom('ledgerInspection')
    .selectAll()
    .where('regionCode', '=', regionCode)
    .where('id', '=', id)
    .executeTakeFirst();
export const insertInspection = (db: Executor, v: Insertable<LedgerInspectionTable>) =>
  db.insertInto('ledgerInspection').values(v).returningAll().executeTakeFirstOrThrow();
export const updateInspection = (
  db: Executor,
  regionCode: string,
  id: string,
  v: Updateable<LedgerInspectionTable>,
) =>
  db
    .updateTable('ledgerInspection')
    .set(v)
    .where('regionCode', '=', regionCode)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();

export const listCategories = (db: Executor, regionCode: string, inspectionId: string) =>
  db
    .selectFrom('ledgerCategory')
    .select(['id', 'parentId', 'title', 'sortOrder'])
    .where('regionCode', '=', regionCode)
    .where('inspectionId', '=', inspectionId)
    .execute();
/** A category of an inspection: in the inspection's region (it has no other). */
export const findCategory = (db: Executor, regionCode: string, id: string) =>
  db
    .selectFrom('ledgerCategory')
    .selectAll()
    .where('regionCode', '=', regionCode)
    .where('id', '=', id)
    .executeTakeFirst();
/** A category with its id and order given (a ledger seeded with fixed ids). */
export const insertCategoryRow = (db: Executor, v: Insertable<LedgerCategoryTable>) =>
  db.insertInto('ledgerCategory').values(v).execute();
export const insertCategory = (
  db: Executor,
  v: { regionCode: string; inspectionId: string; parentId: string | null; title: string },
) =>
  db
    .insertInto('ledgerCategory')
    .values((eb) => ({
      ...v,
      sortOrder: eb
        .selectFrom('ledgerCategory')
        .select(sql<number>`coalesce(max(sort_order), 0) + 1`.as('n'))
        .where('regionCode', '=', v.regionCode)
        .where('inspectionId', '=', v.inspectionId)
        .where((e) => (v.parentId ? e('parentId', '=', v.parentId) : e('parentId', 'is', null))),
    }))
    .returning(['id', 'parentId', 'title', 'sortOrder'])
    .executeTakeFirstOrThrow();

export const listFindings = (db: Executor, regionCode: string, inspectionId: string) =>
  db
    .selectFrom('ledgerFinding')
    .selectAll()
    .where('regionCode', '=', regionCode)
    .where('inspectionId', '=', inspectionId)
    .orderBy('number')
    .execute();
export const findFinding = (db: Executor, regionCode: string, id: string) =>
  db
    .selectFrom('ledgerFinding')
    .selectAll()
    .where('regionCode', '=', regionCode)
    .where('id', '=', id)
    .executeTakeFirst();
export const nextFindingNumber = async (db: Executor, regionCode: string, inspectionId: string) =>
  Number(
    (
      await db
        .selectFrom('ledgerFinding')
        .select(sql<number>`coalesce(max(number), 0) + 1`.as('n'))
        .where('regionCode', '=', regionCode)
        .where('inspectionId', '=', inspectionId)
        .executeTakeFirstOrThrow()
    ).n,
  );
export const insertFinding = (db: Executor, v: Insertable<LedgerFindingTable>) =>
  db.insertInto('ledgerFinding').values(v).returningAll().executeTakeFirstOrThrow();
export const updateFinding = (
  db: Executor,
  regionCode: string,
  id: string,
  v: Updateable<LedgerFindingTable>,
) =>
  db
    .updateTable('ledgerFinding')
    .set(v)
    .where('regionCode', '=', regionCode)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();

export const findMeasure = (db: Executor, regionCode: string, id: string, forUpdate = false) => {
  const q = db
    .selectFrom('ledgerMeasure')
    .selectAll()
    .where('regionCode', '=', regionCode)
    .where('id', '=', id);
  return (forUpdate ? q.forUpdate() : q).executeTakeFirst();
};
export const nextMeasureOrder = async (db: Executor, regionCode: string, findingId: string) =>
  Number(
    (
      await db
        .selectFrom('ledgerMeasure')
        .select(sql<number>`coalesce(max(sort_order), 0) + 1`.as('n'))
        .where('regionCode', '=', regionCode)
        .where('findingId', '=', findingId)
        .executeTakeFirstOrThrow()
    ).n,
  );
export const insertMeasure = (db: Executor, v: Insertable<LedgerMeasureTable>) =>
  db.insertInto('ledgerMeasure').values(v).returningAll().executeTakeFirstOrThrow();
export const updateMeasure = (
  db: Executor,
  regionCode: string,
  id: string,
  v: Updateable<LedgerMeasureTable>,
) =>
  db
    .updateTable('ledgerMeasure')
    .set(v)
    .where('regionCode', '=', regionCode)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();

/**
 * Progress of measures, in their regions: one region (an inspection's, a measure's) or, for a
 * list over a scope or the reminder job, the regions of the measures listed.
 */
export const listProgress = (db: Executor, regionCodes: string | readonly string[], measureIds: string[]) =>
  measureIds.length === 0
    ? Promise.resolve([])
    : db
        .selectFrom('ledgerProgress')
        .selectAll()
        .where(
          'regionCode',
          'in',
          typeof regionCodes === 'string' ? [regionCodes] : [...new Set(regionCodes)],
        )
        .where('measureId', 'in', measureIds)
        .orderBy('date')
        .orderBy('createdAt')
        .execute();
export const insertProgress = (
  db: Executor,
  v: {
    regionCode: string;
    measureId: string;
    date: string;
    text: string;
    evidenceFiles: string[];
    evidenceText: string;
    requestSignoff: boolean;
    round: number;
    createdBy: string | null;
  },
) =>
  db
    .insertInto('ledgerProgress')
    .values({ ...v, evidenceFiles: textArray(v.evidenceFiles) })
    .returningAll()
    .executeTakeFirstOrThrow();

/** Measures with what the ledger table prints, filtered in SQL by inspection, department and owner. */
export const listMeasureRows = (
  db: Executor,
  f: {
    /** The actor's scope (a list), or one region exactly (an inspection's). */
    like?: string;
    regionCode?: string;
    inspectionId?: string;
    departmentId?: string;
    ownerUserId?: string;
    measureIds?: string[];
  },
) => {
  let q = db
    .selectFrom('ledgerMeasure as m')
    .innerJoin('ledgerFinding as f', (j) =>
      j.onRef('f.regionCode', '=', 'm.regionCode').onRef('f.id', '=', 'm.findingId'),
    )
    .leftJoin('department as d', 'd.id', 'm.departmentId')
    .leftJoin('appUser as u', 'u.id', 'm.ownerUserId')
    .select([
      'm.id',
      'm.findingId',
      'm.sortOrder',
      'm.content',
      'm.leader',
      'm.departmentId',
      'm.ownerUserId',
      'm.dueDate',
      'm.kind',
      'm.recurPeriod',
      'm.signedOffAt',
      'm.signedOffBy',
      'm.round',
      'm.reopenedAt',
      'm.regionCode',
      'f.inspectionId',
      'f.number as findingNumber',
      'f.title as findingTitle',
      'f.categoryId',
      'd.name as departmentName',
      'u.displayName as ownerName',
    ])
    .$call((q) =>
      f.regionCode !== undefined
        ? q.where('m.regionCode', '=', f.regionCode)
        : q.where('m.regionCode', 'like', f.like ?? '%'),
    );
  if (f.inspectionId) q = q.where('f.inspectionId', '=', f.inspectionId);
  if (f.departmentId) q = q.where('m.departmentId', '=', f.departmentId);
  if (f.ownerUserId) q = q.where('m.ownerUserId', '=', f.ownerUserId);
  return q.orderBy('f.inspectionId').orderBy('f.number').orderBy('m.sortOrder').execute();
};

/**
 * Signed-off 长期坚持 measures with an owner: their periodic evidence is due (ledger-recurrence.ts).
 * The reminder job serves every region: a named cross-region read (statement-check.ts CROSS_REGION).
 */
export const listRecurringMeasures = (db: Executor) =>
  db
    .selectFrom('ledgerMeasure as m')
    .innerJoin('ledgerFinding as f', (j) =>
      j.onRef('f.regionCode', '=', 'm.regionCode').onRef('f.id', '=', 'm.findingId'),
    )
    .select([
      'm.id',
      'm.regionCode',
      'm.kind',
      'm.recurPeriod',
      'm.content',
      'm.ownerUserId',
      'm.departmentId',
      'm.dueDate',
      'm.signedOffAt',
      'm.round',
      'f.title as findingTitle',
    ])
    .where('m.kind', '=', 'ongoing')
    .where('m.signedOffAt', 'is not', null)
    .where('m.ownerUserId', 'is not', null)
    .execute();

/**
 * The region of an inspection, finding or measure known by its id alone (ADR 0006: a region-free
 * lookup, on Citus one small query to every shard), when it is not in the region first tried
 * (ledger-access.ts locate): a ledger row may lie in a region below the actor's, or outside it
 * (then LEDGER_OUT_OF_REGION, not 404); the public report page arrives with an inspection id alone.
 */
export async function regionOfRow(
  db: Executor,
  table: 'ledgerInspection' | 'ledgerFinding' | 'ledgerMeasure',
  id: string,
): Promise<string | undefined> {
  const r = await db.selectFrom(table).select('regionCode').where('id', '=', id).executeTakeFirst();
  return r?.regionCode;
}

export const insertLead = (db: Executor, v: Insertable<LedgerLead>) =>
  db.insertInto('ledgerLead').values(v).returningAll().executeTakeFirstOrThrow();

export const insertAccountability = (db: Executor, v: Insertable<LedgerAccountability>) =>
  db.insertInto('ledgerAccountability').values(v).returningAll().executeTakeFirstOrThrow();
export const insertRecovery = (db: Executor, v: Insertable<LedgerRecovery>) =>
  db.insertInto('ledgerRecovery').values(v).returningAll().executeTakeFirstOrThrow();
export const insertRegulation = (db: Executor, v: Insertable<LedgerRegulation>) =>
  db.insertInto('ledgerRegulation').values(v).returningAll().executeTakeFirstOrThrow();
export const linkRegulation = (db: Executor, v: Insertable<LedgerRegulationFinding>) =>
  db.insertInto('ledgerRegulationFinding').values(v).execute();
