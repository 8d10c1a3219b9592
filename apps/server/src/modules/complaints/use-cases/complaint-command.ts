import type { Action } from '@tongban/contracts';
import type { Updateable } from 'kysely';
import { getCalendar } from '../../calendar';
import type { InboxDelivery } from '../../inbox';
import { assertAccess, type Actor } from '../../../platform/access';
import type { Deps } from '../../../platform/app-types';
import { runCommand, type CommandContext } from '../../../platform/command';
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
  /** Extra writes inside the transaction (holdings, merged records). */
  also?: (ctx: CommandContext) => Promise<void>;
};

export type StepCtx = CommandContext & { row: repo.ComplaintRow; calendar: CompiledCalendar; today: string };

/**
 * One transition of one order: the row locked, its version checked, the change, its event, its
 * audit entry and its to-dos in one transaction (platform/command.ts); nothing on a refusal.
 */
export async function actOnComplaint(
  deps: Deps,
  actor: Actor,
  id: string,
  version: number,
  action: Action,
  auditAction: string,
  step: (ctx: StepCtx) => Promise<Step>,
): Promise<{ id: string; version: number }> {
  assertAccess(actor, action);
  return runCommand(deps, actor, async (ctx) => {
    const row = await repo.findComplaintForUpdate(ctx.tx, id);
    if (!row) throw new ComplaintError('COMPLAINT_NOT_FOUND');
    assertAccess(actor, action, { regionCode: row.regionCode });
    if (row.version !== version)
      throw new ComplaintError('COMPLAINT_STALE', undefined, { expected: version, current: row.version });
    const calendar = await getCalendar(deps, row.regionCode, ctx.tx);
    const s = await step({ ...ctx, row, calendar, today: shanghaiToday(ctx.now) });
    const updated = await repo.updateComplaint(ctx.tx, row.regionCode, row.id, s.patch, ctx.now);
    await repo.insertEvent(ctx.tx, {
      regionCode: row.regionCode,
      complaintId: row.id,
      seq: updated.version,
      type: s.event.type,
      payload: s.event.payload ?? {},
      actorId: actor.userId,
      actorName: actor.displayName,
      at: ctx.now,
    });
    if (s.also) await s.also(ctx);
    return {
      result: { id: row.id, version: updated.version },
      inbox: s.inbox ?? [],
      audit: {
        action: auditAction,
        entityType: 'complaint',
        entityId: row.id,
        regionCode: row.regionCode,
        summary: { orderNo: row.orderNo, ...(s.summary ?? {}) },
      },
    };
  });
}

/** Appends an event to another record in the same transaction (merged duplicates, CPL-3). */
export async function touchOther(
  ctx: CommandContext,
  row: repo.ComplaintRow,
  patch: Updateable<ComplaintTable>,
  type: string,
  payload: Record<string, unknown>,
) {
  const updated = await repo.updateComplaint(ctx.tx, row.regionCode, row.id, patch, ctx.now);
  await repo.insertEvent(ctx.tx, {
    regionCode: row.regionCode,
    complaintId: row.id,
    seq: updated.version,
    type,
    payload,
    actorId: ctx.actor.userId,
    actorName: ctx.actor.displayName,
    at: ctx.now,
  });
}
