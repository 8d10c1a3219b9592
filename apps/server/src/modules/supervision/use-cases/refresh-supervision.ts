import type { RefreshResult } from '@tongban/contracts';
import { SYSTEM_ACTOR, assertAccess, type Actor } from '../../../platform/access';
import type { Deps } from '../../../platform/app-types';
import { runCommand } from '../../../platform/command';
import type { OutboxJob } from '../../../platform/outbox';
import { shanghaiToday } from '../../../platform/time';
import { caseFeed } from '../../cases';
import { listCalendarRevisions } from '../../calendar';
import { getVersion } from '../../catalog';
import { listReopenedRefusals } from '../../complaints';
import * as repo from '../supervision.repository';
import { escalateInTx } from './escalate-case';
import { escalateOverdueWork } from './escalate-work';
import { newCaches, recomputeCases } from './recompute-cases';

const PAGE = 2000;
/** Cases recomputed together: one read of their events, one write of their clocks and facts. */
const BATCH = 1000;

type Keys = Map<string, repo.CaseKey>;
const add = (m: Keys, k: repo.CaseKey) => m.set(`${k.regionCode}|${k.id}`, k);

/**
 * The cases whose events changed since the last pass: the cases module marks each changed case
 * (no global event counter to keep a watermark on, ADR 0006); the marks are acknowledged once the
 * pass has recomputed them.
 */
async function changedCases(deps: Deps): Promise<{ keys: Keys; marks: caseFeed.CaseChangeMark[] }> {
  const keys: Keys = new Map();
  const marks: caseFeed.CaseChangeMark[] = [];
  let after: caseFeed.CaseChangeMark | null = null;
  for (;;) {
    const page: caseFeed.CaseChangeMark[] = await caseFeed.listChangedCases(deps.db, after, PAGE);
    for (const m of page) add(keys, { regionCode: m.regionCode, id: m.caseId });
    marks.push(...page);
    if (page.length < PAGE) break;
    after = page[page.length - 1]!;
  }
  return { keys, marks };
}

/** Scopes whose calendar revision moved since the last pass ('national' = every region). */
function changedScopes(seen: Record<string, number>, now: Record<string, number>): string[] {
  return Object.keys(now).filter((k) => seen[k] !== now[k]);
}

/**
 * The supervision job (SUP-1, SUP-2, RATE-1): recomputes the stored clock and figure facts of the
 * cases marked changed since its last pass, of every open case of a region whose calendar
 * changed (and below it), and of every open case once a day (colours move with the date); fires the
 * escalation levels now due, escalates unanswered 督办单 to the leader once, and recounts the
 * rollups of the months touched. `full` recomputes every open case now; `rebuild` every case, a page
 * of keys at a time in key order (after a bulk load of history, whose cases carry no change marks).
 */
export async function refreshSupervision(
  deps: Deps,
  opts: { full?: boolean; rebuild?: boolean } = {},
): Promise<RefreshResult> {
  const now = deps.clock.now();
  const today = shanghaiToday(now);
  const caches = newCaches();
  const months = new Set<string>();
  let escalations = 0;
  let recomputed = 0;
  const recompute = async (keys: readonly repo.CaseKey[]) => {
    for (let i = 0; i < keys.length; i += BATCH) {
      const r = await recomputeCases(deps, keys.slice(i, i + BATCH), caches);
      for (const m of r.months) months.add(m);
      escalations += r.escalations;
      recomputed += r.recomputed;
    }
  };
  if (opts.rebuild)
    for (let after: repo.CaseKey | null = null; ;) {
      const page = await caseFeed.listCaseKeysAfter(deps.db, after, PAGE);
      await recompute(page);
      if (page.length < PAGE) break;
      after = page[page.length - 1]!;
    }
  const { keys, marks } = await changedCases(deps);
  const revisions = await listCalendarRevisions(deps.db);
  const seen = JSON.parse((await repo.getJobState(deps.db, 'calendar')) ?? '{}') as Record<string, number>;
  const scopes = changedScopes(seen, revisions);
  const everything =
    opts.full || scopes.includes('national') || (await repo.getJobState(deps.db, 'day')) !== today;
  if (everything) for (const k of await caseFeed.listOpenCaseKeys(deps.db, null)) add(keys, k);
  else
    for (const scope of scopes) for (const k of await caseFeed.listOpenCaseKeys(deps.db, scope)) add(keys, k);
  await recompute([...keys.values()]);
  escalations += await raiseReopenedRefusals(deps, now);
  escalations += await escalateOverdueWork(deps, caches);
  const ordersEscalated = await escalateLateOrders(deps, today);
  await caseFeed.acknowledgeChangedCases(deps.db, marks);
  await repo.setJobState(deps.db, 'calendar', JSON.stringify(revisions));
  await repo.setJobState(deps.db, 'day', today);
  return { casesRecomputed: recomputed, escalations, ordersEscalated, monthsRolledUp: months.size };
}

/**
 * 电子监察: a case refused (不予受理) and later found acceptable by the 办不成事 review (the matter's
 * outcome is "received again") gets a 督办单 to its department head, once per case. The refused
 * case when the matter names it, else the case received again.
 */
async function raiseReopenedRefusals(deps: Deps, now: Date): Promise<number> {
  const last = await repo.getJobState(deps.db, 'reopened');
  const since = last ? new Date(new Date(last).getTime() - 3600_000) : new Date(0);
  const rows = await listReopenedRefusals(deps.db, since);
  const target = new Map<string, string>();
  for (const r of rows) {
    const id = r.relatedCaseId ?? r.outcomeCaseId;
    if (id) target.set(id, r.orderNo);
  }
  const histories = await caseFeed.readCaseHistories(deps.db, [...target.keys()]);
  const fired = await repo.listFiredLevels(
    deps.db,
    histories.map((h) => ({ regionCode: h.regionCode, id: h.id })),
  );
  let n = 0;
  for (const h of histories) {
    if (fired.get(h.id)?.has('refused_acceptable')) continue;
    const refusedCase = h.events.some((e) => e.type === 'refused');
    // Read before the transaction (PGlite has one connection; the command holds it).
    const departmentName = await departmentNameOf(deps, h.itemVersionId);
    const ok = await runCommand(deps, SYSTEM_ACTOR, async ({ tx, now: at }) => {
      const r = await escalateInTx(
        deps,
        tx,
        at,
        {
          regionCode: h.regionCode,
          caseId: h.id,
          caseNo: h.caseNo,
          departmentId: h.departmentId,
          departmentName,
          assigneeId: null,
        },
        'refused_acceptable',
        `办不成事工单 ${target.get(h.id)}：${refusedCase ? '该办件' : '原'}不予受理的申请经协调可以受理，已重新受理`,
        true,
        { workNo: target.get(h.id) ?? '' },
      );
      return { result: r.fired, ...r.effects };
    });
    if (ok) n += 1;
  }
  await repo.setJobState(deps.db, 'reopened', now.toISOString());
  return n;
}

async function departmentNameOf(deps: Deps, versionId: string) {
  return (await getVersion(deps, versionId)).departmentName;
}

/** SUP-2: a 督办单 unanswered past its reply deadline turns late and goes to the leader, once. */
async function escalateLateOrders(deps: Deps, today: string): Promise<number> {
  let n = 0;
  for (const o of await repo.listUnansweredPastDue(deps.db, today)) {
    await runCommand(deps, SYSTEM_ACTOR, async ({ tx, now }) => {
      await repo.markLate(tx, o, now);
      const r = await escalateInTx(
        deps,
        tx,
        now,
        { ...o, assigneeId: null },
        'leader',
        `${o.orderNo} 应于 ${o.replyDue} 前答复，逾期未答复`,
        true,
        { orderNo: o.orderNo, replyDue: String(o.replyDue) },
      );
      if (r.fired) n += 1;
      return { result: null, ...r.effects };
    });
  }
  return n;
}

/** The supervisor's "recompute now" (POST /api/supervision/refresh). */
export async function refreshNow(deps: Deps, actor: Actor): Promise<RefreshResult> {
  assertAccess(actor, 'supervision.refresh');
  return refreshSupervision(deps, { full: true });
}

/**
 * The job main.ts starts with the outbox poller: every minute, or every TONGBAN_SUPERVISION_EVERY_MS
 * (the benchmark runs it every second while it measures case transitions with the aggregates kept).
 */
export function supervisionJob(
  deps: Deps,
  everyMs = Number(process.env.TONGBAN_SUPERVISION_EVERY_MS) || 60_000,
): OutboxJob {
  return { name: 'supervision.refresh', everyMs, run: () => refreshSupervision(deps) };
}
