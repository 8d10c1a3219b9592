import type { Ticket, TicketTransferInput } from '@tongban/contracts';
import type { Actor } from '../../../platform/access';
import { assertAccess } from '../../../platform/access';
import type { Deps } from '../../../platform/app-types';
import { runCommand } from '../../../platform/command';
import type { Executor } from '../../../platform/db';
import { shanghaiToday } from '../../../platform/time';
import { orgService } from '../../org';
import { publishCall } from '../call-bus';
import { openRatingVisit } from '../evaluations-link';
import { HallError } from '../hall.errors';
import * as repo from '../hall.repository';
import { toTicket } from './shared';

/** The clerk's presence at a window: every console action needs it (the window and staff on duty). */
export async function onDuty(db: Executor, actor: Actor) {
  assertAccess(actor, 'hall.queue.serve');
  const p = actor.userId ? await repo.openPresenceOfUser(db, actor.regionCode, actor.userId) : undefined;
  if (!p) throw new HallError('HALL_NOT_ON_DUTY');
  const window = await orgService.findWindowRecord(db, p.windowId);
  if (!window) throw new HallError('HALL_WINDOW_NOT_FOUND');
  return { p, window };
}

async function names(
  db: Executor,
  regionCode: string,
  groupId: string,
  window: { id: string; number: string },
) {
  const g = await repo.findGroup(db, regionCode, groupId);
  return { group: new Map([[groupId, g?.name ?? '']]), window: new Map([[window.id, window.number]]) };
}

type Step = 'call' | 'recall' | 'skip' | 'finish';

/**
 * QUE-1: call next (priority class, then arrival), call one ticket, recall, skip (过号) or finish the
 * window's current ticket. Every step is a ticket event and an audit entry; a call reaches the hall's
 * screens after it commits. Finishing opens the evaluator pad's rating (EVAL-3).
 */
export async function serveTicket(
  deps: Deps,
  actor: Actor,
  step: Step | 'next',
  ticketId?: string,
): Promise<Ticket> {
  const { p, window } = await onDuty(deps.db, actor);
  const rc = p.regionCode;
  const result = await runCommand(deps, actor, async ({ tx, now }) => {
    const serviceDate = shanghaiToday(now);
    const current = await repo.currentOfWindow(tx, rc, window.id, serviceDate);
    let row;
    if (step === 'next' || step === 'call') {
      if (current) throw new HallError('HALL_WINDOW_BUSY');
      if (step === 'next') {
        const groupIds = await repo.windowGroupIds(tx, rc, window.id);
        row = await repo.callNext(
          tx,
          { regionCode: rc, hallId: p.hallId, serviceDate, windowId: window.id, groupIds },
          { staffId: p.staffId, at: now },
        );
        if (!row) throw new HallError('HALL_QUEUE_EMPTY');
      } else {
        const t = ticketId ? await repo.findTicket(tx, rc, ticketId) : undefined;
        if (!t || t.hallId !== p.hallId) throw new HallError('HALL_TICKET_NOT_FOUND');
        // A ticket called twice: the update finds it no longer waiting.
        row = await repo.updateTicket(
          tx,
          rc,
          t.id,
          {
            status: 'called',
            windowId: window.id,
            staffId: p.staffId,
            calledAt: t.calledAt ?? now,
            lastCalledAt: now,
          },
          ['waiting'],
        );
        if (!row) throw new HallError('HALL_TICKET_STATE');
      }
    } else {
      if (!current || (ticketId && current.id !== ticketId)) throw new HallError('HALL_TICKET_STATE');
      row =
        step === 'recall'
          ? await repo.recallTicket(tx, rc, current.id, window.id, now)
          : await repo.updateTicket(
              tx,
              rc,
              current.id,
              step === 'skip' ? { status: 'skipped' } : { status: 'finished', finishedAt: now },
              ['called'],
              window.id,
            );
      if (!row) throw new HallError('HALL_TICKET_STATE');
      if (step === 'finish')
        await openRatingVisit(tx, {
          regionCode: rc,
          windowId: window.id,
          staffId: p.staffId,
          ticketId: row.id,
          caseId: null,
          at: now,
        });
    }
    const kind = step === 'next' ? 'call' : step;
    await repo.insertTicketEvent(tx, {
      regionCode: rc,
      ticketId: row.id,
      kind,
      windowId: window.id,
      staffId: p.staffId,
      actorUserId: actor.userId,
      at: now,
    });
    return {
      result: { row, at: now },
      audit: {
        action: `hall.ticket.${kind}`,
        entityType: 'hall_ticket',
        entityId: row.id,
        regionCode: rc,
        summary: { number: row.number, window: window.number },
      },
    };
  });
  const { row } = result;
  if (step === 'next' || step === 'call' || step === 'recall')
    await publishCall(deps, p.hallId, {
      ticketNumber: row.number,
      windowNumber: window.number,
      windowName: window.name,
      at: result.at.toISOString(),
      recall: step === 'recall',
    });
  return toTicket(row, await names(deps.db, rc, row.groupId, window));
}

/**
 * QUE-1: sends the current ticket to another window (only if someone is on duty there) or another
 * group; it waits again with its place by issue time and its priority class.
 */
export async function transferTicket(deps: Deps, actor: Actor, input: TicketTransferInput): Promise<Ticket> {
  const { p, window } = await onDuty(deps.db, actor);
  const rc = p.regionCode;
  const row = await runCommand(deps, actor, async ({ tx, now }) => {
    const current = await repo.currentOfWindow(tx, rc, window.id, shanghaiToday(now));
    if (!current) throw new HallError('HALL_TICKET_STATE', '当前没有可转移的号');
    let set: { targetWindowId: string | null; groupId?: string };
    if (input.toWindowId) {
      const target = await orgService.findWindowRecord(tx, input.toWindowId);
      if (!target || target.hallId !== p.hallId) throw new HallError('HALL_WINDOW_NOT_FOUND');
      if (target.id === window.id) throw new HallError('HALL_WINDOW_CLOSED', '不能转给本窗口');
      if (!(await repo.openPresenceAtWindow(tx, rc, target.id))) throw new HallError('HALL_WINDOW_CLOSED');
      set = { targetWindowId: target.id };
    } else {
      const g = await repo.findGroup(tx, rc, input.toGroupId!);
      if (!g || g.hallId !== p.hallId) throw new HallError('HALL_GROUP_NOT_FOUND');
      set = { targetWindowId: null, groupId: g.id };
    }
    const moved = await repo.updateTicket(
      tx,
      rc,
      current.id,
      { ...set, status: 'waiting', windowId: null, staffId: null },
      ['called'],
      window.id,
    );
    if (!moved) throw new HallError('HALL_TICKET_STATE');
    await repo.insertTicketEvent(tx, {
      regionCode: rc,
      ticketId: moved.id,
      kind: 'transfer',
      windowId: window.id,
      staffId: p.staffId,
      actorUserId: actor.userId,
      detail: { toWindowId: input.toWindowId ?? null, toGroupId: input.toGroupId ?? null },
      at: now,
    });
    return {
      result: moved,
      audit: {
        action: 'hall.ticket.transfer',
        entityType: 'hall_ticket',
        entityId: moved.id,
        regionCode: rc,
        summary: { number: moved.number, from: window.number, ...input },
      },
    };
  });
  return toTicket(row, await names(deps.db, rc, row.groupId, window));
}
