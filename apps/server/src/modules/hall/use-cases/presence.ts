import type { Presence } from '@tongban/contracts';
import type { Actor } from '../../../platform/access';
import { assertAccess } from '../../../platform/access';
import type { Deps } from '../../../platform/app-types';
import { runCommand } from '../../../platform/command';
import type { Executor } from '../../../platform/db';
import { orgService } from '../../org';
import { HallError } from '../hall.errors';
import * as repo from '../hall.repository';

type PresenceRow = NonNullable<Awaited<ReturnType<typeof repo.openPresenceOfUser>>>;
export const toPresence = (p: PresenceRow, windowNumber: string, staffName: string): Presence => ({
  id: p.id,
  hallId: p.hallId,
  windowId: p.windowId,
  windowNumber,
  staffId: p.staffId,
  staffName,
  signedInAt: p.signedInAt.toISOString(),
  signedOutAt: p.signedOutAt?.toISOString() ?? null,
});

/**
 * Presence: a clerk signs in at a window as one staff member of their own department. One person at
 * a window and one window per person at a time (the partial unique indexes hold it too).
 */
export async function signIn(deps: Deps, actor: Actor, windowId: string, staffId: string): Promise<Presence> {
  assertAccess(actor, 'hall.queue.serve');
  const window = await orgService.findWindowRecord(deps.db, windowId);
  if (!window) throw new HallError('HALL_WINDOW_NOT_FOUND');
  const staff = await orgService.findStaffRecord(deps.db, staffId);
  if (!staff) throw new HallError('HALL_STAFF_NOT_FOUND');
  assertAccess(actor, 'hall.queue.serve', {
    regionCode: window.regionCode,
    departmentId: staff.departmentId,
  });
  return runCommand(deps, actor, async ({ tx, now }) => {
    const rc = window.regionCode;
    if (actor.userId && (await repo.openPresenceOfUser(tx, rc, actor.userId)))
      throw new HallError('HALL_STAFF_ON_DUTY', '您已在一个窗口签到，请先签退');
    if (await repo.openPresenceAtWindow(tx, rc, window.id)) throw new HallError('HALL_WINDOW_TAKEN');
    if (await repo.openPresenceOfStaff(tx, rc, staff.id)) throw new HallError('HALL_STAFF_ON_DUTY');
    const row = await repo.insertPresence(tx, {
      regionCode: rc,
      hallId: window.hallId,
      windowId: window.id,
      staffId: staff.id,
      userId: actor.userId,
      signedInAt: now,
    });
    return {
      result: toPresence(row, window.number, staff.name),
      audit: {
        action: 'hall.presence.sign_in',
        entityType: 'hall_presence',
        entityId: row.id,
        regionCode: rc,
        summary: { window: window.number, staffId: staff.id },
      },
    };
  });
}

/** Signs out; a ticket still called at the window must be finished or skipped first. */
export async function signOut(deps: Deps, actor: Actor): Promise<Presence> {
  assertAccess(actor, 'hall.queue.serve');
  const p = actor.userId ? await repo.openPresenceOfUser(deps.db, actor.regionCode, actor.userId) : undefined;
  if (!p) throw new HallError('HALL_NOT_ON_DUTY');
  const window = await orgService.findWindowRecord(deps.db, p.windowId);
  const staff = await orgService.findStaffRecord(deps.db, p.staffId);
  return runCommand(deps, actor, async ({ tx, now }) => {
    const open = await repo.listTicketsOfWindowOpen(tx, p.regionCode, p.windowId);
    if (open) throw new HallError('HALL_WINDOW_BUSY');
    const row = await repo.closePresence(tx, p.regionCode, p.id, now);
    if (!row) throw new HallError('HALL_NOT_ON_DUTY');
    return {
      result: toPresence(row, window?.number ?? '', staff?.name ?? ''),
      audit: {
        action: 'hall.presence.sign_out',
        entityType: 'hall_presence',
        entityId: p.id,
        regionCode: p.regionCode,
      },
    };
  });
}

/**
 * Who is on duty at a window now (the evaluator pad, EVAL-3, and the staff board): exported from the
 * module's index for the evaluations module.
 */
/**
 * findOnDutyStaff's first read as a statement (executeBatch): the open presence at the window. Who
 * is on duty is then the staff record of its staffId, as findOnDutyStaff reads it (none: nobody).
 */
export const onDutyPresenceQuery = (db: Executor, regionCode: string, windowId: string) =>
  repo.openPresenceAtWindowQuery(db, regionCode, windowId);

export async function findOnDutyStaff(
  db: Executor,
  regionCode: string,
  windowId: string,
): Promise<{ staffId: string; name: string; photo: string | null; staffNo: string | null } | null> {
  const p = await repo.openPresenceAtWindow(db, regionCode, windowId);
  if (!p) return null;
  const s = await orgService.findStaffRecord(db, p.staffId);
  if (!s) return null;
  return { staffId: s.id, name: s.name, photo: s.photo, staffNo: s.staffNo };
}
