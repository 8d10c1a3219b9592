import type { VisitOpenInput } from '@tongban/contracts';
import { assertAccess, type Actor } from '../../../platform/access';
import type { Deps } from '../../../platform/app-types';
import { runCommand } from '../../../platform/command';
import { uuidv7 } from '../../../platform/crypto';
import type { Executor } from '../../../platform/db';
import { orgService } from '../../org';
import { EvaluationsError } from '../evaluations.errors';
import * as repo from '../evaluations.repository';
import { findOnDutyStaff } from '../on-duty';

export type RatingVisit = {
  regionCode: string;
  windowId: string;
  staffId: string | null;
  ticketId: string | null;
  caseId: string | null;
  at: Date;
};

/**
 * 一次一评: a finished service at a window becomes a visit its pad offers for rating. Hall calls this
 * in its own transaction when a clerk finishes a ticket.
 */
export async function openRatingVisit(tx: Executor, v: RatingVisit): Promise<void> {
  await insertVisit(tx, v, null);
}

async function insertVisit(tx: Executor, v: RatingVisit, openedBy: string | null) {
  return repo.insertVisit(tx, {
    id: uuidv7(v.at.getTime()),
    regionCode: v.regionCode,
    windowId: v.windowId,
    staffId: v.staffId,
    ticketId: v.ticketId,
    caseId: v.caseId,
    openedBy,
    openedAt: v.at,
  });
}

/** A clerk opens a visit at a window (the clerk on duty is the one rated unless named). */
export async function openVisit(deps: Deps, actor: Actor, input: VisitOpenInput): Promise<{ id: string }> {
  const w = await orgService.findWindowById(deps.db, input.windowId);
  if (!w) throw new EvaluationsError('EVAL_WINDOW_NOT_FOUND');
  assertAccess(actor, 'evaluations.visit.write', { regionCode: w.regionCode });
  const staffId = input.staffId ?? (await findOnDutyStaff(deps.db, w.regionCode, w.id))?.staffId ?? null;
  return runCommand(deps, actor, async ({ tx, now }) => {
    const row = await insertVisit(
      tx,
      { regionCode: w.regionCode, windowId: w.id, staffId, ticketId: null, caseId: input.caseId, at: now },
      actor.userId,
    );
    return {
      result: { id: row.id },
      audit: {
        action: 'evaluations.visit.open',
        entityType: 'eval_visit',
        entityId: row.id,
        regionCode: w.regionCode,
        summary: { windowId: w.id, staffId, caseId: input.caseId },
      },
    };
  });
}
