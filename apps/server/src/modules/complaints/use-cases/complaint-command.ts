import type { Action } from '@tongban/contracts';
import type { Compilable, Updateable } from 'kysely';
import { auditChainRead, auditEntryWrites, lockAuditChain } from '../../audit';
import { calendarRead, getCalendar } from '../../calendar';
import { inboxWrites, type InboxDelivery } from '../../inbox';
import { assertAccess, type Actor } from '../../../platform/access';
import type { Deps } from '../../../platform/app-types';
import type { CommandContext } from '../../../platform/command';
import { executeBatch, executeWrites, type Executor, type Tx } from '../../../platform/db';
import type { ComplaintTable } from '../../../platform/db-types';
import { shanghaiToday } from '../../../platform/time';
import type { CompiledCalendar } from '@tongban/calendar';
import { ComplaintError, type ComplaintErrorCode } from '../complaints.errors';
import type { ActorFacts, ComplaintFacts } from '../complaints.policy';
import * as repo from '../complaints.repository';

export function factsOf(row: repo.ComplaintRow, mergedPendingCallback = 0): ComplaintFacts {
  return {
    status: row.status as ComplaintFacts['status'],
    regionCode: row.regionCode,
    heldByDepartmentId: row.heldByDepartmentId,
    returnPending: row.returnPending,
    repliedBy: row.repliedBy,
    handlerId: row.handlerId,
    callbackBy: row.callbackBy,
    callbackResult: row.callbackResult as ComplaintFacts['callbackResult'],
    replyText: row.replyText,
    mergedIntoId: row.mergedIntoId,
    source: row.source,
    relatedCaseId: row.relatedCaseId,
    mergedPendingCallback,
    supervised: !!row.supervisedAt,
  };
}

export const actorFacts = (a: Actor): ActorFacts => ({
  userId: a.userId,
  role: a.role,
  departmentId: a.departmentId,
});

/** Throws the module error for a refusal code from the policy. */
export function fail(code: ComplaintErrorCode | undefined) {
  if (code) throw new ComplaintError(code);
}

export type Step = {
  patch: Updateable<ComplaintTable>;
  event: { type: string; payload?: Record<string, unknown> };
  summary?: Record<string, unknown>;
  inbox?: InboxDelivery[];
  /** The order's open to-dos this step closes: all of them, or those of one kind. */
  closeTodos?: true | { kind: string };
  /** Extra writes sent with the change (holdings, merged records): statements, not awaited. */
  also?: (ctx: StepCtx) => Compilable[];
};

export type StepCtx = CommandContext & {
  row: repo.ComplaintRow;
  calendar: CompiledCalendar;
  today: string;
  /** The rows of the step's own reads (`pre`), sent with the lock in the first round trip. */
  pre: unknown[][];
};

/** A step's reads that need only the order's id and region: sent with the lock (one round trip). */
export type PreReads = (tx: Tx, regionCode: string) => readonly Compilable<unknown>[];

/** An order never changes region: once seen, its region is known before it is read. */
const regionOf = new Map<string, string>();
function rememberRegion(id: string, regionCode: string) {
  if (regionOf.size >= 50_000) regionOf.clear();
  regionOf.set(id, regionCode);
}

/** The region an order known by its id alone is first looked for in: where it was seen, else the actor's. */
export const guessRegion = (actor: Actor, id: string) => regionOf.get(id) ?? actor.regionCode;

/**
 * Reads an order that arrives with its id alone (ADR 0006): in the guessed region first; on a miss
 * its region is found by the id (one region-free lookup) and it is read there. Undefined when there
 * is no such order; the caller checks the actor's scope on what it found, as before.
 */
export async function inRegionOf<T extends { regionCode: string }>(
  db: Executor,
  actor: Actor,
  id: string,
  read: (regionCode: string) => Promise<T | undefined>,
): Promise<T | undefined> {
  const guess = guessRegion(actor, id);
  let found = await read(guess);
  if (!found) {
    const actual = await repo.findComplaintRegion(db, id);
    if (actual && actual !== guess) found = await read(actual);
  }
  if (found) rememberRegion(id, found.regionCode);
  return found;
}

/**
 * One transition of one order, in one transaction and few round trips (bench:complaints): the row
 * locked, the region's calendar revisions and the order's audit chain read in the first; the step's
 * own reads; then the change, its event, its to-dos and its audit entry as one statement sent with
 * the COMMIT. Stale version or a refusal: nothing changed.
 */
export async function actOnComplaint(
  deps: Deps,
  actor: Actor,
  id: string,
  version: number,
  action: Action,
  auditAction: string,
  step: (ctx: StepCtx) => Promise<Step>,
  preReads?: PreReads,
): Promise<{ id: string; version: number }> {
  assertAccess(actor, action);
  return deps.db.transaction().execute(async (tx) => {
    const now = deps.clock.now();
    const guess = guessRegion(actor, id);
    const calendarNow = calendarRead(deps, guess, tx);
    const chain = auditChainRead(tx, guess, 'complaint', id);
    const [[first], chainRows, headRows, ...preRows] = (await executeBatch(tx, [
      repo.lockComplaintQuery(tx, guess, id),
      calendarNow.query,
      chain.query,
      ...(preReads ? preReads(tx, guess) : []),
    ])) as [repo.ComplaintRow[], unknown[], unknown[], ...unknown[][]];
    let row = first;
    if (!row) {
      // Not in the guessed region (or no such order): one region-free lookup by the id (ADR 0006),
      // then the order locked in its own region.
      const actual = await repo.findComplaintRegion(tx, id);
      if (actual && actual !== guess) row = await repo.findComplaintForUpdate(tx, actual, id);
    }
    if (!row) throw new ComplaintError('COMPLAINT_NOT_FOUND');
    assertAccess(actor, action, { regionCode: row.regionCode });
    rememberRegion(row.id, row.regionCode);
    if (row.version !== version)
      throw new ComplaintError('COMPLAINT_STALE', undefined, { expected: version, current: row.version });
    const guessed = row.regionCode === guess;
    const calendar = guessed
      ? await calendarNow.finish(chainRows)
      : await getCalendar(deps, row.regionCode, tx);
    const link = guessed
      ? await chain.finish(headRows)
      : await lockAuditChain(tx, row.regionCode, 'complaint', row.id);
    const pre =
      guessed || !preReads
        ? preRows
        : ((await executeBatch(tx, preReads(tx, row.regionCode))) as unknown[][]);
    const ctx: StepCtx = { tx, now, actor, deps, row, calendar, today: shanghaiToday(now), pre };
    const s = await step(ctx);
    const next = row.version + 1;
    const ref = { regionCode: row.regionCode, entityType: 'complaint', entityId: row.id };
    const writes: Compilable[] = [
      repo.updateComplaintQuery(tx, row.regionCode, row.id, s.patch, now),
      repo.insertEventQuery(tx, {
        regionCode: row.regionCode,
        complaintId: row.id,
        seq: next,
        type: s.event.type,
        payload: s.event.payload ?? {},
        actorId: actor.userId,
        actorName: actor.displayName,
        at: now,
      }),
      ...(s.also ? s.also(ctx) : []),
      ...inboxWrites(tx, {
        close: s.closeTodos ? [{ ...ref, kind: s.closeTodos === true ? undefined : s.closeTodos.kind }] : [],
        deliver: s.inbox ?? [],
        at: now,
      }),
      ...auditEntryWrites(
        tx,
        link,
        actor,
        [
          {
            action: auditAction,
            entityType: 'complaint',
            entityId: row.id,
            summary: { orderNo: row.orderNo, ...(s.summary ?? {}) },
          },
        ],
        now,
      ),
    ];
    await executeWrites(tx, writes, { thenCommit: true });
    return { id: row.id, version: next };
  });
}

/** A change and its event on another record, as statements sent with the step (CPL-3 merged ones). */
export function touchOther(
  ctx: StepCtx,
  row: repo.ComplaintRow,
  patch: Updateable<ComplaintTable>,
  type: string,
  payload: Record<string, unknown>,
): Compilable[] {
  return [
    repo.updateComplaintQuery(ctx.tx, row.regionCode, row.id, patch, ctx.now),
    repo.insertEventQuery(ctx.tx, {
      regionCode: row.regionCode,
      complaintId: row.id,
      seq: row.version + 1,
      type,
      payload,
      actorId: ctx.actor.userId,
      actorName: ctx.actor.displayName,
      at: ctx.now,
    }),
  ];
}
