// A read-only feed of cases for the supervision module (issue 16: SUP-1, RATE-1, TRUTH-1). It reads
// the cases module's own tables and hands back each case as its events add up to, so supervision
// never queries case tables itself. Nothing here writes.
import { regionPrefix } from '@tongban/contracts';
import { sql } from 'kysely';
import { regionFree, type Executor } from '../../platform/db';
import { keyIn, type CaseKey } from './cases.repository';
import { replayCase, type CaseEvent, type CaseState } from './cases.policy';
import { toCaseEvent } from './cases.service';

export type { CaseEvent, CaseState };
/** A case's events added up (the same replay the cases module stores, TRUTH-1). */
export { replayCase };

/** One case with its whole event log and the state it replays to (TRUTH-1). */
export type CaseHistory = {
  id: string;
  regionCode: string;
  caseNo: string;
  departmentId: string;
  itemId: string;
  itemVersionId: string;
  events: CaseEvent[];
  state: CaseState;
};

/**
 * A case's full key (its region and id): since issue 23 every key of the case tables starts with
 * region_code, so reads by id alone cannot use an index and scan the tables; the feed reads by key.
 */
export type { CaseKey };

/** Statuses whose clock still runs (or waits): the cases the supervisor watches. */
export const OPEN_CASE_STATUSES = ['submitted', 'supplement_requested', 'accepted', 'decided'] as const;

/**
 * A case whose events changed since the supervision job last read it (case_change): its region,
 * id and newest event seq when marked. The job acknowledges it once acted on.
 */
export type CaseChangeMark = { regionCode: string; caseId: string; seq: number };

/**
 * The cases marked changed, after `after` in (region, case) order, at most `limit`. One read over
 * every region's marks (a named cross-region statement, ADR 0006): the job serves them all.
 */
export async function listChangedCases(
  db: Executor,
  after: Pick<CaseChangeMark, 'regionCode' | 'caseId'> | null,
  limit: number,
): Promise<CaseChangeMark[]> {
  let q = db
    .selectFrom('caseChange')
    .select(['regionCode', 'caseId', 'seq'])
    .orderBy('regionCode')
    .orderBy('caseId')
    .limit(limit);
  if (after)
    q = q.where((eb) =>
      eb(eb.refTuple('regionCode', 'caseId'), '>', eb.tuple(after.regionCode, after.caseId)),
    );
  return q.execute();
}

/**
 * Clears the marks the job has acted on, each only if its case has not changed again since it was
 * read (a later transition moved seq on: the mark stays for the next pass). One statement per
 * region and thousand marks.
 */
export async function acknowledgeChangedCases(db: Executor, marks: readonly CaseChangeMark[]): Promise<void> {
  const byRegion = new Map<string, CaseChangeMark[]>();
  for (const m of marks) {
    const list = byRegion.get(m.regionCode);
    if (list) list.push(m);
    else byRegion.set(m.regionCode, [m]);
  }
  for (const [regionCode, list] of byRegion)
    for (let i = 0; i < list.length; i += 1000) {
      const chunk = list.slice(i, i + 1000);
      await db
        .deleteFrom('caseChange')
        .where('regionCode', '=', regionCode)
        .where((eb) =>
          eb(
            eb.refTuple('caseId', 'seq'),
            'in',
            chunk.map((m) => eb.tuple(m.caseId, m.seq)),
          ),
        )
        .execute();
    }
}

/** Ids of the open cases of a region and the regions below it (its calendar applies to them). */
export async function listOpenCaseIds(db: Executor, regionCode: string | null): Promise<string[]> {
  let q = db
    .selectFrom('serviceCase')
    .select('id')
    .where('status', 'in', [...OPEN_CASE_STATUSES]);
  if (regionCode !== null) q = q.where('regionCode', 'like', `${regionPrefix(regionCode)}%`);
  else q = q.modifyEnd(regionFree('cases.open-case-keys'));
  return (await q.execute()).map((r) => r.id);
}

/** Keys of the open cases of a region and the regions below it (read by the region's index). */
export async function listOpenCaseKeys(db: Executor, regionCode: string | null): Promise<CaseKey[]> {
  let q = db
    .selectFrom('serviceCase')
    .select(['regionCode', 'id'])
    .where('status', 'in', [...OPEN_CASE_STATUSES]);
  if (regionCode !== null) q = q.where(regionRange(regionCode));
  else q = q.modifyEnd(regionFree('cases.open-case-keys'));
  return q.execute();
}

/** One page of every case's key, in key order after `after` (a full rebuild walks them all). */
export async function listCaseKeysAfter(
  db: Executor,
  after: CaseKey | null,
  limit: number,
): Promise<CaseKey[]> {
  let q = db.selectFrom('serviceCase').select(['regionCode', 'id']);
  if (after) q = q.where(sql<boolean>`(region_code, id) > (${after.regionCode}, ${after.id}::uuid)`);
  return q
    .orderBy('regionCode')
    .orderBy('id')
    .limit(limit)
    .modifyEnd(regionFree('cases.walk-all-cases'))
    .execute();
}

/** The cases of the keys given, each with its events replayed, read by the keys' indexes. */
export async function readCaseHistoriesByKey(db: Executor, keys: readonly CaseKey[]): Promise<CaseHistory[]> {
  if (keys.length === 0) return [];
  const [cases, events] = await Promise.all([
    db
      .selectFrom('serviceCase')
      .select(['id', 'regionCode', 'caseNo', 'departmentId', 'itemId', 'itemVersionId'])
      .where(keyIn('id', keys))
      .execute(),
    db
      .selectFrom('caseEvent')
      .selectAll()
      .where(keyIn('case_id', keys))
      .orderBy('caseId')
      .orderBy('seq')
      .execute(),
  ]);
  return withEvents(cases, events);
}

/** The cases named, each with its events replayed (missing ids are left out). */
export async function readCaseHistories(db: Executor, caseIds: readonly string[]): Promise<CaseHistory[]> {
  if (caseIds.length === 0) return [];
  const [cases, events] = await Promise.all([
    db
      .selectFrom('serviceCase')
      .select(['id', 'regionCode', 'caseNo', 'departmentId', 'itemId', 'itemVersionId'])
      .where('id', 'in', [...caseIds])
      .modifyEnd(regionFree('cases.case-histories-by-id'))
      .execute(),
    db
      .selectFrom('caseEvent')
      .selectAll()
      .where('caseId', 'in', [...caseIds])
      .orderBy('caseId')
      .orderBy('seq')
      .modifyEnd(regionFree('cases.case-histories-by-id'))
      .execute(),
  ]);
  return withEvents(cases, events);
}

/**
 * TRUTH-1's independent path: every case of a region (and below) that was received or decided in
 * [from, to) — judged from the events themselves, not from any projection — with its events.
 */
export async function readCaseHistoriesInPeriod(
  db: Executor,
  regionCode: string,
  from: Date,
  to: Date,
): Promise<CaseHistory[]> {
  const ids = await sql<CaseKey>`
    select distinct region_code as "regionCode", case_id as id from case_event
    where ${regionRange(regionCode)} and type in ('submitted', 'supplement_received', 'decided')
      and at >= ${from} and at < ${to}`.execute(db);
  const out: CaseHistory[] = [];
  const all = ids.rows;
  for (let i = 0; i < all.length; i += 2000)
    out.push(...(await readCaseHistoriesByKey(db, all.slice(i, i + 2000))));
  return out;
}

/**
 * `region_code like '3509%'` as the range [prefix, prefix + 1) the keys' indexes serve (region codes
 * are digits; a LIKE cannot use them under a non-C collation).
 */
function regionRange(regionCode: string) {
  const prefix = regionPrefix(regionCode);
  const digits = prefix.split('');
  let i = digits.length - 1;
  while (i >= 0 && digits[i] === '9') digits[i--] = '0';
  if (i < 0) return sql<boolean>`region_code >= ${prefix}`;
  digits[i] = String(Number(digits[i]) + 1);
  return sql<boolean>`region_code >= ${prefix} and region_code < ${digits.join('')}`;
}

type CaseKeys = Omit<CaseHistory, 'events' | 'state'>;
type EventRow = Parameters<typeof toCaseEvent>[0];

function withEvents(cases: CaseKeys[], events: EventRow[]): CaseHistory[] {
  const byCase = new Map<string, CaseEvent[]>();
  for (const e of events) {
    const list = byCase.get(e.caseId) ?? [];
    list.push(toCaseEvent(e));
    byCase.set(e.caseId, list);
  }
  return cases.map((c) => {
    const evs = byCase.get(c.id) ?? [];
    return { ...c, events: evs, state: replayCase(evs) };
  });
}
