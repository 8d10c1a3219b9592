import { sql, type Db, type Executor } from '../../platform/db';

/**
 * The public catalog's search index, one per process and database: the published versions' names,
 * pinyin and filter fields, sorted as the public list is (pinyin in byte order, then id). A search is
 * a linear scan of plain strings in memory — a millisecond over 20,000 items — where the same LIKE in
 * SQL costs a sequential scan of the versions table per request. The index is reloaded when
 * `catalog_revision` (bumped by a trigger on every change to catalog versions) has moved, so every
 * process sees a publish or a retirement on its next request.
 */
export type SearchEntry = {
  versionId: string;
  regionCode: string;
  name: string;
  namePinyin: string;
  namePinyinInitials: string;
  departmentId: string;
  itemType: string;
  onlineLevel: string | null;
  maxVisits: number | null;
};

export type SearchFilter = {
  q?: string | undefined;
  pinyin?: string | undefined;
  regionCode?: string | undefined;
  departmentId?: string | undefined;
  itemType?: string | undefined;
  onlineLevel?: string | undefined;
  maxVisits?: number | undefined;
};

type Loaded = { revision: number; entries: SearchEntry[] };
const indexes = new WeakMap<Db, { current?: Loaded; loading?: Promise<Loaded> }>();

async function readRevision(db: Executor): Promise<number> {
  const r = await sql<{
    revision: number;
  }>`select revision::int as revision from catalog_revision where id = 1`.execute(db);
  return r.rows[0]?.revision ?? 0;
}

async function loadEntries(db: Executor, revision: number): Promise<Loaded> {
  const rows = await db
    .selectFrom('catalogItemVersion')
    .select([
      'id as versionId',
      'regionCode',
      'name',
      'namePinyin',
      'namePinyinInitials',
      'departmentId',
      'itemType',
      'onlineLevel',
      'maxVisits',
    ])
    .where('status', '=', 'published')
    .execute();
  const entries: SearchEntry[] = rows.map((r) => ({
    ...r,
    maxVisits: r.maxVisits === null ? null : Number(r.maxVisits),
  }));
  entries.sort((a, b) => compareBytes(a.namePinyin, b.namePinyin) || compareBytes(a.versionId, b.versionId));
  return { revision, entries };
}

// Code-unit order equals byte order for the ASCII pinyin and the uuids compared here.
function compareBytes(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export async function getSearchEntries(db: Db): Promise<SearchEntry[]> {
  let slot = indexes.get(db);
  if (!slot) indexes.set(db, (slot = {}));
  const revision = await readRevision(db);
  if (slot.current?.revision === revision) return slot.current.entries;
  if (!slot.loading) {
    slot.loading = loadEntries(db, revision).finally(() => {
      slot.loading = undefined;
    });
  }
  const loaded = await slot.loading;
  slot.current = loaded;
  return loaded.entries;
}

/** Same meaning as the SQL it replaces: substring match on the name, or on either pinyin column. */
export function matchEntry(e: SearchEntry, f: SearchFilter): boolean {
  if (f.pinyin) {
    if (!e.namePinyinInitials.includes(f.pinyin) && !e.namePinyin.includes(f.pinyin)) return false;
  } else if (f.q && !e.name.includes(f.q)) return false;
  if (f.regionCode && e.regionCode !== f.regionCode) return false;
  if (f.departmentId && e.departmentId !== f.departmentId) return false;
  if (f.itemType && e.itemType !== f.itemType) return false;
  if (f.onlineLevel && e.onlineLevel !== f.onlineLevel) return false;
  // As in SQL, an item without a value never passes a filter on it.
  if (f.maxVisits !== undefined && (e.maxVisits === null || e.maxVisits > f.maxVisits)) return false;
  return true;
}

export function searchEntries(
  entries: readonly SearchEntry[],
  f: SearchFilter,
  limit: number,
  offset: number,
): { total: number; ids: string[] } {
  let total = 0;
  const ids: string[] = [];
  for (const e of entries) {
    if (!matchEntry(e, f)) continue;
    if (total >= offset && ids.length < limit) ids.push(e.versionId);
    total++;
  }
  return { total, ids };
}
