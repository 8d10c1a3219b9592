// Kysely over the bundles module's own tables only (0024_bundles.sql); plain rows, no rules.
import { sql, type Compilable, type Insertable, type Updateable } from 'kysely';
import type { Executor } from '../../platform/db';
import type { BundleBranchRow, BundleCaseRow } from '../../platform/db-types';
import type { DB } from '../../platform/db-types.generated';

// ── Definitions ──

export function findDefinitionByCode(db: Executor, regionCode: string, code: string) {
  return db
    .selectFrom('bundleDefinition')
    .selectAll()
    .where('regionCode', '=', regionCode)
    .where('code', '=', code)
    .executeTakeFirst();
}

export function insertDefinition(db: Executor, row: Insertable<DB['bundleDefinition']>) {
  return db.insertInto('bundleDefinition').values(row).returningAll().executeTakeFirstOrThrow();
}

export function lockDefinition(db: Executor, regionCode: string, id: string) {
  return db
    .selectFrom('bundleDefinition')
    .selectAll()
    .where('regionCode', '=', regionCode)
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
}

export async function nextVersionNo(db: Executor, regionCode: string, definitionId: string) {
  const r = await db
    .selectFrom('bundleDefinitionVersion')
    .select((eb) => eb.fn.max('versionNo').as('n'))
    .where('regionCode', '=', regionCode)
    .where('definitionId', '=', definitionId)
    .executeTakeFirst();
  return Number(r?.n ?? 0) + 1;
}

export async function insertVersion(
  db: Executor,
  row: Insertable<DB['bundleDefinitionVersion']>,
  items: Omit<Insertable<DB['bundleDefinitionItem']>, 'versionId' | 'regionCode'>[],
  fields: Omit<Insertable<DB['bundleFormField']>, 'versionId' | 'regionCode'>[],
  materials: Omit<Insertable<DB['bundleMaterial']>, 'versionId' | 'regionCode'>[],
) {
  const v = await db
    .insertInto('bundleDefinitionVersion')
    .values(row)
    .returningAll()
    .executeTakeFirstOrThrow();
  const own = { regionCode: v.regionCode, versionId: v.id };
  await db
    .insertInto('bundleDefinitionItem')
    .values(items.map((i) => ({ ...i, ...own })))
    .execute();
  if (fields.length)
    await db
      .insertInto('bundleFormField')
      .values(fields.map((f) => ({ ...f, ...own })))
      .execute();
  if (materials.length)
    await db
      .insertInto('bundleMaterial')
      .values(materials.map((m) => ({ ...m, ...own })))
      .execute();
  return v;
}

const versionColumns = [
  'v.id as versionId',
  'v.definitionId',
  'v.regionCode',
  'd.code',
  'v.versionNo',
  'v.status',
  'v.name',
  'v.description',
  'v.licenseTypeCode',
  'v.licenseTypeName',
  'v.publishedAt',
] as const;

function versions(db: Executor) {
  return db
    .selectFrom('bundleDefinitionVersion as v')
    .innerJoin('bundleDefinition as d', (j) =>
      j.onRef('d.regionCode', '=', 'v.regionCode').onRef('d.id', '=', 'v.definitionId'),
    )
    .select(versionColumns);
}
export type VersionRow = Awaited<ReturnType<typeof findVersion>> & object;

/**
 * Where a version is looked for: its region, a scope (`regionLike`: the actor's region and below),
 * or, left out, every region — a theme applied for or shown on the public guide by its id alone,
 * the named region-free lookup of bundle_definition_version (CROSS_REGION).
 */
export type VersionScope = { regionCode: string } | { regionLike: string } | undefined;
function inScope<Q extends ReturnType<typeof versions>>(q: Q, scope: VersionScope): Q {
  if (!scope) return q;
  return (
    'regionCode' in scope
      ? q.where('v.regionCode', '=', scope.regionCode)
      : q.where('v.regionCode', 'like', scope.regionLike)
  ) as Q;
}

export function findVersion(db: Executor, versionId: string, scope?: VersionScope) {
  return inScope(versions(db), scope).where('v.id', '=', versionId).executeTakeFirst();
}

/** The published version of a definition, else its newest. */
export function findCurrentVersion(db: Executor, definitionId: string, scope?: VersionScope) {
  return inScope(versions(db), scope)
    .where('v.definitionId', '=', definitionId)
    .orderBy(sql`(v.status = 'published')`, 'desc')
    .orderBy('v.versionNo', 'desc')
    .limit(1)
    .executeTakeFirst();
}

export function listCurrentVersions(db: Executor, regionLike: string, publishedOnly: boolean) {
  let q = versions(db)
    .where('v.regionCode', 'like', regionLike)
    .where((eb) =>
      eb.or([
        eb('v.status', '=', 'published'),
        eb.not(
          eb.exists(
            eb
              .selectFrom('bundleDefinitionVersion as p')
              .select('p.id')
              .whereRef('p.regionCode', '=', 'v.regionCode')
              .whereRef('p.definitionId', '=', 'v.definitionId')
              .where((e2) =>
                e2.or([e2('p.status', '=', 'published'), e2('p.versionNo', '>', e2.ref('v.versionNo'))]),
              ),
          ),
        ),
      ]),
    );
  if (publishedOnly) q = q.where('v.status', '=', 'published');
  return q.orderBy('d.code').execute();
}

export async function versionParts(db: Executor, regionCode: string, versionId: string) {
  const [items, fields, materials] = await Promise.all([
    db
      .selectFrom('bundleDefinitionItem')
      .selectAll()
      .where('regionCode', '=', regionCode)
      .where('versionId', '=', versionId)
      .orderBy('sortOrder')
      .execute(),
    db
      .selectFrom('bundleFormField')
      .selectAll()
      .where('regionCode', '=', regionCode)
      .where('versionId', '=', versionId)
      .orderBy('sortOrder')
      .execute(),
    db
      .selectFrom('bundleMaterial')
      .selectAll()
      .where('regionCode', '=', regionCode)
      .where('versionId', '=', versionId)
      .orderBy('sortOrder')
      .execute(),
  ]);
  return { items, fields, materials };
}

export async function publishVersion(
  db: Executor,
  regionCode: string,
  definitionId: string,
  versionId: string,
  at: Date,
  by: string | null,
) {
  await db
    .updateTable('bundleDefinitionVersion')
    .set({ status: 'retired' })
    .where('regionCode', '=', regionCode)
    .where('definitionId', '=', definitionId)
    .where('status', '=', 'published')
    .execute();
  await db
    .updateTable('bundleDefinitionVersion')
    .set({ status: 'published', publishedAt: at, publishedBy: by })
    .where('regionCode', '=', regionCode)
    .where('id', '=', versionId)
    .execute();
}

// ── Bundle cases ──

export async function nextNumber(db: Executor, regionCode: string, name: string): Promise<number> {
  const r = await db
    .insertInto('bundleCounter')
    .values({ regionCode, name, last: 1 })
    .onConflict((oc) =>
      oc.columns(['regionCode', 'name']).doUpdateSet({ last: sql`bundle_counter.last + 1` }),
    )
    .returning('last')
    .executeTakeFirstOrThrow();
  return r.last;
}

/** The next number of a gap-free bundle counter as a statement for the caller's round trip. */
export function nextNumberQuery(
  db: Executor,
  regionCode: string,
  name: string,
): Compilable<{ last: number }> {
  return db
    .insertInto('bundleCounter')
    .values({ regionCode, name, last: 1 })
    .onConflict((oc) =>
      oc.columns(['regionCode', 'name']).doUpdateSet({ last: sql`bundle_counter.last + 1` }),
    )
    .returning('last');
}

// Writes as statements, for a use case that sends its writes in one batch (executeWrites).

export function insertBundle(db: Executor, row: Insertable<DB['bundleCase']>) {
  return db.insertInto('bundleCase').values(row);
}

export function insertBranches(db: Executor, rows: Insertable<DB['bundleBranch']>[]) {
  return db.insertInto('bundleBranch').values(rows);
}

/** Events of a bundle with their numbers given (a new bundle's, or after lastEventSeq under its lock). */
export function insertEvents(
  db: Executor,
  rows: {
    regionCode: string;
    bundleCaseId: string;
    seq: number;
    type: string;
    payload: Record<string, unknown>;
    actorId: string | null;
    at: Date;
  }[],
) {
  return db.insertInto('bundleEvent').values(rows.map((r) => ({ ...r, payload: JSON.stringify(r.payload) })));
}

/** A bundle by id within a scope (`regionLike`: the actor's region and below, regionScopeLike). */
export function findBundle(db: Executor, regionLike: string, id: string) {
  return db
    .selectFrom('bundleCase')
    .selectAll()
    .where('regionCode', 'like', regionLike)
    .where('id', '=', id)
    .executeTakeFirst();
}

/** The region a bundle number carries (`<region>-YJS-<day>-<serial>`, intake-bundle.ts), if any. */
export function regionOfBundleNo(bundleNo: string): string | null {
  return /^(\d{6}|\d{12})-YJS-/.exec(bundleNo)?.[1] ?? null;
}

/** A bundle by its number, in the region the number carries (issue 23: one shard). */
export function findBundleByNo(db: Executor, bundleNo: string) {
  const regionCode = regionOfBundleNo(bundleNo);
  if (!regionCode) return Promise.resolve(undefined);
  return db
    .selectFrom('bundleCase')
    .selectAll()
    .where('regionCode', '=', regionCode)
    .where('bundleNo', '=', bundleNo)
    .executeTakeFirst();
}

/** The join's lock: every branch transition of a bundle takes its row, so they pass one by one. */
export function lockBundle(db: Executor, regionCode: string, id: string) {
  return db
    .selectFrom('bundleCase')
    .selectAll()
    .where('regionCode', '=', regionCode)
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
}

/**
 * The bundle's row, locked: exclusively (FOR UPDATE) by what may change a branch's status and so the
 * bundle's, or shared (FOR SHARE) by a step that changes neither: shared holders pass side by side
 * and every status change waits for them.
 */
export function lockBundleQuery(db: Executor, regionCode: string, id: string, shared = false) {
  const q = db.selectFrom('bundleCase').selectAll().where('regionCode', '=', regionCode).where('id', '=', id);
  return shared ? q.forShare() : q.forUpdate();
}

/** The update of a bundle, as a statement: await it, or send it in a batch (executeWrites). */
export function updateBundle(db: Executor, row: BundleCaseRow, set: Updateable<DB['bundleCase']>) {
  return db
    .updateTable('bundleCase')
    .set({ ...set, version: row.version + 1 })
    .where('regionCode', '=', row.regionCode)
    .where('id', '=', row.id);
}

export function listBranchesQuery(db: Executor, regionCode: string, bundleId: string) {
  return db
    .selectFrom('bundleBranch')
    .selectAll()
    .where('regionCode', '=', regionCode)
    .where('bundleCaseId', '=', bundleId)
    .orderBy('caseNo');
}

/** A bundle's last event number (read under the bundle's lock: the next events follow it). */
export function lastEventSeqQuery(db: Executor, regionCode: string, bundleId: string) {
  return db
    .selectFrom('bundleEvent')
    .select(sql<number>`max(seq)`.as('seq'))
    .where('regionCode', '=', regionCode)
    .where('bundleCaseId', '=', bundleId);
}

export function listBranches(db: Executor, regionCode: string, bundleIds: readonly string[]) {
  if (bundleIds.length === 0) return Promise.resolve([] as BundleBranchRow[]);
  return db
    .selectFrom('bundleBranch')
    .selectAll()
    .where('regionCode', '=', regionCode)
    .where('bundleCaseId', 'in', bundleIds)
    .orderBy('caseNo')
    .execute();
}

/**
 * The branch a case is, if any: in the case's region (a branch's key is (region_code, case_id)); a
 * statement for executeBatch, or run on its own by findBranchByCase.
 */
export function findBranchByCaseQuery(db: Executor, regionCode: string, caseId: string) {
  return db
    .selectFrom('bundleBranch')
    .select(['regionCode', 'bundleCaseId'])
    .where('regionCode', '=', regionCode)
    .where('caseId', '=', caseId);
}

export function findBranchByCase(db: Executor, regionCode: string, caseId: string) {
  return findBranchByCaseQuery(db, regionCode, caseId).executeTakeFirst();
}

export function updateBranchWrite(
  db: Executor,
  regionCode: string,
  caseId: string,
  set: Updateable<DB['bundleBranch']>,
) {
  return db
    .updateTable('bundleBranch')
    .set(set)
    .where('regionCode', '=', regionCode)
    .where('caseId', '=', caseId);
}

export function updateBranch(
  db: Executor,
  regionCode: string,
  caseId: string,
  set: Updateable<DB['bundleBranch']>,
) {
  return db
    .updateTable('bundleBranch')
    .set(set)
    .where('regionCode', '=', regionCode)
    .where('caseId', '=', caseId)
    .execute();
}

export async function appendEvent(
  db: Executor,
  e: {
    regionCode: string;
    bundleCaseId: string;
    type: string;
    payload: Record<string, unknown>;
    actorId: string | null;
    at: Date;
  },
) {
  await db
    .insertInto('bundleEvent')
    .values((eb) => ({
      regionCode: e.regionCode,
      bundleCaseId: e.bundleCaseId,
      seq: eb
        .selectFrom('bundleEvent')
        .select(sql<number>`coalesce(max(seq), 0) + 1`.as('n'))
        .where('regionCode', '=', e.regionCode)
        .where('bundleCaseId', '=', e.bundleCaseId),
      type: e.type,
      payload: JSON.stringify(e.payload),
      actorId: e.actorId,
      at: e.at,
    }))
    .execute();
}

export function listEventsQuery(db: Executor, regionCode: string, bundleCaseId: string) {
  return db
    .selectFrom('bundleEvent')
    .selectAll()
    .where('regionCode', '=', regionCode)
    .where('bundleCaseId', '=', bundleCaseId)
    .orderBy('seq');
}

export function listEvents(db: Executor, regionCode: string, bundleCaseId: string) {
  return listEventsQuery(db, regionCode, bundleCaseId).execute();
}

export function listBundles(
  db: Executor,
  regionLike: string,
  q: { status?: string | undefined; limit: number; offset: number },
) {
  let base = db.selectFrom('bundleCase').where('regionCode', 'like', regionLike);
  if (q.status) base = base.where('status', '=', q.status as BundleCaseRow['status']);
  return Promise.all([
    base.selectAll().orderBy('receivedAt', 'desc').limit(q.limit).offset(q.offset).execute(),
    base.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
  ]);
}

export function listAllBundles(db: Executor, regionLike: string) {
  return db.selectFrom('bundleCase').selectAll().where('regionCode', 'like', regionLike).execute();
}

export function listBranchesInRegion(db: Executor, regionLike: string) {
  return db.selectFrom('bundleBranch').selectAll().where('regionCode', 'like', regionLike).execute();
}

// ── 一业一证 ──

export function insertLicense(db: Executor, row: Insertable<DB['bundleLicense']>) {
  return db.insertInto('bundleLicense').values(row);
}

export function findLicenseOfBundle(db: Executor, regionCode: string, bundleCaseId: string) {
  return db
    .selectFrom('bundleLicense')
    .selectAll()
    .where('regionCode', '=', regionCode)
    .where('bundleCaseId', '=', bundleCaseId)
    .executeTakeFirst();
}

/**
 * 一业一证 verification arrives with the token alone (a printed QR code): one region-free lookup,
 * named in CROSS_REGION (test/statement-check.ts).
 */
export function findLicenseByToken(db: Executor, token: string) {
  return db.selectFrom('bundleLicense').selectAll().where('verifyToken', '=', token).executeTakeFirst();
}
