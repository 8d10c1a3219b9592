import type { Insertable, Selectable, Updateable } from 'kysely';
import { sql, type Db, type Executor } from '../../platform/db';
import { getSearchEntries, searchEntries, type SearchFilter } from './catalog-search-index';
import type {
  CatalogItemTable,
  CatalogItemVersionTable,
  CatalogMaterialTable,
} from '../../platform/db-types';

/**
 * An item by its id alone, in whatever region (ADR 0006, named in CROSS_REGION): a staff route or a
 * public guide link arrives with the item's id only, and a county's staff work their townships'
 * items. Everything after names the item's region.
 */
export const findItemAnyRegion = (db: Executor, id: string) =>
  db.selectFrom('catalogItem').selectAll().where('id', '=', id).executeTakeFirst();
export const findItem = (db: Executor, regionCode: string, id: string) =>
  db
    .selectFrom('catalogItem')
    .selectAll()
    .where('regionCode', '=', regionCode)
    .where('id', '=', id)
    .executeTakeFirst();
/** Items by id, in the regions of the versions that name them. */
export const findItems = (db: Executor, regionCodes: readonly string[], ids: readonly string[]) =>
  db
    .selectFrom('catalogItem')
    .selectAll()
    .where('regionCode', 'in', [...new Set(regionCodes)])
    .where('id', 'in', [...new Set(ids)])
    .execute();
export const findItemByCode = (db: Executor, regionCode: string, itemCode: string) =>
  db
    .selectFrom('catalogItem')
    .selectAll()
    .where('regionCode', '=', regionCode)
    .where('itemCode', '=', itemCode)
    .executeTakeFirst();
export const insertItem = (db: Executor, row: Insertable<CatalogItemTable>) =>
  db.insertInto('catalogItem').values(row).returningAll().executeTakeFirstOrThrow();
export const updateItem = (db: Executor, regionCode: string, id: string, row: Updateable<CatalogItemTable>) =>
  db.updateTable('catalogItem').set(row).where('regionCode', '=', regionCode).where('id', '=', id).execute();

/**
 * A version by its id alone, in whatever region (named in CROSS_REGION): `/api/catalog/versions/:id`
 * and another module's pinned version id arrive alone. What follows names the version's region.
 */
export const findVersionRowAnyRegion = (db: Executor, id: string) =>
  db.selectFrom('catalogItemVersion').selectAll().where('id', '=', id).executeTakeFirst();
export const findVersionRow = (db: Executor, regionCode: string, id: string) =>
  db
    .selectFrom('catalogItemVersion')
    .selectAll()
    .where('regionCode', '=', regionCode)
    .where('id', '=', id)
    .executeTakeFirst();
export const findVersionRowByStatus = (
  db: Executor,
  regionCode: string,
  itemId: string,
  status: 'draft' | 'published',
) =>
  db
    .selectFrom('catalogItemVersion')
    .selectAll()
    .where('regionCode', '=', regionCode)
    .where('itemId', '=', itemId)
    .where('status', '=', status)
    .executeTakeFirst();
/**
 * An item's live version by the item's id alone (named in CROSS_REGION): an applicant's or another
 * module's item id (a public guide, an application, a bundle) arrives without its region.
 */
export const findPublishedRowAnyRegion = (db: Executor, itemId: string) =>
  db
    .selectFrom('catalogItemVersion')
    .selectAll()
    .where('itemId', '=', itemId)
    .where('status', '=', 'published')
    .executeTakeFirst();
/** An item's published version id, as a statement for another module's round trip (executeBatch). */
export const publishedVersionIdQuery = (db: Executor, regionCode: string, itemId: string) =>
  db
    .selectFrom('catalogItemVersion')
    .select('id')
    .where('regionCode', '=', regionCode)
    .where('itemId', '=', itemId)
    .where('status', '=', 'published');
export const findPublishedVersionId = (db: Executor, regionCode: string, itemId: string) =>
  publishedVersionIdQuery(db, regionCode, itemId).executeTakeFirst();
/** The same by the item's id alone (named in CROSS_REGION): an application arrives with the item id. */
export const findPublishedVersionIdAnyRegion = (db: Executor, itemId: string) =>
  db
    .selectFrom('catalogItemVersion')
    .select('id')
    .where('itemId', '=', itemId)
    .where('status', '=', 'published')
    .executeTakeFirst();
export const findLatestVersionRow = (db: Executor, regionCode: string, itemId: string) =>
  db
    .selectFrom('catalogItemVersion')
    .selectAll()
    .where('regionCode', '=', regionCode)
    .where('itemId', '=', itemId)
    .orderBy('versionNo', 'desc')
    .limit(1)
    .executeTakeFirst();
export const listVersionRows = (db: Executor, regionCode: string, itemId: string) =>
  db
    .selectFrom('catalogItemVersion')
    .select([
      'id',
      'versionNo',
      'status',
      'name',
      'createdAt',
      'createdBy',
      'publishedAt',
      'publishedBy',
      'supersededAt',
    ])
    .where('regionCode', '=', regionCode)
    .where('itemId', '=', itemId)
    .orderBy('versionNo', 'desc')
    .execute();
/**
 * Moves `catalog_revision`, which tells every process to reload its public search index. Every
 * change to catalog versions calls it in the same transaction (and org, when a department changes);
 * it was a trigger until Citus (ADR 0006: a trigger on a distributed table may not write elsewhere).
 */
export const bumpCatalogRevision = (db: Executor) =>
  db
    .updateTable('catalogRevision')
    .set((eb) => ({ revision: eb('revision', '+', 1) }))
    .where('id', '=', 1)
    .execute();

export async function insertVersion(db: Executor, row: Insertable<CatalogItemVersionTable>) {
  const v = await db.insertInto('catalogItemVersion').values(row).returningAll().executeTakeFirstOrThrow();
  await bumpCatalogRevision(db);
  return v;
}
export async function updateVersion(
  db: Executor,
  regionCode: string,
  id: string,
  row: Updateable<CatalogItemVersionTable>,
) {
  const v = await db
    .updateTable('catalogItemVersion')
    .set(row)
    .where('regionCode', '=', regionCode)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
  await bumpCatalogRevision(db);
  return v;
}
/** Retiring an item retires its live and pending versions; history stays superseded. */
export async function retireVersions(db: Executor, regionCode: string, itemId: string) {
  const r = await db
    .updateTable('catalogItemVersion')
    .set({ status: 'retired' })
    .where('regionCode', '=', regionCode)
    .where('itemId', '=', itemId)
    .where('status', 'in', ['draft', 'published'])
    .execute();
  await bumpCatalogRevision(db);
  return r;
}

/** The materials of versions, in the versions' regions. */
export const listMaterials = (db: Executor, regionCodes: readonly string[], versionIds: readonly string[]) =>
  versionIds.length === 0
    ? Promise.resolve([])
    : db
        .selectFrom('catalogMaterial')
        .selectAll()
        .where('regionCode', 'in', [...new Set(regionCodes)])
        .where('versionId', 'in', versionIds)
        .orderBy('versionId')
        .orderBy('sortOrder')
        .execute();
export const deleteMaterials = (db: Executor, regionCode: string, versionId: string) =>
  db
    .deleteFrom('catalogMaterial')
    .where('regionCode', '=', regionCode)
    .where('versionId', '=', versionId)
    .execute();
export const insertMaterials = (db: Executor, rows: Insertable<CatalogMaterialTable>[]) =>
  rows.length === 0
    ? Promise.resolve()
    : db
        .insertInto('catalogMaterial')
        .values(rows)
        .execute()
        .then(() => undefined);

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** Staff list: one row per item, showing its newest version and its live one. */
export async function listStaffItems(
  db: Executor,
  f: {
    like: string;
    q?: string | undefined;
    pinyin?: string | undefined;
    status?: 'draft' | 'published' | 'retired' | undefined;
    departmentId?: string | undefined;
    departmentIds?: readonly string[] | undefined;
    itemType?: Selectable<CatalogItemVersionTable>['itemType'] | undefined;
    limit: number;
    offset: number;
  },
) {
  let q = db
    .selectFrom('catalogItem as i')
    .innerJoin('catalogItemVersion as v', (j) =>
      j
        .onRef('v.regionCode', '=', 'i.regionCode')
        .onRef('v.itemId', '=', 'i.id')
        .on(
          'v.versionNo',
          '=',
          sql<number>`(select max(x.version_no) from catalog_item_version x where x.region_code = i.region_code and x.item_id = i.id)`,
        ),
    )
    .innerJoin('department as d', (j) =>
      j.onRef('d.regionCode', '=', 'v.regionCode').onRef('d.id', '=', 'v.departmentId'),
    )
    .leftJoin('catalogItemVersion as p', (j) =>
      j
        .onRef('p.regionCode', '=', 'i.regionCode')
        .onRef('p.itemId', '=', 'i.id')
        .on('p.status', '=', 'published'),
    )
    .where('i.regionCode', 'like', f.like);
  if (f.q) {
    const like = `%${escapeLike(f.q)}%`;
    const py = f.pinyin ? `%${escapeLike(f.pinyin)}%` : undefined;
    q = q.where((eb) =>
      eb.or([
        eb('v.name', 'ilike', like),
        eb('i.itemCode', 'ilike', like),
        ...(py ? [eb('v.namePinyinInitials', 'like', py), eb('v.namePinyin', 'like', py)] : []),
      ]),
    );
  }
  if (f.status === 'retired') q = q.where('i.retiredAt', 'is not', null);
  if (f.status === 'published') q = q.where('p.id', 'is not', null);
  if (f.status === 'draft') q = q.where('v.status', '=', 'draft');
  if (f.departmentId) q = q.where('v.departmentId', '=', f.departmentId);
  if (f.departmentIds) q = q.where('v.departmentId', 'in', f.departmentIds.length ? f.departmentIds : ['']);
  if (f.itemType) q = q.where('v.itemType', '=', f.itemType);
  return q
    .select([
      'i.id',
      'i.regionCode',
      'i.itemCode',
      'i.retiredAt',
      'v.id as latestVersionId',
      'v.versionNo as latestVersionNo',
      'v.status as latestStatus',
      'v.name',
      'v.itemType',
      'v.departmentId',
      'd.name as departmentName',
      'v.createdAt as updatedAt',
      'p.id as publishedVersionId',
      'p.versionNo as publishedVersionNo',
      sql<number>`count(*) over ()`.as('total'),
    ])
    .orderBy('v.name')
    .orderBy('i.itemCode')
    .limit(f.limit)
    .offset(f.offset)
    .execute();
}

/** The public catalog: published versions only, matched and paged by the in-memory search index. */
export async function searchPublished(db: Db, f: SearchFilter & { limit: number; offset: number }) {
  const { total, hits } = searchEntries(await getSearchEntries(db), f, f.limit, f.offset);
  return { total, rows: hits };
}

export const listPublishedForFigures = (db: Executor, like: string) =>
  db
    .selectFrom('catalogItemVersion as v')
    .innerJoin('department as d', (j) =>
      j.onRef('d.regionCode', '=', 'v.regionCode').onRef('d.id', '=', 'v.departmentId'),
    )
    .select([
      'v.itemId',
      'v.name',
      'v.itemType',
      'v.departmentId',
      'd.name as departmentName',
      'v.onlineLevel',
      'v.maxVisits',
      'v.hallExemption',
    ])
    .where('v.status', '=', 'published')
    .where('v.regionCode', 'like', like)
    .execute();

export const listPublishedRows = (db: Executor, regionCode: string) =>
  db
    .selectFrom('catalogItemVersion as v')
    .innerJoin('catalogItem as i', (j) =>
      j.onRef('i.regionCode', '=', 'v.regionCode').onRef('i.id', '=', 'v.itemId'),
    )
    .selectAll('v')
    .select('i.itemCode')
    .where('v.status', '=', 'published')
    .where('v.regionCode', '=', regionCode)
    .orderBy('i.itemCode')
    .execute();

/** Whether a region has any item (the demo seeds an empty catalog only). */
export const anyItemIn = (db: Executor, regionCode: string) =>
  db.selectFrom('catalogItem').select('id').where('regionCode', '=', regionCode).limit(1).executeTakeFirst();

/** The published versions' item ids and names of a region. */
export const listPublishedNames = (db: Executor, regionCode: string) =>
  db
    .selectFrom('catalogItemVersion')
    .select(['itemId', 'name'])
    .where('regionCode', '=', regionCode)
    .where('status', '=', 'published')
    .execute();
