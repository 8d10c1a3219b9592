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
import {
  keysOf,
  readForRating,
  recordRating,
  type NewRating,
  type RatingFacts,
  type RatingKeys,
} from './record-rating';

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
 * What a rating source (a pad, or a window's QR code) was last seen as: a pad never changes window or
 * region, so its next rating's reads need not wait for the pad's row; the clerk is guessed to be the
 * one rated last there. A wrong guess costs one more round trip, never a wrong result: the pad, its
 * window and the visit's clerk are read again with the rating and checked (recordRating).
 */
type Seen = {
  regionCode: string;
  windowId: string;
  padId: string | null;
  account: RatingKeys['account'];
};
const seen = new Map<string, Seen>();

/**
 * 一次一评 on site: the pad rates one visit at its own window. The rated clerk is whoever served the
 * visit; the pad's window, the staff's department and their names are kept as rated. Round trips:
 * the pad with its visit and names, who is on duty and the rating's own reads in one; the rating with
 * everything it writes, and the COMMIT, in a second (a pad not seen before by this process: three).
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
  const key = hash ?? `window:${qrWindow}`;
  const known = seen.get(key);
  return deps.db.transaction().execute(async (tx) => {
    const now = deps.clock.now();
    const ctx = { tx, now, actor, deps };
    const keysOfKnown = (k: Seen): RatingKeys => ({
      regionCode: k.regionCode,
      channel: 'site',
      level: input.level,
      padId: k.padId,
      caseId: null,
      account: k.account,
    });
    const first = known
      ? await readForRating(ctx, keysOfKnown(known), [
          rm.ratingSubjectQuery(tx, source, input.visitId),
          onDutyPresenceQuery(tx, known.regionCode, known.windowId),
        ] as const)
      : undefined;
    const subject = (
      first
        ? first.extraRows[0]
        : (await executeBatch(tx, [rm.ratingSubjectQuery(tx, source, input.visitId)]))[0]
    )?.[0] as rm.RatingSubject | undefined;
    if (!subject) {
      seen.delete(key);
      // A QR code's window that exists, without that visit: the same 404 as a visit of another window.
      if (qrWindow && (await orgService.findWindowById(tx, qrWindow)))
        throw new EvaluationsError('EVAL_VISIT_NOT_FOUND');
      throw new EvaluationsError('EVAL_PAD_NOT_REGISTERED');
    }
    // A visit of another window is not this pad's to rate: the same 404 as none.
    if (!subject.visitId) throw new EvaluationsError('EVAL_VISIT_NOT_FOUND');
    if (subject.rated) throw new EvaluationsError('EVAL_ALREADY_RATED');
    const caseRef = subject.visitCaseId
      ? await casesService.findCaseRef(tx, subject.regionCode, subject.visitCaseId)
      : undefined;
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
    const keys = keysOf(r);
    const seenNow: Seen = {
      regionCode: r.regionCode,
      windowId: subject.windowId,
      padId: subject.padId,
      account: keys.account,
    };
    if (seen.size >= 10_000) seen.clear();
    seen.set(key, seenNow);
    // First seen here (or seen otherwise, which a pad's window and region never are): read now.
    let read: { id: string; facts: RatingFacts; presence: unknown[] | undefined };
    if (first && first.facts.keys.regionCode === r.regionCode && first.facts.keys.padId === r.padId)
      read = { id: first.id, facts: first.facts, presence: first.extraRows[1] };
    else {
      const again = await readForRating(ctx, keys, [
        onDutyPresenceQuery(tx, r.regionCode, subject.windowId),
      ] as const);
      read = { id: again.id, facts: again.facts, presence: again.extraRows[0] };
    }
    const presence = read.presence;
    // EVAL-3 as findOnDutyStaff decides it: an open presence whose staff record exists.
    const presentId = (presence as { staffId: string }[] | undefined)?.[0]?.staffId;
    const onDuty =
      presentId === undefined
        ? false
        : presentId === subject.staffId ||
          (await executeBatch(tx, [orgService.staffByIdQuery(tx, presentId)] as const))[0].length > 0;
    const x = await recordRating(ctx, { ...r, unstaffed: !onDuty }, read.id, read.facts, {
      action: 'evaluations.rating.submit',
      summary: { channel: 'site', level: input.level, padId: subject.padId, qr: subject.padId === null },
    });
    return { id: x.id, level: input.level, badReview: x.badReview };
  });
}
