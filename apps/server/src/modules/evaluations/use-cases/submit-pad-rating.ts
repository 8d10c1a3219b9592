import type { PadRatingInput, PadView, RatingReceipt } from '@tongban/contracts';
import type { Actor } from '../../../platform/access';
import type { Deps } from '../../../platform/app-types';
import { runCommand } from '../../../platform/command';
import { executeBatch } from '../../../platform/db';
import { casesService } from '../../cases';
import { orgService } from '../../org';
import { EvaluationsError } from '../evaluations.errors';
import * as repo from '../evaluations.repository';
import { findOnDutyStaff, onDutyPresenceQuery } from '../on-duty';
import { getRatingSource, tokenHash, windowOfKey } from './pad-token';
import { recordRating } from './record-rating';

/** A visit is offered on the pad for this long after the service ended. */
const VISIT_OPEN_MS = 30 * 60_000;

/** What the pad shows: its window, the clerk on duty (EVAL-3) and the visit waiting to be rated. */
export async function getPadView(deps: Deps, token: string): Promise<PadView> {
  const pad = await getRatingSource(deps, deps.db, token);
  const now = deps.clock.now();
  const [w, onDuty, visit] = await Promise.all([
    orgService.findWindowById(deps.db, pad.windowId),
    findOnDutyStaff(deps.db, pad.regionCode, pad.windowId),
    repo.findOpenVisit(deps.db, pad.regionCode, pad.windowId, new Date(now.getTime() - VISIT_OPEN_MS)),
  ]);
  const served = visit?.staffId ? await orgService.findStaffById(deps.db, visit.staffId) : undefined;
  return {
    windowName: w?.name ?? '',
    windowNumber: w?.number ?? '',
    onDuty,
    visit: visit
      ? { id: visit.id, openedAt: visit.openedAt.toISOString(), staffName: served?.name ?? null }
      : null,
  };
}

/**
 * 一次一评 on site: the pad rates one visit at its own window. The rated clerk is whoever served the
 * visit; the pad's window, the staff's department and their names are kept as rated.
 */
export async function submitPadRating(
  deps: Deps,
  actor: Actor,
  token: string,
  input: PadRatingInput,
): Promise<RatingReceipt> {
  const qrWindow = windowOfKey(deps, token);
  const hash = qrWindow ? null : tokenHash(deps, 'pad', token);
  // One connection for the whole submit: its reads and its write share one transaction, so 200 pads
  // at once each wait for the pool once, not once per read.
  return runCommand(deps, actor, async (ctx) => {
    const { tx } = ctx;
    let pad: { id: string | null; regionCode: string; windowId: string };
    let visit: { id: string; staffId: string | null; caseId: string | null } | undefined;
    if (hash) {
      const found = await repo.findPadAndVisit(tx, hash, input.visitId);
      if (!found) throw new EvaluationsError('EVAL_PAD_NOT_REGISTERED');
      pad = { id: found.id, regionCode: found.regionCode, windowId: found.windowId };
      if (found.visitId)
        visit = { id: found.visitId, staffId: found.visitStaffId, caseId: found.visitCaseId };
    } else {
      // A window's QR code (扫码评价): the window's own visits, no pad.
      const source = await getRatingSource(deps, tx, token);
      pad = { id: null, regionCode: source.regionCode, windowId: source.windowId };
      const v = await repo.findVisit(tx, pad.regionCode, input.visitId);
      if (v && v.windowId === pad.windowId) visit = v;
    }
    // A visit of another window is not this pad's to rate: the same 404 as none.
    if (!visit) throw new EvaluationsError('EVAL_VISIT_NOT_FOUND');
    // The window, the rated clerk and who is signed in at the window in one round trip; the
    // department and the signed-in clerk's record (when not the rated one) in a second.
    const [[w], staffRows, presence] = await executeBatch(tx, [
      orgService.windowByIdQuery(tx, pad.windowId),
      visit.staffId ? orgService.staffByIdQuery(tx, visit.staffId) : null,
      onDutyPresenceQuery(tx, pad.regionCode, pad.windowId),
    ] as const);
    const staff = staffRows?.[0];
    const departmentId = staff?.departmentId ?? w?.departmentId ?? null;
    const presentId = presence[0]?.staffId;
    const [deptRows, presentRows] = await executeBatch(tx, [
      departmentId ? orgService.departmentByIdQuery(tx, departmentId) : null,
      presentId && presentId !== staff?.id ? orgService.staffByIdQuery(tx, presentId) : null,
    ] as const);
    const dept = deptRows?.[0];
    // EVAL-3 as findOnDutyStaff decides it: an open presence whose staff record exists.
    const onDuty = presentId ? (presentId === staff?.id ? staff : presentRows?.[0]) : undefined;
    const caseRef = visit.caseId ? await casesService.findCaseRef(tx, visit.caseId) : undefined;
    const r = await recordRating(ctx, {
      regionCode: pad.regionCode,
      channel: 'site',
      visitId: visit.id,
      caseId: visit.caseId,
      caseConcludedAt: caseRef?.concluded ? caseRef.decidedAt : null,
      padId: pad.id,
      windowId: pad.windowId,
      windowName: w ? `${w.number} ${w.name}` : null,
      staffId: staff?.id ?? null,
      staffName: staff?.name ?? null,
      departmentId,
      departmentName: dept?.name ?? caseRef?.departmentName ?? null,
      itemId: caseRef?.itemId ?? null,
      itemName: caseRef?.itemName ?? null,
      level: input.level,
      indicators: input.indicators,
      reasonCategory: input.reasonCategory,
      reasonText: input.reasonText,
      realName: false,
      unstaffed: onDuty === undefined,
    });
    return {
      result: { id: r.id, level: input.level, badReview: r.badReview },
      inbox: r.inbox,
      audit: {
        action: 'evaluations.rating.submit',
        entityType: 'eval_rating',
        entityId: r.id,
        regionCode: pad.regionCode,
        summary: { channel: 'site', level: input.level, padId: pad.id, qr: pad.id === null },
      },
    };
  });
}
