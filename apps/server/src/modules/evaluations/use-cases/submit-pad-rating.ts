import type { PadRatingInput, PadView, RatingReceipt } from '@tongban/contracts';
import type { Actor } from '../../../platform/access';
import type { Deps } from '../../../platform/app-types';
import { executeBatch } from '../../../platform/db';
import { casesService } from '../../cases';
import { orgService } from '../../org';
import { EvaluationsError } from '../evaluations.errors';
import * as rm from '../evaluations.read-model';
import * as repo from '../evaluations.repository';
import { findOnDutyStaff, onDutyPresenceQuery } from '../on-duty';
import { getRatingSource, tokenHash, windowOfKey } from './pad-token';
import { readForRating, recordRating, type NewRating } from './record-rating';

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

/** A pad never changes window: once seen, its window is known before it is read (the clerk on duty). */
const windowOfPad = new Map<string, { regionCode: string; windowId: string }>();

/**
 * 一次一评 on site: the pad rates one visit at its own window. The rated clerk is whoever served the
 * visit; the pad's window, the staff's department and their names are kept as rated. Round trips:
 * the pad, the visit and the names in one statement; who is on duty and the rating's own reads in a
 * second; the rating with everything it writes, and the COMMIT, in a third.
 */
export async function submitPadRating(
  deps: Deps,
  actor: Actor,
  token: string,
  input: PadRatingInput,
): Promise<RatingReceipt> {
  const qrWindow = windowOfKey(deps, token);
  const hash = qrWindow ? null : tokenHash(deps, 'pad', token);
  const source = hash ? { tokenHash: hash } : { windowId: qrWindow! };
  const known = hash ? windowOfPad.get(hash) : undefined;
  return deps.db.transaction().execute(async (tx) => {
    const now = deps.clock.now();
    const ctx = { tx, now, actor, deps };
    // The window of a pad seen before is known: who is on duty there rides with the pad's read.
    const [[subject], knownPresence] = await executeBatch(tx, [
      rm.ratingSubjectQuery(tx, source, input.visitId),
      known ? onDutyPresenceQuery(tx, known.regionCode, known.windowId) : null,
    ] as const);
    if (!subject) throw new EvaluationsError('EVAL_PAD_NOT_REGISTERED');
    if (hash) {
      if (windowOfPad.size >= 10_000) windowOfPad.clear();
      windowOfPad.set(hash, { regionCode: subject.regionCode, windowId: subject.windowId });
    }
    // A visit of another window is not this pad's to rate: the same 404 as none.
    if (!subject.visitId) throw new EvaluationsError('EVAL_VISIT_NOT_FOUND');
    if (subject.rated) throw new EvaluationsError('EVAL_ALREADY_RATED');
    const caseRef = subject.visitCaseId ? await casesService.findCaseRef(tx, subject.visitCaseId) : undefined;
    const r: NewRating = {
      regionCode: subject.regionCode,
      channel: 'site',
      visitId: subject.visitId,
      caseId: subject.visitCaseId,
      caseConcludedAt: caseRef?.concluded ? caseRef.decidedAt : null,
      padId: subject.padId,
      windowId: subject.windowId,
      windowName: `${subject.windowNumber} ${subject.windowName}`,
      staffId: subject.staffId,
      staffName: subject.staffName,
      departmentId: subject.departmentId,
      departmentName: subject.departmentName ?? caseRef?.departmentName ?? null,
      itemId: caseRef?.itemId ?? null,
      itemName: caseRef?.itemName ?? null,
      level: input.level,
      indicators: input.indicators,
      reasonCategory: input.reasonCategory,
      reasonText: input.reasonText,
      realName: false,
    };
    const { id, facts, extraRows } = await readForRating(ctx, r, [
      known ? null : onDutyPresenceQuery(tx, subject.regionCode, subject.windowId),
    ] as const);
    const presence = (knownPresence ?? extraRows[0] ?? []) as { staffId: string }[];
    // EVAL-3 as findOnDutyStaff decides it: an open presence whose staff record exists.
    const presentId = presence[0]?.staffId;
    const onDuty =
      presentId === undefined
        ? false
        : presentId === subject.staffId ||
          (await executeBatch(tx, [orgService.staffByIdQuery(tx, presentId)] as const))[0].length > 0;
    return recordRating(ctx, { ...r, unstaffed: !onDuty }, id, facts, {
      action: 'evaluations.rating.submit',
      summary: { channel: 'site', level: input.level, padId: subject.padId, qr: subject.padId === null },
    }).then((x) => ({ id: x.id, level: input.level, badReview: x.badReview }));
  });
}
