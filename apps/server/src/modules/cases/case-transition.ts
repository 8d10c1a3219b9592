import { type CompiledCalendar } from '@tongban/calendar';
import { type Action, type CaseSummary } from '@tongban/contracts';
import { type Compilable } from 'kysely';
import { type Actor } from '../../platform/access';
import { type Deps } from '../../platform/app-types';
import { executeBatch, executeWrites, type Executor, type Tx } from '../../platform/db';
import { notFound } from '../../platform/errors';
import { shanghaiToday } from '../../platform/time';
import { auditChainRead, auditEntryWrites, lockAuditChain, type AuditInput, type AuditLink } from '../audit';
import { calendarRead, getCalendar } from '../calendar';
import { assertCaseScope, assertRole } from './case-access';
import { backOfficeSteps, clockWith, pinnedVersion } from './case-clock';
import { BranchOptions, CaseCtx, Outcome } from './case-context';
import { NewCaseEvent, projection, reviveState } from './case-state';
import { JoinedRow, strip, summaryOf } from './case-views';
import { notify } from './cases-notices';
import { CasesError } from './cases.errors';
import { applyCaseEvent, type CaseEvent, type CaseState } from './cases.policy';
import * as repo from './cases.repository';
import { type CaseRow, type LockedCaseRow, type MaterialRow } from './cases.repository';
import { type LicenseFields } from './licenses/licenses';

type Appended = { event: CaseEvent; seq: number };

/** The events applied to the state, each with the seq it takes. */
function foldEvents(state: CaseState, events: NewCaseEvent[], actor: Actor, now: Date) {
  let next = state;
  const appended: Appended[] = [];
  for (const ne of events) {
    const event = { ...ne, at: now, actorId: actor.userId } as CaseEvent;
    next = applyCaseEvent(next, event);
    appended.push({ event, seq: next.version });
  }
  return { next, appended };
}

/** The events applied to the state, and their insert queued with the transaction's writes. */
export function appendEvents(
  ctx: Pick<CaseCtx, 'tx' | 'writes'>,
  actor: Actor,
  row: Pick<CaseRow, 'id' | 'regionCode'>,
  state: CaseState,
  events: NewCaseEvent[],
  now: Date,
) {
  const { next, appended } = foldEvents(state, events, actor, now);
  queueEventWrites(ctx, actor, row, appended, next);
  return { next, appended };
}

/** The appended events' insert and the case's change mark (once per case and statement). */
function queueEventWrites(
  ctx: Pick<CaseCtx, 'tx' | 'writes'>,
  actor: Actor,
  row: Pick<CaseRow, 'id' | 'regionCode'>,
  appended: readonly Appended[],
  next: CaseState,
) {
  ctx.writes.push(
    repo.insertEvents(
      ctx.tx,
      appended.map(({ event, seq }) => {
        const { type, at, actorId, ...payload } = event;
        return {
          regionCode: row.regionCode,
          caseId: row.id,
          seq,
          type,
          payload: JSON.stringify(payload),
          actorId,
          actorName: actor.displayName,
          at,
        };
      }),
    ),
    repo.markCaseChanged(ctx.tx, { regionCode: row.regionCode, caseId: row.id, seq: next.version }),
  );
}

/** Each case's region, as this process has seen it: a case never changes region. */
export const caseRegions = new Map<string, string>();
/**
 * What its license would be numbered from, as this process last saw each case's row: a guess for
 * the decision's opening round trip (transition's `numbers`); a wrong one only costs a round trip.
 */
export const caseLicenseFields = new Map<string, LicenseFields>();
/** What a process that has just started knows: no case's region (tests use it to be one). */
export function forgetCaseRegions() {
  caseRegions.clear();
  caseLicenseFields.clear();
}
export function rememberRegion(caseId: string, regionCode: string) {
  if (caseRegions.size >= 100_000) caseRegions.clear();
  caseRegions.set(caseId, regionCode);
}

/**
 * The region of a case whose id arrived alone: as this process has seen it, else by the named
 * region-free lookup (ADR 0006). Undefined when there is no such case.
 */
export async function caseRegionOf(db: Executor, caseId: string): Promise<string | undefined> {
  const known = caseRegions.get(caseId);
  if (known !== undefined) return known;
  const found = await repo.findCaseRegion(db, caseId);
  if (found !== undefined) rememberRegion(caseId, found);
  return found;
}

/**
 * One transition, in one transaction: lock the case, check scope and the version the caller saw
 * (stale → 409, nothing changed), lock the case's audit chain, ask the rules, then send the events,
 * the projection, the notices, the notifications and the audit entry as one statement.
 *
 * Round trips are what a transition costs (bench:cases); the order keeps the locks short: gap-free
 * counters (notice and license numbers) are taken last, so their rows stay locked only for the
 * final write and the commit.
 */
export async function transition(
  deps: Deps,
  actor: Actor,
  caseId: string,
  version: number,
  action: Action,
  fn: (ctx: CaseCtx) => Promise<Outcome>,
  reads: {
    materials?: boolean;
    stepOnly?: boolean;
    /**
     * The gap-free sequences (notice and license numbers) the transition will number from, as far
     * as known before the case is read: taken in the opening round trip, after the case's and the
     * audit chain's locks, instead of in a round trip of their own. Only for a case whose region
     * this process knows (a guessed region could number another region's sequence) and outside a
     * bundle's transaction; what the transition does not use is given back before COMMIT.
     */
    numbers?: (today: string) => readonly string[];
  } & BranchOptions = {},
): Promise<CaseSummary> {
  assertRole(actor, action);
  // Issue 20: a bundle runs a branch's transition inside its own transaction (reads.tx).
  const run = <R>(body: (tx: Tx) => Promise<R>) =>
    reads.tx ? body(reads.tx) : deps.db.transaction().execute(body);
  const summary = await run(async (tx) => {
    // One round trip: the case, its region's calendar revisions and its audit chain, locked in
    // this order, and the case's materials when the transition needs them. The region is known
    // before the case is read when this process has seen the case (a case never changes region),
    // else guessed as the actor's; a wrong guess costs a round trip.
    const known = caseRegions.get(caseId);
    const region = known ?? actor.regionCode;
    const now = deps.clock.now();
    const today = shanghaiToday(now);
    const wanted = known !== undefined && !reads.tx && reads.numbers ? reads.numbers(today) : [];
    const calendarNow = calendarRead(deps, region, tx);
    const chain = auditChainRead(tx, region, 'case', caseId);
    // Issue 20: what listeners lock and read for this transition goes right behind the case's
    // lock (a bundle's row: the join's lock before the numbers fn takes, not after them).
    const stepOnly = reads.stepOnly === true;
    const opening = transitionListeners.map(
      (l) => l.opening?.(tx, caseId, action, { stepOnly, regionCode: region }) ?? [],
    );
    const extra = opening.flat();
    const rows = await executeBatch(tx, [
      repo.lockCaseQuery(tx, region, caseId),
      ...extra,
      calendarNow.query,
      chain.query,
      reads.materials ? repo.listMaterialsQuery(tx, region, caseId) : null,
      ...wanted.map((name) => repo.nextSequenceQuery(tx, region, name)),
    ]);
    let [row] = rows[0] as LockedCaseRow[];
    const openedRows = rows.slice(1, 1 + extra.length) as unknown[][];
    const [chainRows, headRows, guessedMaterials, ...numberRows] = rows.slice(1 + extra.length) as [
      unknown[],
      unknown[],
      MaterialRow[] | undefined,
      ...{ last: number }[][],
    ];
    let materials = guessedMaterials;
    if (!row) {
      // Not in the guessed region (or no such case): one region-free lookup by the id (ADR 0006),
      // then the case and its materials in its own region.
      const actual = await repo.findCaseRegion(tx, caseId);
      if (actual && actual !== region) {
        const again = await executeBatch(tx, [
          repo.lockCaseQuery(tx, actual, caseId),
          reads.materials ? repo.listMaterialsQuery(tx, actual, caseId) : null,
        ]);
        [row] = again[0] as LockedCaseRow[];
        materials = again[1] as MaterialRow[] | undefined;
      }
    }
    if (!row) throw notFound('办件', caseId);
    assertCaseScope(actor, caseId, row);
    rememberRegion(row.id, row.regionCode);
    // Remembered once per case: a later change (a department's credit code) makes a wrong guess,
    // which costs one round trip (allocate), never a wrong number.
    if (caseLicenseFields.size >= 100_000) caseLicenseFields.clear();
    if (!caseLicenseFields.has(row.id))
      caseLicenseFields.set(row.id, {
        itemId: row.itemId,
        licenseTypeCode: row.licenseTypeCode,
        departmentCreditCode: row.departmentCreditCode,
        departmentId: row.departmentId,
        regionCode: row.regionCode,
      });
    if (!reads.anyVersion && row.version !== version)
      throw new CasesError('CASE_STALE', undefined, { expected: version, current: row.version });
    const pinned = await pinnedVersion(deps, row.itemVersionId, tx);
    const item = { ...pinned, departmentName: row.departmentName };
    const guessed = row.regionCode === region;
    const calendar = guessed
      ? await calendarNow.finish(chainRows)
      : await getCalendar(deps, row.regionCode, tx);
    const link = guessed
      ? await chain.finish(headRows)
      : await lockAuditChain(tx, row.regionCode, 'case', row.id);
    const state = reviveState(row.state);
    const ctx: CaseCtx = {
      tx,
      calendar,
      row,
      state,
      item,
      steps: backOfficeSteps(item.steps),
      now,
      today,
      holder: { id: row.applicantId, name: row.applicantName, idNumberMasked: row.applicantIdMasked },
      materials,
      writes: [],
      numbers: new Map(wanted.map((name, i) => [name, numberRows[i]![0]!.last])),
    };
    const out = await fn(ctx);
    const { next, appended } = appendEvents(ctx, actor, row, state, out.events, now);
    let from = 0;
    await tellListeners(
      {
        tx,
        actor,
        now,
        caseId: row.id,
        regionCode: row.regionCode,
        events: appended.map((a) => a.event),
        state: next,
        writes: ctx.writes,
        stepOnly,
      },
      opening.map((qs) => openedRows.slice(from, (from += qs.length))),
    );
    ctx.writes.push(repo.updateCase(tx, row.regionCode, row.id, projection(next, now)));
    for (const name of ctx.numbers!.keys())
      ctx.writes.push(repo.returnSequenceQuery(tx, row.regionCode, name));
    await notify(ctx, appended, next);
    ctx.writes.push(
      ...caseAudit(ctx, link, actor, out.audit, {
        caseNo: row.caseNo,
        events: appended.map((a) => a.event.type),
        version: next.version,
        ...out.summary,
      }),
    );
    await executeWrites(tx, ctx.writes, { thenCommit: !reads.tx });
    // The reply is built from what the transaction already holds (no second read).
    const fields = { ...row, ...projection(next, now), state: next } as unknown as JoinedRow;
    return summaryOf(fields, next, clockWith(calendar, now, next, item));
  });
  return strip(summary);
}

/**
 * Issue 20: listeners (bundles) learn of a transition in its transaction, and may refuse it (by
 * throwing); each gets the rows of the statements it asked for at opening, by listener.
 */
async function tellListeners(t: Omit<CaseTransition, 'opened'>, opened: readonly unknown[][][]) {
  for (const [k, listener] of transitionListeners.entries()) {
    const rows = opened[k] ?? [];
    await listener({ ...t, opened: rows.length ? rows : undefined });
  }
}

/** One step of a batched transition (transitionsInTx): the action it is, and its rule. */
export type BatchStep = { action: Action; fn: (ctx: CaseCtx) => Promise<Outcome> };

/**
 * Transitions of several cases of one region inside the caller's transaction, batched (issue 20:
 * a bundle's one delivery hands over every branch). The cases' locks (and the calendar, and what
 * listeners read at opening) are statements the caller sends in its own opening round trip, after
 * the locks it takes first (`queries`); `run` then applies each case's steps in turn by the same
 * rules as `transition` — scope, the rule's check, the events, listeners, the projection, notices
 * — and returns the writes for the caller to send with its own and COMMIT, and the audit entries
 * as inputs: the caller links them, with its own, in one auditEntryWrites over the audit lanes it
 * has locked (two cases on one lane must be linked in one call). Versions are not compared: the
 * caller holds the lock that decides (the bundle's).
 */
export function transitionsInTx(
  deps: Deps,
  actor: Actor,
  tx: Tx,
  regionCode: string,
  now: Date,
  plan: readonly { caseId: string; steps: readonly BatchStep[] }[],
): {
  queries: Compilable[];
  run(
    rows: readonly unknown[][],
    only?: ReadonlySet<string>,
  ): Promise<{
    writes: Compilable[];
    audit: Omit<AuditInput, 'regionCode'>[];
    /** The region's working-day calendar, as read in the opening round trip. */
    calendar: CompiledCalendar;
  }>;
} {
  for (const p of plan) for (const s of p.steps) assertRole(actor, s.action);
  const calendarNow = calendarRead(deps, regionCode, tx);
  // What each listener asks to read for each step, in plan order (case, step, listener).
  const openings = plan.map((p) =>
    p.steps.map((s) =>
      transitionListeners.map(
        (l) => l.opening?.(tx, p.caseId, s.action, { stepOnly: false, regionCode }) ?? [],
      ),
    ),
  );
  const queries: Compilable[] = [
    ...plan.map((p) => repo.lockCaseQuery(tx, regionCode, p.caseId)),
    calendarNow.query,
    ...openings.flat(3),
  ];
  return {
    queries,
    run: async (rows, only) => {
      const locked = rows.slice(0, plan.length) as LockedCaseRow[][];
      const calendar = await calendarNow.finish(rows[plan.length]!);
      let from = plan.length + 1;
      const writes: Compilable[] = [];
      const audit: Omit<AuditInput, 'regionCode'>[] = [];
      const today = shanghaiToday(now);
      for (const [k, p] of plan.entries()) {
        const opened = openings[k]!.map((perListener) =>
          perListener.map((qs) => rows.slice(from, (from += qs.length)) as unknown[][]),
        );
        if (only && !only.has(p.caseId)) continue;
        const [row] = locked[k]!;
        if (!row) throw notFound('办件', p.caseId);
        assertCaseScope(actor, p.caseId, row);
        rememberRegion(row.id, row.regionCode);
        const pinned = await pinnedVersion(deps, row.itemVersionId, tx);
        const item = { ...pinned, departmentName: row.departmentName };
        const initial = reviveState(row.state);
        const base = {
          tx,
          calendar,
          row,
          item,
          steps: backOfficeSteps(item.steps),
          now,
          today,
          holder: { id: row.applicantId, name: row.applicantName, idNumberMasked: row.applicantIdMasked },
          materials: undefined,
          writes,
        };
        // Each step's rule sees the state the steps before it left; the events of all of them are
        // then written at once (one insert, one change mark: a statement may not touch a row twice).
        let state = initial;
        const done: { out: Outcome; after: CaseState; mine: Appended[] }[] = [];
        for (const step of p.steps) {
          const out = await step.fn({ ...base, state });
          const folded = foldEvents(state, out.events, actor, now);
          state = folded.next;
          done.push({ out, after: state, mine: folded.appended });
        }
        queueEventWrites(
          base,
          actor,
          row,
          done.flatMap((d) => d.mine),
          state,
        );
        for (const [j, { out, after, mine }] of done.entries()) {
          await tellListeners(
            {
              tx,
              actor,
              now,
              caseId: row.id,
              regionCode: row.regionCode,
              events: mine.map((a) => a.event),
              state: after,
              writes,
              stepOnly: false,
            },
            opened[j]!,
          );
          await notify(base, mine, after);
          audit.push({
            action: out.audit,
            entityType: 'case',
            entityId: row.id,
            summary: {
              caseNo: row.caseNo,
              events: mine.map((a) => a.event.type),
              version: after.version,
              ...out.summary,
            },
          });
        }
        writes.push(repo.updateCase(tx, row.regionCode, row.id, projection(state, now)));
      }
      return { writes, audit, calendar };
    },
  };
}

export function caseAudit(
  ctx: { tx: Tx; row: { id: string }; now: Date },
  link: AuditLink,
  actor: Actor,
  action: string,
  summary: Record<string, unknown>,
) {
  return auditEntryWrites(
    ctx.tx,
    link,
    actor,
    [{ action, entityType: 'case', entityId: ctx.row.id, summary }],
    ctx.now,
  );
}

/** ACC-1: more than 5 working days since receipt without an answer → the case counts as accepted. */
export function isAcceptanceDeemed(ctx: CaseCtx): boolean {
  const clock = clockWith(ctx.calendar, ctx.now, ctx.state, ctx.item);
  return clock?.acceptance.outcome === 'deemed_accepted';
}

export function assertAssignee(ctx: CaseCtx, actor: Actor) {
  if (ctx.state.assigneeId && ctx.state.assigneeId !== actor.userId && actor.role !== 'dept_head')
    throw new CasesError('CASE_NOT_ASSIGNEE');
}

/** A transition that reads the case's materials in its opening round trip. */
export function transitionWithMaterials(
  deps: Deps,
  actor: Actor,
  caseId: string,
  version: number,
  action: Action,
  fn: (ctx: CaseCtx) => Promise<Outcome>,
  opts: BranchOptions & { numbers?: (today: string) => readonly string[] } = {},
): Promise<CaseSummary> {
  return transition(deps, actor, caseId, version, action, fn, { materials: true, ...opts });
}

/** The case's materials: from the opening round trip when the transition asked for them. */
export async function materialsOf(ctx: CaseCtx): Promise<MaterialRow[]> {
  return (ctx.materials ??= await repo.listMaterials(ctx.tx, ctx.row.regionCode, ctx.row.id));
}

export async function missingMaterials(ctx: CaseCtx) {
  return (await materialsOf(ctx)).filter((m) => m.status === 'missing');
}

/** What a transition listener learns, inside the transition's transaction (before its writes). */
export type CaseTransition = {
  tx: Tx;
  actor: Actor;
  now: Date;
  caseId: string;
  regionCode: string;
  events: readonly CaseEvent[];
  state: CaseState;
  /** The transition's writes, sent as one statement with COMMIT: a listener adds its own here. */
  writes: Compilable[];
  /** The rows of the listener's `opening` statements, when it asked for some. */
  opened?: unknown[][] | undefined;
  /** The transition only completes a step of the back office: the case's status stays. */
  stepOnly: boolean;
};
export type CaseTransitionListener = ((t: CaseTransition) => Promise<void>) & {
  /**
   * Statements to send in the transition's opening round trip, right after the case's lock (an
   * action on a case about to be transitioned): their rows come back as `opened`.
   */
  opening?: (
    tx: Tx,
    caseId: string,
    action: Action,
    /** regionCode: the case's region as guessed before its row is read (CaseTransition has the real one). */
    kind: { stepOnly: boolean; regionCode: string },
  ) => readonly Compilable[];
};
export const transitionListeners: CaseTransitionListener[] = [];

/**
 * Registers a listener called for every case transition in its transaction; a listener that throws
 * refuses the transition (nothing is written). Registering the same function twice keeps one.
 */
export function onCaseTransition(listener: CaseTransitionListener): void {
  if (!transitionListeners.includes(listener)) transitionListeners.push(listener);
}
