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

export const findInspection = (db: Executor, id: string) =>
  db.selectFrom('ledgerInspection').selectAll().where('id', '=', id).executeTakeFirst();
export const insertInspection = (db: Executor, v: Insertable<LedgerInspectionTable>) =>
  db.insertInto('ledgerInspection').values(v).returningAll().executeTakeFirstOrThrow();
export const updateInspection = (db: Executor, id: string, v: Updateable<LedgerInspectionTable>) =>
  db.updateTable('ledgerInspection').set(v).where('id', '=', id).returningAll().executeTakeFirstOrThrow();

export const listCategories = (db: Executor, inspectionId: string) =>
  db
    .selectFrom('ledgerCategory')
    .select(['id', 'parentId', 'title', 'sortOrder'])
    .where('inspectionId', '=', inspectionId)
    .execute();
export const findCategory = (db: Executor, id: string) =>
  db.selectFrom('ledgerCategory').selectAll().where('id', '=', id).executeTakeFirst();
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
        .where('inspectionId', '=', v.inspectionId)
        .where((e) => (v.parentId ? e('parentId', '=', v.parentId) : e('parentId', 'is', null))),
    }))
    .returning(['id', 'parentId', 'title', 'sortOrder'])
    .executeTakeFirstOrThrow();

export const listFindings = (db: Executor, inspectionId: string) =>
  db
    .selectFrom('ledgerFinding')
    .selectAll()
    .where('inspectionId', '=', inspectionId)
    .orderBy('number')
    .execute();
export const findFinding = (db: Executor, id: string) =>
  db.selectFrom('ledgerFinding').selectAll().where('id', '=', id).executeTakeFirst();
export const nextFindingNumber = async (db: Executor, inspectionId: string) =>
  Number(
    (
      await db
        .selectFrom('ledgerFinding')
        .select(sql<number>`coalesce(max(number), 0) + 1`.as('n'))
        .where('inspectionId', '=', inspectionId)
        .executeTakeFirstOrThrow()
    ).n,
  );
export const insertFinding = (db: Executor, v: Insertable<LedgerFindingTable>) =>
  db.insertInto('ledgerFinding').values(v).returningAll().executeTakeFirstOrThrow();
export const updateFinding = (db: Executor, id: string, v: Updateable<LedgerFindingTable>) =>
  db.updateTable('ledgerFinding').set(v).where('id', '=', id).returningAll().executeTakeFirstOrThrow();

export const findMeasure = (db: Executor, id: string, forUpdate = false) => {
  const q = db.selectFrom('ledgerMeasure').selectAll().where('id', '=', id);
  return (forUpdate ? q.forUpdate() : q).executeTakeFirst();
};
export const nextMeasureOrder = async (db: Executor, findingId: string) =>
  Number(
    (
      await db
        .selectFrom('ledgerMeasure')
        .select(sql<number>`coalesce(max(sort_order), 0) + 1`.as('n'))
        .where('findingId', '=', findingId)
        .executeTakeFirstOrThrow()
    ).n,
  );
export const insertMeasure = (db: Executor, v: Insertable<LedgerMeasureTable>) =>
  db.insertInto('ledgerMeasure').values(v).returningAll().executeTakeFirstOrThrow();
export const updateMeasure = (db: Executor, id: string, v: Updateable<LedgerMeasureTable>) =>
  db.updateTable('ledgerMeasure').set(v).where('id', '=', id).returningAll().executeTakeFirstOrThrow();

export const listProgress = (db: Executor, measureIds: string[]) =>
  measureIds.length === 0
    ? Promise.resolve([])
    : db
        .selectFrom('ledgerProgress')
        .selectAll()
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
    like: string;
    inspectionId?: string;
    departmentId?: string;
    ownerUserId?: string;
    measureIds?: string[];
  },
) => {
  let q = db
    .selectFrom('ledgerMeasure as m')
    .innerJoin('ledgerFinding as f', 'f.id', 'm.findingId')
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
    .where('m.regionCode', 'like', f.like);
  if (f.inspectionId) q = q.where('f.inspectionId', '=', f.inspectionId);
  if (f.departmentId) q = q.where('m.departmentId', '=', f.departmentId);
  if (f.ownerUserId) q = q.where('m.ownerUserId', '=', f.ownerUserId);
  return q.orderBy('f.inspectionId').orderBy('f.number').orderBy('m.sortOrder').execute();
};

/** Signed-off 长期坚持 measures with an owner: their periodic evidence is due (ledger-recurrence.ts). */
export const listRecurringMeasures = (db: Executor) =>
  db
    .selectFrom('ledgerMeasure as m')
    .innerJoin('ledgerFinding as f', 'f.id', 'm.findingId')
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
