import { GuideLang } from '@tongban/contracts';
import { sql, type Db, type Executor } from '../../platform/db';

/**
 * The public catalog's search index, one per process and database: the published versions' names,
 * pinyin and filter fields, sorted as the public list is (pinyin in byte order, then id). A search is
 * a linear scan of plain strings in memory — a millisecond over 20,000 items — where the same LIKE in
 * SQL costs a sequential scan of the versions table per request; a hit carries all the public list
 * shows, so a search reads only the revision from the database. The index is reloaded when
 * `catalog_revision` (moved by the application on every change to catalog versions or departments) has moved, so every
 * process sees a publish or a retirement on its next request.
 */
export type SearchEntry = {
  versionId: string;
  itemId: string;
  itemCode: string;
  regionCode: string;
  name: string;
  namePinyin: string;
  namePinyinInitials: string;
  departmentId: string;
  departmentName: string;
  itemType: string;
  handling: string | null;
  promisedLimitDays: number | null;
  onlineLevel: string | null;
  maxVisits: number | null;
  /** Languages the item's guide is written in, in the catalog's order (zh, en, ru, ko). */
  languages: GuideLang[];
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
  // Everything a public hit shows, so a search needs no further query (department names included:
  // a change to a department moves the revision too).
  const rows = await db
    .selectFrom('catalogItemVersion as v')
    .innerJoin('department as d', (j) =>
      j.onRef('d.regionCode', '=', 'v.regionCode').onRef('d.id', '=', 'v.departmentId'),
    )
    .innerJoin('catalogItem as i', (j) =>
      j.onRef('i.regionCode', '=', 'v.regionCode').onRef('i.id', '=', 'v.itemId'),
    )
    .select([
      'v.id as versionId',
      'v.itemId',
      'i.itemCode',
      'v.regionCode',
      'v.name',
      'v.namePinyin',
      'v.namePinyinInitials',
      'v.departmentId',
      'd.name as departmentName',
      'v.itemType',
      'v.handling',
      'v.promisedLimitDays',
      'v.onlineLevel',
      'v.maxVisits',
      'v.guides',
    ])
    .where('v.status', '=', 'published')
    .execute();
  const entries: SearchEntry[] = rows.map(({ guides, ...r }) => ({
    ...r,
    promisedLimitDays: r.promisedLimitDays === null ? null : Number(r.promisedLimitDays),
    maxVisits: r.maxVisits === null ? null : Number(r.maxVisits),
    languages: GuideLang.options.filter((l) => (guides as Record<string, unknown> | null)?.[l] !== undefined),
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

// A search scans one long string per field with indexOf (a tight native loop) instead of calling
// includes() on 20,000 short strings; each hit maps back to its entry by binary search.
const SEP = '\u0001';
type Haystack = { text: string; starts: Int32Array };
type Haystacks = { name: Haystack; pinyin: Haystack; initials: Haystack };
const haystacks = new WeakMap<readonly SearchEntry[], Haystacks>();

function buildHaystack(values: readonly string[]): Haystack {
  const starts = new Int32Array(values.length);
  let at = 0;
  values.forEach((v, i) => {
    starts[i] = at;
    at += v.length + 1;
  });
  return { text: values.join(SEP), starts };
}

function getHaystacks(entries: readonly SearchEntry[]): Haystacks {
  let h = haystacks.get(entries);
  if (!h) {
    h = {
      name: buildHaystack(entries.map((e) => e.name)),
      pinyin: buildHaystack(entries.map((e) => e.namePinyin)),
      initials: buildHaystack(entries.map((e) => e.namePinyinInitials)),
    };
    haystacks.set(entries, h);
  }
  return h;
}

function entryAt(starts: Int32Array, pos: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= pos) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Indices (ascending) of the entries whose value contains `needle`. */
function findContaining(h: Haystack, needle: string): number[] {
  if (needle.includes(SEP)) return [];
  const out: number[] = [];
  let from = 0;
  for (;;) {
    const pos = h.text.indexOf(needle, from);
    if (pos < 0) return out;
    const i = entryAt(h.starts, pos);
    out.push(i);
    // Next search starts at the following entry: each entry is counted once.
    from = i + 1 < h.starts.length ? h.starts[i + 1]! : h.text.length;
  }
}

function mergeSorted(a: number[], b: number[]): number[] {
  const out: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    const x = j >= b.length || (i < a.length && a[i]! <= b[j]!) ? a[i++]! : b[j++]!;
    if (out[out.length - 1] !== x) out.push(x);
  }
  return out;
}

export function searchEntries(
  entries: readonly SearchEntry[],
  f: SearchFilter,
  limit: number,
  offset: number,
): { total: number; ids: string[]; hits: SearchEntry[] } {
  let candidates: Iterable<number>;
  if (f.pinyin) {
    const h = getHaystacks(entries);
    candidates = mergeSorted(findContaining(h.initials, f.pinyin), findContaining(h.pinyin, f.pinyin));
  } else if (f.q) {
    candidates = findContaining(getHaystacks(entries).name, f.q);
  } else {
    candidates = entries.keys();
  }
  // The text has matched; the remaining filters are checked on the candidates only.
  const rest: SearchFilter = { ...f, q: undefined, pinyin: undefined };
  let total = 0;
  const hits: SearchEntry[] = [];
  for (const i of candidates) {
    const e = entries[i]!;
    if (!matchEntry(e, rest)) continue;
    if (total >= offset && hits.length < limit) hits.push(e);
    total++;
  }
  return { total, ids: hits.map((h) => h.versionId), hits };
}
