import type { MessageParams } from '@tongban/contracts';
import type { CompiledCalendar } from '@tongban/calendar';
import { SYSTEM_ACTOR } from '../../../platform/access';
import type { Deps } from '../../../platform/app-types';
import { runCommand } from '../../../platform/command';
import { caseFeed } from '../../cases';
import { getCalendar } from '../../calendar';
import { getVersion, type CatalogVersion } from '../../catalog';
import {
  clockOf,
  colourOf,
  dueLevels,
  factsOf,
  levelsToFire,
  recordTriggers,
  stepDaysOf,
  stepOverdueOf,
  type ItemLimits,
} from '../supervision.policy';
import * as factsRepo from '../supervision-facts.repository';
import * as repo from '../supervision.repository';
import { rollupDeltas, type FactForRollup } from '../supervision-rollups';
import { escalateInTx, type EscalationTarget } from './escalate-case';

/** Per-run caches: one calendar per region, one catalog version per id. */
export type RunCaches = {
  calendars: Map<string, Promise<CompiledCalendar>>;
  versions: Map<string, Promise<CatalogVersion>>;
};
export const newCaches = (): RunCaches => ({ calendars: new Map(), versions: new Map() });

export function limitsOf(v: CatalogVersion): ItemLimits {
  return {
    legalLimitDays: v.legalLimitDays,
    promisedLimitDays: v.promisedLimitDays,
    handling: v.handling ?? null,
    maxVisits: v.maxVisits ?? null,
    steps: v.steps,
  };
}

export function cachedVersion(deps: Deps, c: RunCaches, id: string) {
  let v = c.versions.get(id);
  if (!v) c.versions.set(id, (v = getVersion(deps, id)));
  return v;
}
export function cachedCalendar(deps: Deps, c: RunCaches, region: string) {
  let v = c.calendars.get(region);
  if (!v) c.calendars.set(region, (v = getCalendar(deps, region)));
  return v;
}

const OPEN = new Set<string>(caseFeed.OPEN_CASE_STATUSES);

/**
 * SUP-1 / RATE-1: recomputes the stored clock and the figure facts of the cases named, from their
 * events and their region's calendar as it is now; fires the SUP-2 levels and record triggers now
 * due. Returns the (region, month) pairs whose rollups need recounting and how many levels fired.
 */
export async function recomputeCases(deps: Deps, keys: readonly repo.CaseKey[], caches: RunCaches) {
  const now = deps.clock.now();
  let escalations = 0;
  const histories = await caseFeed.readCaseHistoriesByKey(deps.db, keys);
  const thresholds = await repo.findThresholds(deps.db, histories);
  const fired = await repo.listFiredLevels(deps.db, keys);
  const clocks: Parameters<typeof repo.upsertClocks>[1] = [];
  const facts: (FactForRollup & { caseId: string; caseNo: string; caseVersion: number })[] = [];
  const closed: repo.CaseKey[] = [];
  const toFire: {
    t: EscalationTarget;
    level: Parameters<typeof escalateInTx>[4];
    detail: string;
    facts?: MessageParams;
    deliver: boolean;
  }[] = [];
  for (const h of histories) {
    const version = await cachedVersion(deps, caches, h.itemVersionId);
    const limits = limitsOf(version);
    const calendar = await cachedCalendar(deps, caches, h.regionCode);
    const clock = clockOf(h.state, limits, calendar, now);
    const names = { departmentName: version.departmentName, itemName: version.name };
    const t: EscalationTarget = {
      regionCode: h.regionCode,
      caseId: h.id,
      caseNo: h.caseNo,
      departmentId: h.departmentId,
      departmentName: version.departmentName,
      assigneeId: h.state.assigneeId,
    };
    if (OPEN.has(h.state.status) && clock) {
      const own = thresholds.get(`${h.regionCode}:${h.itemId}`);
      const c = colourOf(clock, own?.warningDays);
      clocks.push({
        regionCode: h.regionCode,
        caseId: h.id,
        caseNo: h.caseNo,
        departmentId: h.departmentId,
        itemId: h.itemId,
        ...names,
        assigneeId: h.state.assigneeId,
        status: h.state.status,
        phase: c.phase,
        colour: c.colour,
        deadline: c.deadline,
        leftWorkingDays: c.leftWorkingDays,
        warningDays: c.warningDays,
        pastLegal: c.pastLegal,
        overdueWorkingDays: c.overdueWorkingDays,
        caseVersion: h.state.version,
        computedAt: now,
      });
      const detail = `期限 ${c.deadline ?? '—'}，剩余 ${c.leftWorkingDays ?? 0} 个工作日${c.pastLegal ? '，已超法定时限' : ''}`;
      for (const f of levelsToFire(dueLevels(c), fired.get(h.id) ?? new Set()))
        toFire.push({
          t,
          level: f.level,
          detail,
          facts: { deadline: c.deadline ?? '—', left: c.leftWorkingDays ?? 0 },
          deliver: f.deliver,
        });
      // 电子监察: the step the case is at has run over its own time (once per case).
      if (!fired.get(h.id)?.has('step_overdue')) {
        const step = stepOverdueOf(
          h.events,
          h.state,
          limits,
          stepDaysOf(limits, own?.stepDays),
          calendar,
          now,
        );
        if (step)
          toFire.push({
            t,
            level: 'step_overdue',
            detail: `环节“${step.stepName}”自 ${step.since} 起已用 ${step.usedDays} 个工作日，本环节时限 ${step.stepDays} 个工作日`,
            facts: {
              stepName: step.stepName,
              since: step.since,
              usedDays: step.usedDays,
              stepDays: step.stepDays,
            },
            deliver: true,
          });
      }
    } else closed.push({ regionCode: h.regionCode, id: h.id });
    for (const level of recordTriggers(h.events, limits))
      if (!fired.get(h.id)?.has(level)) toFire.push({ t, level, detail: `办件 ${h.caseNo}`, deliver: true });
    if (h.state.status === 'draft') continue;
    const f = factsOf(h.events, h.state, limits, clock);
    facts.push({
      regionCode: h.regionCode,
      caseId: h.id,
      caseNo: h.caseNo,
      departmentId: h.departmentId,
      itemId: h.itemId,
      ...names,
      ...f,
      caseVersion: h.state.version,
    });
  }
  // The facts and the rollups change together: the rollups by the difference the new facts make.
  const months = await deps.db.transaction().execute(async (tx) => {
    const before = await factsRepo.lockFacts(tx, keys);
    await repo.upsertClocks(tx, clocks);
    await repo.deleteClocks(tx, closed);
    await factsRepo.upsertFacts(tx, facts);
    const d = rollupDeltas(before, facts);
    await factsRepo.applyRollupDeltas(tx, d);
    return d.months;
  });
  for (const f of toFire) {
    const ok = await runCommand(deps, SYSTEM_ACTOR, async ({ tx, now: at }) => {
      const r = await escalateInTx(deps, tx, at, f.t, f.level, f.detail, f.deliver, f.facts);
      return { result: r.fired, ...r.effects };
    });
    if (ok) escalations += 1;
  }
  return { months, escalations, recomputed: histories.length };
}
