import {
  computeCaseClock,
  isProvisionalDate,
  type CaseClock,
  type CaseClockInput,
  type CompiledCalendar,
  type SuspensionKind,
} from '@tongban/calendar';
import {
  ACCEPT_STEP as CATALOG_ACCEPT_STEP,
  CONCLUDE_STEP,
  type CaseClockSummary,
  type CatalogVersion,
} from '@tongban/contracts';
import { type Deps } from '../../platform/app-types';
import { type Executor } from '../../platform/db';
import { getCalendar } from '../calendar';
import { getVersion } from '../catalog';
import { type CaseState } from './cases.policy';

// ── Items, steps and the clock ───────────────────────────────────────────────

// Published versions never change in content, so the pinned version of a case can be cached. (Its
// department's name can change: transitions take the name from the department row, see lockCase.)
// One cache per database handle: tests open several in one process.
export const versionCaches = new WeakMap<Deps['db'], Map<string, CatalogVersion>>();
export async function pinnedVersion(
  deps: Deps,
  versionId: string,
  db: Executor = deps.db,
): Promise<CatalogVersion> {
  let cache = versionCaches.get(deps.db);
  if (!cache) versionCaches.set(deps.db, (cache = new Map()));
  const hit = cache.get(versionId);
  if (hit) return hit;
  const v = await getVersion({ db }, versionId);
  if (cache.size > 1000) cache.clear();
  cache.set(versionId, v);
  return v;
}

/** The back-office steps: the item's template without 受理 and 办结 (at least a 决定 step). */
export function backOfficeSteps(steps: readonly string[]): string[] {
  const back = steps.filter((s) => s !== CATALOG_ACCEPT_STEP && s !== CONCLUDE_STEP);
  return back.length > 0 ? back : ['决定'];
}

export type Limits = { legalLimitDays: number | null; promisedLimitDays: number | null };

export function clockInput(s: CaseState, limits: Limits): CaseClockInput | undefined {
  if (!s.receivedAt || s.status === 'draft' || s.status === 'refused' || s.status === 'withdrawn')
    return undefined;
  // 即办件 have a limit of 0; the clock needs at least one day.
  const legal = Math.max(1, limits.legalLimitDays ?? 20);
  const promised = Math.min(limits.promisedLimitDays ?? legal, legal);
  return {
    materialsReceivedAt: s.receivedAt,
    ...(s.acceptedAt ? { acceptedAt: s.acceptedAt } : {}),
    ...(s.status === 'supplement_requested' && s.supplementRequestedAt
      ? { supplementRequestedAt: s.supplementRequestedAt }
      : {}),
    suspensions: s.suspensions.map((x) => ({
      kind: x.kind as SuspensionKind,
      countsInLimit: x.countsInLimit,
      start: x.start,
      ...(x.end ? { end: x.end } : {}),
    })),
    ...(s.extension?.status === 'approved' ? { extension: { days: s.extension.days } } : {}),
    ...(s.decidedAt ? { decidedAt: s.decidedAt } : {}),
    ...(s.deliveredAt ? { deliveredAt: s.deliveredAt } : {}),
    legalLimitDays: legal,
    promisedLimitDays: promised,
    isBundle: false,
  };
}

/** Deadlines are derived from the region's calendar on every read (docs/adr/0001). */
export type Calendars = (regionCode: string) => Promise<CompiledCalendar>;

/**
 * One calendar per region for a whole list: its revision check runs once per region and request,
 * not once per row (the calendar is never cached across requests: ADR 0001).
 */
export function calendarsOnce(deps: Deps): Calendars {
  const byRegion = new Map<string, Promise<CompiledCalendar>>();
  return (regionCode) => {
    let calendar = byRegion.get(regionCode);
    if (!calendar) byRegion.set(regionCode, (calendar = getCalendar(deps, regionCode)));
    return calendar;
  };
}

export async function computeClock(
  deps: Deps,
  regionCode: string,
  s: CaseState,
  limits: Limits,
  calendars: Calendars = (code) => getCalendar(deps, code),
): Promise<CaseClock | null> {
  if (!clockInput(s, limits)) return null;
  return clockWith(await calendars(regionCode), deps.clock.now(), s, limits);
}

/** A case clock with the calendar it was computed on (CAL-2: is its deadline provisional?). */
export type DatedClock = CaseClock & { calendar?: CompiledCalendar };

export function clockWith(
  calendar: CompiledCalendar,
  now: Date,
  s: CaseState,
  limits: Limits,
): DatedClock | null {
  const input = clockInput(s, limits);
  if (!input) return null;
  try {
    const clock = computeCaseClock(input, calendar, undefined, now);
    // Not enumerable: the clock is still what other modules read and compare, and never serialises it.
    return Object.defineProperty(clock, 'calendar', { value: calendar, enumerable: false }) as DatedClock;
  } catch {
    // A case outside the calendar's range shows no clock rather than failing the list.
    return null;
  }
}

export function summarizeClock(c: DatedClock): CaseClockSummary {
  const summary = summarizeOn(c);
  // CAL-2: a deadline in a year whose holiday notice is not loaded yet may still move: say so.
  return c.calendar && isProvisionalDate(c.calendar, summary.deadline)
    ? { ...summary, provisional: true }
    : summary;
}

function summarizeOn(c: CaseClock): CaseClockSummary {
  const deemedAccepted = c.acceptance.outcome === 'deemed_accepted';
  switch (c.phase) {
    case 'acceptance':
    case 'awaiting_supplement':
      return {
        state: c.state,
        phase: c.phase,
        deadline: c.acceptance.deadline,
        leftWorkingDays: c.acceptance.leftWorkingDays,
        deemedAccepted,
      };
    case 'decision':
      // The promised (承诺) deadline is the one the center is held to; the state is the worse of both.
      return {
        state: c.state,
        phase: c.phase,
        deadline: c.decision!.promised.deadline,
        leftWorkingDays: c.decision!.promised.leftWorkingDays,
        deemedAccepted,
      };
    case 'delivery':
    case 'done':
      return {
        state: c.state,
        phase: c.phase,
        deadline: c.delivery!.deadline,
        leftWorkingDays: c.delivery!.leftWorkingDays,
        deemedAccepted,
      };
  }
}
