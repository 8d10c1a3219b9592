import type { Compilable, Insertable, Selectable } from 'kysely';
import { keysIn, regionFree, sql, type Executor } from '../../platform/db';
import { fixedStatement } from '../../platform/fixed-statement';
import type {
  CaseEventTable,
  CaseMaterialTable,
  CaseNoticeTable,
  ServiceCaseTable,
} from '../../platform/db-types';

export type CaseRow = Selectable<ServiceCaseTable>;
export type EventRow = Selectable<CaseEventTable>;
export type MaterialRow = Selectable<CaseMaterialTable>;
export type NoticeRow = Selectable<CaseNoticeTable>;

// Writes return their query, not its result: the service sends all writes of a transition as one
// statement (platform/db executeWrites), so a transition costs as few round trips as it can.

export function findCaseIn(db: Executor, regionCode: string, id: string) {
  return db
    .selectFrom('serviceCase')
    .selectAll()
    .where('regionCode', '=', regionCode)
    .where('id', '=', id)
    .executeTakeFirst();
}

/** A case number starts with its region's code (formatCaseNo): the lookup names the region. */
export function findCaseByNo(db: Executor, caseNo: string) {
  return db
    .selectFrom('serviceCase')
    .selectAll()
    .where('regionCode', '=', caseNo.split('-', 1)[0]!)
    .where('caseNo', '=', caseNo)
    .executeTakeFirst();
}

/** Cases with what lists and replies show: the applicant, the department, the pinned item version. */
export function selectCaseWithNames(db: Executor) {
  return (
    db
      .selectFrom('serviceCase as c')
      // Issue 23: a case's applicant, department and item version are in its region (composite keys),
      // and each key leads with the region: joining on the id alone would scan every region's rows.
      .innerJoin('applicant as a', (j) =>
        j.onRef('a.regionCode', '=', 'c.regionCode').onRef('a.id', '=', 'c.applicantId'),
      )
      .innerJoin('department as d', (j) =>
        j.onRef('d.regionCode', '=', 'c.regionCode').onRef('d.id', '=', 'c.departmentId'),
      )
      .innerJoin('catalogItemVersion as v', (j) =>
        j.onRef('v.regionCode', '=', 'c.regionCode').onRef('v.id', '=', 'c.itemVersionId'),
      )
      .selectAll('c')
      .select([
        'a.name as applicantName',
        'a.idNumberMasked as applicantIdMasked',
        'd.name as departmentName',
        'v.name as itemName',
        'v.maxVisits',
        'v.steps',
        'v.legalLimitDays',
        'v.promisedLimitDays',
      ])
  );
}

/**
 * The case locked for a transition, with what its replies and documents need from the applicant
 * and the department (fresh: a renamed department signs new notices with its new name).
 */
function lockCaseBuilder(db: Executor, regionCode: string, id: string) {
  return selectCaseWithNames(db)
    .leftJoin('caseLicenseType as lt', (j) =>
      j.onRef('lt.regionCode', '=', 'c.regionCode').onRef('lt.itemId', '=', 'c.itemId'),
    )
    .select([
      'd.creditCode as departmentCreditCode',
      // The e-license type the item issues on 准予 (none: derived at issue, see issueLicense).
      'lt.typeCode as licenseTypeCode',
      'lt.typeName as licenseTypeName',
      'lt.validYears as licenseValidYears',
    ])
    .where('c.regionCode', '=', regionCode)
    .where('c.id', '=', id)
    .forUpdate('c');
}
export type LockedCaseRow = Awaited<
  ReturnType<ReturnType<typeof lockCaseBuilder>['executeTakeFirstOrThrow']>
>;

// The statements of every transition are fixed statements (platform/fixed-statement.ts): built and
// compiled once per shape, not on every request.

/**
 * The region of a case known by its id alone (ADR 0006: a region-free lookup, on Citus one small
 * query to every shard), for a transition whose region guess missed.
 */
export async function findCaseRegion(db: Executor, id: string): Promise<string | undefined> {
  const r = await db
    .selectFrom('serviceCase')
    .select('regionCode')
    .where('id', '=', id)
    .modifyEnd(regionFree('cases.case-by-id'))
    .executeTakeFirst();
  return r?.regionCode;
}

export function lockCaseQuery(db: Executor, regionCode: string, id: string): Compilable<LockedCaseRow> {
  return fixedStatement('cases.lock', [], [regionCode, id], (_, [r, i]) =>
    lockCaseBuilder(db, r as string, i as string),
  );
}

export function insertCase(db: Executor, row: Insertable<ServiceCaseTable> & { id: string }) {
  return fixedStatement('cases.insert', [row], [], ([r]) =>
    db.insertInto('serviceCase').values(r as typeof row),
  );
}

export function updateCase(
  db: Executor,
  regionCode: string,
  id: string,
  patch: Partial<Insertable<ServiceCaseTable>>,
) {
  return fixedStatement('cases.update', [patch], [regionCode, id], ([p], [r, i]) =>
    db
      .updateTable('serviceCase')
      .set(p as typeof patch)
      .where('regionCode', '=', r as string)
      .where('id', '=', i as string),
  );
}

export function insertEvents(db: Executor, rows: Insertable<CaseEventTable>[]) {
  return fixedStatement('cases.events', rows, [], (r) => db.insertInto('caseEvent').values(r as typeof rows));
}

/**
 * Marks the case changed for the supervision feed (case_change, ADR 0006), with the seq of its
 * newest event: one row per case, which only this case's transitions touch (they hold its lock).
 */
export function markCaseChanged(db: Executor, mark: { regionCode: string; caseId: string; seq: number }) {
  return fixedStatement('cases.markChanged', [mark], [], ([m]) =>
    db
      .insertInto('caseChange')
      .values(m as typeof mark)
      .onConflict((oc) =>
        oc.columns(['regionCode', 'caseId']).doUpdateSet({ seq: (eb) => eb.ref('excluded.seq') }),
      ),
  );
}

export function listEvents(db: Executor, regionCode: string, caseId: string) {
  return db
    .selectFrom('caseEvent')
    .selectAll()
    .where('regionCode', '=', regionCode)
    .where('caseId', '=', caseId)
    .orderBy('seq')
    .execute();
}

/** A case's key: its region and id (every key of the cases tables leads with the region). */
export type CaseKey = { regionCode: string; id: string };

/** Rows of the cases tables by their cases' keys (platform/db.ts keysIn). */
export const keyIn = (idColumn: 'id' | 'case_id', keys: readonly CaseKey[]) =>
  keysIn('region_code', idColumn, keys);

/** One page of cases in id order (keyset), for checks that walk them all (audit:verify, TRUTH-1). */
export function listCasePage(db: Executor, afterId: string | null, limit: number) {
  let q = db.selectFrom('serviceCase').selectAll().orderBy('id').limit(limit);
  if (afterId !== null) q = q.where('id', '>', afterId);
  return q.modifyEnd(regionFree('cases.walk-all-cases')).execute();
}

/** The events of several cases, each case's in order. */
export function listEventsOfCases(db: Executor, keys: readonly CaseKey[]) {
  if (keys.length === 0) return Promise.resolve([] as EventRow[]);
  return db
    .selectFrom('caseEvent')
    .selectAll()
    .where(keyIn('case_id', keys))
    .orderBy('caseId')
    .orderBy('seq')
    .execute();
}

/**
 * Issue 21 (FR-1 draw, TRUTH-1): the concluded cases (decided in [from, to)) of the regions under a
 * prefix, only their keys, in one statement (the partial index service_case_concluded serves the
 * period's range; no paging, which re-scanned and re-sorted the period for every page).
 */
export function listConcludedCaseKeys(
  db: Executor,
  q: {
    prefix: string;
    from: Date;
    to: Date;
    departmentIds?: readonly string[];
    caseIds?: readonly string[];
  },
) {
  let query = db
    .selectFrom('serviceCase')
    .select(['id', 'caseNo', 'regionCode', 'departmentId'])
    .where('regionCode', 'like', `${q.prefix}%`)
    .where('status', 'in', ['decided', 'delivered'])
    .where('decidedAt', '>=', q.from)
    .where('decidedAt', '<', q.to);
  if (q.departmentIds) query = query.where('departmentId', 'in', [...q.departmentIds, NO_CASE_ID]);
  if (q.caseIds) query = query.where('id', 'in', [...q.caseIds, NO_CASE_ID]);
  return query.execute();
}
const NO_CASE_ID = '00000000-0000-0000-0000-000000000000';

/** Cases with their names (selectCaseWithNames) by id, for a page of ids found by a lean query. */
export function listCasesWithNamesById(db: Executor, keys: readonly CaseKey[]) {
  if (keys.length === 0) return Promise.resolve([]);
  return selectCaseWithNames(db)
    .where(keysIn('c.region_code', 'c.id', keys))
    .execute();
}

function listMaterialsBuilder(db: Executor, regionCode: string, caseId: string) {
  return db
    .selectFrom('caseMaterial')
    .selectAll()
    .where('regionCode', '=', regionCode)
    .where('caseId', '=', caseId)
    .orderBy('sortOrder');
}

export function listMaterialsQuery(
  db: Executor,
  regionCode: string,
  caseId: string,
): Compilable<MaterialRow> {
  return fixedStatement('cases.materials', [], [regionCode, caseId], (_, [r, id]) =>
    listMaterialsBuilder(db, r as string, id as string),
  );
}

export function listMaterials(db: Executor, regionCode: string, caseId: string) {
  return listMaterialsBuilder(db, regionCode, caseId).execute();
}

export function insertMaterials(db: Executor, rows: Insertable<CaseMaterialTable>[]): Compilable[] {
  if (rows.length === 0) return [];
  return [
    fixedStatement('cases.insertMaterials', rows, [], (r) =>
      db.insertInto('caseMaterial').values(r as typeof rows),
    ),
  ];
}

export function updateMaterial(
  db: Executor,
  regionCode: string,
  caseId: string,
  names: string[],
  patch: Partial<Insertable<CaseMaterialTable>>,
): Compilable[] {
  if (names.length === 0) return [];
  return [
    db
      .updateTable('caseMaterial')
      .set(patch)
      .where('regionCode', '=', regionCode)
      .where('caseId', '=', caseId)
      .where('name', 'in', names),
  ];
}

// Notices issued in one transition share their time (即办: 受理 and 决定 at once); the tie goes by the
// order of a case's life.
const NOTICE_ORDER = ['supplement', 'refuse', 'accept', 'suspend', 'extend', 'decide'] as const;

/** The notices of several cases (their numbers only), for record checks over many cases. */
export function listNoticeNosOfCases(db: Executor, keys: readonly CaseKey[]) {
  if (keys.length === 0) return Promise.resolve([] as { caseId: string; noticeNo: string }[]);
  return db.selectFrom('caseNotice').select(['caseId', 'noticeNo']).where(keyIn('case_id', keys)).execute();
}

export function listNotices(db: Executor, regionCode: string, caseId: string) {
  return db
    .selectFrom('caseNotice')
    .selectAll()
    .where('regionCode', '=', regionCode)
    .where('caseId', '=', caseId)
    .orderBy('issuedAt')
    .orderBy(sql`array_position(${sql.val(NOTICE_ORDER)}::text[], kind)`)
    .execute();
}

export function findNotice(db: Executor, regionCode: string, id: string) {
  return db
    .selectFrom('caseNotice')
    .selectAll()
    .where('regionCode', '=', regionCode)
    .where('id', '=', id)
    .executeTakeFirst();
}

export function insertNotice(db: Executor, row: Insertable<CaseNoticeTable> & { id: string }) {
  return fixedStatement('cases.notice', [row], [], ([r]) =>
    db.insertInto('caseNotice').values(r as typeof row),
  );
}

/** Gap-free: the counter row stays locked until the intake commits; a rollback returns the number. */
export async function nextCaseSerial(db: Executor, regionCode: string, day: string): Promise<number> {
  const r = await sql<{ last: number }>`
    insert into case_no_counter (region_code, day, last) values (${regionCode}, ${day}, 1)
    on conflict (region_code, day) do update set last = case_no_counter.last + 1
    returning last`.execute(db);
  return r.rows[0]!.last;
}

/**
 * The next `count` case numbers of a region's day in one statement (a bundle's branches, issue 20):
 * they are last − count + 1 … last. Gap-free like nextCaseSerial: the row stays locked to commit.
 */
export function nextCaseSerialsQuery(
  db: Executor,
  regionCode: string,
  day: string,
  count: number,
): Compilable<{ last: number }> {
  return {
    compile: () =>
      sql<{ last: number }>`
        insert into case_no_counter (region_code, day, last) values (${regionCode}, ${day}, ${count})
        on conflict (region_code, day) do update set last = case_no_counter.last + excluded.last
        returning last`.compile(db),
  };
}

/** The next `count` numbers of a gap-free sequence in one statement: last − count + 1 … last. */
export function nextSequencesQuery(
  db: Executor,
  regionCode: string,
  name: string,
  count: number,
): Compilable<{ last: number }> {
  return {
    compile: () =>
      sql<{ last: number }>`
        insert into case_sequence (region_code, name, last) values (${regionCode}, ${name}, ${count})
        on conflict (region_code, name) do update set last = case_sequence.last + excluded.last
        returning last`.compile(db),
  };
}

/** The next number of a gap-free sequence (notices, license serials): its row stays locked to commit. */
export function nextSequenceQuery(
  db: Executor,
  regionCode: string,
  name: string,
): Compilable<{ last: number }> {
  return {
    compile: () =>
      sql<{ last: number }>`
        insert into case_sequence (region_code, name, last) values (${regionCode}, ${name}, 1)
        on conflict (region_code, name) do update set last = case_sequence.last + 1
        returning last`.compile(db),
  };
}

/**
 * Gives back the number a transaction took of a sequence and did not use: it still holds the row,
 * so the number is the sequence's last and nobody else has seen it (no gap).
 */
export function returnSequenceQuery(db: Executor, regionCode: string, name: string): Compilable {
  return {
    compile: () =>
      sql`update case_sequence set last = last - 1 where region_code = ${regionCode} and name = ${name}`.compile(
        db,
      ),
  };
}

/** Claims an idempotency key: no row back when it was already used (by a committed submission). */
export function claimIdempotencyKeyQuery(
  db: Executor,
  scope: string,
  key: string,
): Compilable<{ key: string }> {
  return fixedStatement('cases.claimKey', [], [scope, key], (_, [s, k]) =>
    db
      .insertInto('idempotencyKey')
      .values({ scope: s as string, key: k as string, response: null })
      .onConflict((oc) => oc.columns(['scope', 'key']).doNothing())
      .returning('key'),
  );
}

export function findIdempotencyKey(db: Executor, scope: string, key: string) {
  return db
    .selectFrom('idempotencyKey')
    .select('response')
    .where('scope', '=', scope)
    .where('key', '=', key)
    .executeTakeFirst();
}

export function saveIdempotencyResponse(db: Executor, scope: string, key: string, response: unknown) {
  return db
    .updateTable('idempotencyKey')
    .set({ response: JSON.stringify(response) })
    .where('scope', '=', scope)
    .where('key', '=', key);
}

// ── For the evaluations module (好差评, issue 17) ─────────────────────────

/** 办结 for rating purposes: decided or delivered (EVAL-4's denominator). */
export const CONCLUDED_STATUSES = ['decided', 'delivered'] as const;

export function findCaseRef(db: Executor, regionCode: string, id: string) {
  return selectCaseWithNames(db)
    .where('c.regionCode', '=', regionCode)
    .where('c.id', '=', id)
    .executeTakeFirst();
}

/** Who acted on a case: names and user ids from its log (intake, steps, decision). */
export function listCaseActors(db: Executor, regionCode: string, caseId: string) {
  return db
    .selectFrom('caseEvent')
    .select(['actorId', 'actorName'])
    .distinct()
    .where('regionCode', '=', regionCode)
    .where('caseId', '=', caseId)
    .execute();
}

/** Concluded cases per department, item, channel and month (Asia/Shanghai) in a period. */
export function countConcluded(
  db: Executor,
  f: { regionLike: string; from: Date; to: Date; departmentId?: string },
) {
  let q = db
    .selectFrom('serviceCase')
    .select((eb) => [
      'departmentId',
      'itemId',
      'channel',
      sql<string>`to_char(decided_at at time zone 'Asia/Shanghai', 'YYYY-MM')`.as('month'),
      eb.fn.countAll<string>().as('n'),
    ])
    .where('regionCode', 'like', f.regionLike)
    .where('status', 'in', CONCLUDED_STATUSES)
    .where('decidedAt', '>=', f.from)
    .where('decidedAt', '<', f.to);
  if (f.departmentId) q = q.where('departmentId', '=', f.departmentId);
  return q.groupBy(['departmentId', 'itemId', 'channel', sql`4`]).execute();
}

/** Cases concluded in [from, to): the SMS rating job's candidates. */
export function listConcludedBetween(db: Executor, from: Date, to: Date, limit: number) {
  return db
    .selectFrom('serviceCase')
    .select(['id', 'regionCode'])
    .where('status', 'in', CONCLUDED_STATUSES)
    .where('decidedAt', '>=', from)
    .where('decidedAt', '<', to)
    .orderBy('decidedAt')
    .limit(limit)
    .modifyEnd(regionFree('cases.concluded-between'))
    .execute();
}

/** The 不予受理 events of some cases (the 办不成事 list). */
export function listRefusalEvents(db: Executor, keys: readonly CaseKey[]) {
  if (keys.length === 0) return Promise.resolve([] as EventRow[]);
  return db
    .selectFrom('caseEvent')
    .selectAll()
    .where('type', '=', 'refused')
    .where(keyIn('case_id', keys))
    .execute();
}

/** Whether any case exists (the demo seeds an empty database only). */
export function anyCase(db: Executor) {
  return db
    .selectFrom('serviceCase')
    .select('id')
    .limit(1)
    .modifyEnd(regionFree('cases.any-case'))
    .executeTakeFirst();
}
