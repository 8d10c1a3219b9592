import {
  addWorkingDays,
  compileCalendar,
  computeCaseClock,
  daysFromChineseDays,
  explainCaseClock,
  explainSkippedDays,
  getDayInfo,
  isProvisionalDate,
  listDayInfos,
  toDayNumber,
  toEndOfShanghaiDay,
  type CalendarDay,
  type CaseClock,
  type CaseClockInput,
  type CompiledCalendar,
  type DayNote as PureDayNote,
  type LimitClock,
} from '@tongban/calendar';
import {
  regionCovers,
  type CalendarDays,
  type CalendarDaysQuery,
  type CalendarStatus,
  type CaseClockView,
  type ClockExplanation,
  type ClockExplanationInput,
  type DayNote,
  type DeadlineQuery,
  type DeadlineResult,
  type LocalDay,
  type LocalDayInput,
} from '@tongban/contracts';
import { assertAccess, type Actor } from '../../platform/access';
import type { Deps } from '../../platform/app-types';
import { runCommand } from '../../platform/command';
import type { BatchRead, Db, Executor } from '../../platform/db';
import { shanghaiToday } from '../../platform/time';
import { CalendarModuleError, fromPureError } from './calendar.errors';
import {
  checkLocalDayUseful,
  checkSpan,
  describeDayNote,
  getCalendarRange,
  isNextYearMissing,
  mergeLocalDays,
} from './calendar.policy';
import * as repo from './calendar.repository';
import type { RegionChainRow } from './calendar.repository';

type LocalDayRecord = Awaited<ReturnType<typeof repo.findLocalDay>> & {};

/** A region's compiled calendar and what it was built from. */
export type RegionCalendar = {
  regionCode: string;
  regionName: string;
  calendar: CompiledCalendar;
  /** The local day deciding each date (the region's own or inherited from a region above). */
  localByDate: ReadonlyMap<string, LocalDayRecord>;
};

type NationalEntry = { revision: number; days: CalendarDay[]; dataThroughYear: number | undefined };
type CacheState = {
  national?: NationalEntry;
  regions: Map<string, { fingerprint: string; value: RegionCalendar }>;
};

// One cache per database handle (tests open several in one process). Entries are checked against
// calendar_revision on every read, so a change made by another server process is seen at once; a
// change made here also drops the entries it affects right after commit.
const caches = new WeakMap<Db, CacheState>();
function cacheOf(db: Db): CacheState {
  let state = caches.get(db);
  if (!state) {
    state = { regions: new Map() };
    caches.set(db, state);
  }
  return state;
}

function invalidateRegion(db: Db, regionCode: string) {
  const { regions } = cacheOf(db);
  for (const key of regions.keys()) if (regionCovers(regionCode, key)) regions.delete(key);
}

function currentYear(deps: Deps): number {
  return Number(shanghaiToday(deps.clock.now()).slice(0, 4));
}

function withPureErrors<T>(fn: () => T): T {
  try {
    return fn();
  } catch (err) {
    throw fromPureError(err);
  }
}

// ── National days ────────────────────────────────────────────────────────

/**
 * CAL-1/CAL-2: copies the national days of chinese-days into national_day for every year it carries
 * that the table does not have yet (all of them on an empty table). Called at start after the
 * migrations; safe with several processes starting at once. Returns the years loaded.
 */
export async function loadNationalDays(
  db: Db,
  source: () => CalendarDay[] = daysFromChineseDays,
): Promise<number[]> {
  const days = source().filter((d) => d.kind === 'holiday' || d.kind === 'workday');
  const sourceYears = new Set(days.map((d) => Number(d.date.slice(0, 4))));
  const known = new Set(await repo.listNationalYears(db));
  if ([...sourceYears].every((y) => known.has(y))) return [];
  return db.transaction().execute(async (tx) => {
    await repo.lockNationalLoad(tx);
    const present = new Set(await repo.listNationalYears(tx));
    const missing = [...sourceYears].filter((y) => !present.has(y)).sort((a, b) => a - b);
    if (missing.length === 0) return [];
    const wanted = new Set(missing);
    const rows = days
      .filter((d) => wanted.has(Number(d.date.slice(0, 4))))
      .map((d) => ({ date: d.date, kind: d.kind as 'holiday' | 'workday', name: d.name ?? '' }));
    await repo.insertNationalDays(tx, rows);
    await repo.bumpRevision(tx, repo.NATIONAL_SCOPE);
    return missing;
  });
}

async function getNational(state: CacheState, db: Executor, revision: number): Promise<NationalEntry> {
  if (state.national && state.national.revision === revision) return state.national;
  const rows = await repo.listNationalDays(db);
  const days: CalendarDay[] = rows.map((r) =>
    r.name ? { date: r.date, kind: r.kind, name: r.name } : { date: r.date, kind: r.kind },
  );
  const last = rows.at(-1);
  const entry = { revision, days, dataThroughYear: last ? Number(last.date.slice(0, 4)) : undefined };
  state.national = entry;
  return entry;
}

// ── Compiled calendars ───────────────────────────────────────────────────

/**
 * The compiled calendar of a region with what it was built from; 404 for an unknown region. `db`
 * is where to read (an open transaction, when the caller is in one); the cache belongs to `deps.db`.
 */
export async function getRegionCalendar(
  deps: Deps,
  regionCode: string,
  db: Executor = deps.db,
): Promise<RegionCalendar> {
  // Revisions first, data after: a change committing in between makes the next read rebuild.
  return regionCalendarOf(deps, regionCode, await repo.listRegionChain(db, regionCode), db);
}

/**
 * getCalendar as a read another module sends in its own round trip (executeBatch): the revision
 * check is its statement; the cached calendar, or one rebuilt from the data, is what it finishes to.
 */
export function calendarRead(deps: Deps, regionCode: string, db: Executor): BatchRead<CompiledCalendar> {
  return {
    query: repo.regionChainQuery(db, regionCode),
    finish: async (rows) => (await regionCalendarOf(deps, regionCode, rows as RegionChainRow[], db)).calendar,
  };
}

async function regionCalendarOf(
  deps: Deps,
  regionCode: string,
  chain: RegionChainRow[],
  db: Executor,
): Promise<RegionCalendar> {
  if (chain.length === 0)
    throw new CalendarModuleError('CALENDAR_REGION_NOT_FOUND', undefined, { regionCode });
  const state = cacheOf(deps.db);
  const national = await getNational(state, db, chain[0]!.nationalRevision);
  const year = currentYear(deps);
  const fingerprint = [national.revision, year, ...chain.map((c) => `${c.code}:${c.revision}`)].join('|');
  const hit = state.regions.get(regionCode);
  if (hit && hit.fingerprint === fingerprint) return hit.value;

  const localRows = await repo.listLocalDays(
    db,
    chain.map((c) => c.code),
  );
  const localByDate = mergeLocalDays(localRows);
  const local: CalendarDay[] = [...localByDate.values()].map((r) => ({
    date: r.date,
    kind: r.kind,
    name: r.reason,
  }));
  const calendar = withPureErrors(() =>
    compileCalendar(national.days, { ...getCalendarRange(national.dataThroughYear, year), local }),
  );
  const value: RegionCalendar = { regionCode, regionName: chain[0]!.name, calendar, localByDate };
  state.regions.set(regionCode, { fingerprint, value });
  return value;
}

/**
 * CAL-1/CAL-2: the working-day calendar of a region as it is now — national days, then the local days
 * of the region and of every region above it. For the cases module: deadlines are derived from this
 * on every read, never stored (docs/adr/0001-deadlines-derived-from-calendar.md).
 */
export async function getCalendar(
  deps: Deps,
  regionCode: string,
  db: Executor = deps.db,
): Promise<CompiledCalendar> {
  return (await getRegionCalendar(deps, regionCode, db)).calendar;
}

function assertInRange(calendar: CompiledCalendar, ...dates: string[]) {
  for (const date of dates) {
    if (date < calendar.from || date > calendar.to) {
      throw new CalendarModuleError(
        'CALENDAR_DATE_OUT_OF_RANGE',
        `日期 ${date} 超出工作日历的覆盖范围（${calendar.from} 至 ${calendar.to}）`,
        { date, from: calendar.from, to: calendar.to },
      );
    }
  }
}

const toLocalDay = (r: LocalDayRecord): LocalDay => ({
  id: r.id,
  regionCode: r.regionCode,
  date: r.date,
  kind: r.kind,
  reason: r.reason,
  createdBy: r.createdBy,
  createdAt: new Date(r.createdAt).toISOString(),
});

const toDayNote = (n: PureDayNote): DayNote => ({ ...n, text: describeDayNote(n) });

// ── Queries ──────────────────────────────────────────────────────────────

/** The month (or any span up to 400 days) view: every day's status, name and deciding local day. */
export async function listDays(deps: Deps, actor: Actor, q: CalendarDaysQuery): Promise<CalendarDays> {
  assertAccess(actor, 'calendar.read', { regionCode: q.regionCode });
  const spanError = checkSpan(q.from, q.to);
  if (spanError) throw new CalendarModuleError(spanError, `一次最多查询 400 天`);
  const rc = await getRegionCalendar(deps, q.regionCode);
  assertInRange(rc.calendar, q.from, q.to);
  const days = withPureErrors(() => listDayInfos(rc.calendar, q.from, q.to)).map((info) => {
    const local = rc.localByDate.get(info.date);
    return {
      ...info,
      ...(local ? { localDay: { ...toLocalDay(local), inherited: local.regionCode !== q.regionCode } } : {}),
    };
  });
  return { regionCode: q.regionCode, regionName: rc.regionName, from: q.from, to: q.to, days };
}

/** CAL-1: the n-th working day strictly after start, with the days that did not count and why. */
export async function computeDeadline(deps: Deps, actor: Actor, q: DeadlineQuery): Promise<DeadlineResult> {
  assertAccess(actor, 'calendar.read', { regionCode: q.regionCode });
  const { calendar } = await getRegionCalendar(deps, q.regionCode);
  assertInRange(calendar, q.start);
  const deadline = withPureErrors(() => addWorkingDays(calendar, q.start, q.n));
  const explanation = withPureErrors(() => explainSkippedDays(calendar, { from: q.start, to: deadline })).map(
    toDayNote,
  );
  return {
    regionCode: q.regionCode,
    start: q.start,
    n: q.n,
    deadline,
    endsAt: toEndOfShanghaiDay(deadline).toISOString(),
    calendarDays: toDayNumber(deadline) - toDayNumber(q.start),
    explanation,
    provisional: isProvisionalDate(calendar, deadline),
  };
}

const optionalDate = (v: string | undefined) => (v === undefined ? undefined : new Date(v));

function toLimitView<T extends LimitClock>(c: T): Omit<T, 'deadlineAt'> & { deadlineAt: string } {
  return { ...c, deadlineAt: c.deadlineAt.toISOString() };
}

function toClockView(c: CaseClock): CaseClockView {
  return {
    today: c.today,
    phase: c.phase,
    state: c.state,
    acceptance: toLimitView(c.acceptance),
    ...(c.decision
      ? {
          decision: {
            ...c.decision,
            legal: toLimitView(c.decision.legal),
            promised: toLimitView(c.decision.promised),
          },
        }
      : {}),
    ...(c.delivery ? { delivery: toLimitView(c.delivery) } : {}),
  };
}

/** The clock of a case from its events (ACC-1, DEC-1/2, SUS-1, DEL-1) and the notes for its tooltip. */
export async function explainClock(
  deps: Deps,
  actor: Actor,
  input: ClockExplanationInput,
): Promise<ClockExplanation> {
  assertAccess(actor, 'calendar.read', { regionCode: input.regionCode });
  const { calendar } = await getRegionCalendar(deps, input.regionCode);
  const clockInput: CaseClockInput = {
    materialsReceivedAt: new Date(input.materialsReceivedAt),
    isBundle: input.isBundle,
    acceptedAt: optionalDate(input.acceptedAt),
    supplementRequestedAt: optionalDate(input.supplementRequestedAt),
    decidedAt: optionalDate(input.decidedAt),
    deliveredAt: optionalDate(input.deliveredAt),
    legalLimitDays: input.legalLimitDays,
    promisedLimitDays: input.promisedLimitDays,
    extension: input.extension,
    suspensions: input.suspensions?.map((s) => ({
      kind: s.kind,
      countsInLimit: s.countsInLimit,
      start: new Date(s.start),
      end: optionalDate(s.end),
    })),
  };
  return withPureErrors(() => {
    const clock = computeCaseClock(clockInput, calendar, undefined, deps.clock.now());
    return { clock: toClockView(clock), notes: explainCaseClock(calendar, clock).map(toDayNote) };
  });
}

/** CAL-2: the last year with national days, and whether the admin home should warn about next year. */
export async function getStatus(deps: Deps, actor: Actor): Promise<CalendarStatus> {
  assertAccess(actor, 'calendar.read');
  const national = await getNational(
    cacheOf(deps.db),
    deps.db,
    await repo.findRevision(deps.db, repo.NATIONAL_SCOPE),
  );
  const today = shanghaiToday(deps.clock.now());
  return {
    dataThroughYear: national.dataThroughYear ?? null,
    nextYear: Number(today.slice(0, 4)) + 1,
    nextYearMissing: isNextYearMissing(today, national.dataThroughYear),
  };
}

// ── Local days (CAL-2) ───────────────────────────────────────────────────

/** Adds a closure or extra working day for a region (admin/supervisor of that region), audited. */
export async function addLocalDay(deps: Deps, actor: Actor, input: LocalDayInput): Promise<LocalDay> {
  assertAccess(actor, 'calendar.write', { regionCode: input.regionCode });
  const rc = await getRegionCalendar(deps, input.regionCode);
  assertInRange(rc.calendar, input.date);
  if (await repo.findLocalDayOn(deps.db, input.regionCode, input.date)) {
    throw new CalendarModuleError('CALENDAR_LOCAL_DAY_EXISTS', undefined, { date: input.date });
  }
  const useless = checkLocalDayUseful(input.kind, getDayInfo(rc.calendar, input.date).working);
  if (useless) throw new CalendarModuleError(useless);
  const row = await runCommand(deps, actor, async ({ tx, now }) => {
    if (await repo.findLocalDayOn(tx, input.regionCode, input.date)) {
      throw new CalendarModuleError('CALENDAR_LOCAL_DAY_EXISTS', undefined, { date: input.date });
    }
    const inserted = await repo.insertLocalDay(tx, {
      regionCode: input.regionCode,
      date: input.date,
      kind: input.kind,
      reason: input.reason,
      createdBy: actor.userId,
      createdAt: now,
    });
    await repo.bumpRevision(tx, input.regionCode);
    return {
      result: inserted,
      audit: {
        action: 'calendar.local_day.add',
        entityType: 'local_day',
        entityId: inserted.id,
        regionCode: input.regionCode,
        summary: { date: input.date, kind: input.kind, reason: input.reason },
      },
    };
  });
  invalidateRegion(deps.db, input.regionCode);
  return toLocalDay(row);
}

/** Removes a local day (admin/supervisor of its region), audited; affected deadlines move back. */
export async function removeLocalDay(deps: Deps, actor: Actor, id: string): Promise<void> {
  // The role first: who may not write learns nothing about which ids exist.
  assertAccess(actor, 'calendar.write');
  const existing = await repo.findLocalDay(deps.db, id);
  if (!existing) throw new CalendarModuleError('CALENDAR_LOCAL_DAY_NOT_FOUND', undefined, { id });
  assertAccess(actor, 'calendar.write', { regionCode: existing.regionCode });
  await runCommand(deps, actor, async ({ tx }) => {
    const deleted = await repo.deleteLocalDay(tx, existing.regionCode, id);
    if (Number(deleted.numDeletedRows) === 0) {
      throw new CalendarModuleError('CALENDAR_LOCAL_DAY_NOT_FOUND', undefined, { id });
    }
    await repo.bumpRevision(tx, existing.regionCode);
    return {
      result: undefined,
      audit: {
        action: 'calendar.local_day.remove',
        entityType: 'local_day',
        entityId: id,
        regionCode: existing.regionCode,
        summary: { date: existing.date, kind: existing.kind, reason: existing.reason },
      },
    };
  });
  invalidateRegion(deps.db, existing.regionCode);
}

/**
 * Every calendar revision by scope ('national' or a region code): the supervision job compares them
 * with the ones it last saw to find the regions whose open cases' clocks need recomputing (issue 16).
 */
export async function listCalendarRevisions(db: Executor): Promise<Record<string, number>> {
  const rows = await repo.listRevisions(db);
  return Object.fromEntries(rows.map((r) => [r.scope, r.revision]));
}
