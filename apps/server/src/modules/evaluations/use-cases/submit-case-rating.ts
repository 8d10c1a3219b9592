import type { CaseRatingInput, RatingReceipt, SmsRatingInput } from '@tongban/contracts';
import type { Actor } from '../../../platform/access';
import type { Deps } from '../../../platform/app-types';
import type { Tx } from '../../../platform/db';
import { casesService } from '../../cases';
import { EvaluationsError } from '../evaluations.errors';
import * as repo from '../evaluations.repository';
import { keysOf, readForRating, recordRating, type NewRating } from './record-rating';

/** Whether a tracked case may be rated now (the tracking page shows the rating form then). */
export async function getCaseRatingStatus(deps: Deps, input: { caseNo: string; queryCode: string }) {
  const c = await casesService.findTrackedCaseRef(deps, input);
  const rated = await repo.findRatingOfCase(deps.db, c.regionCode, c.id);
  return {
    concluded: c.concluded,
    rated: Boolean(rated),
    itemName: c.itemName,
    departmentName: c.departmentName,
  };
}

/** 一事一评 online: the applicant rates a concluded case with its tracking credentials (EVAL-3). */
export async function submitCaseRating(
  deps: Deps,
  actor: Actor,
  input: CaseRatingInput,
): Promise<RatingReceipt> {
  const c = await casesService.findTrackedCaseRef(deps, { caseNo: input.caseNo, queryCode: input.queryCode });
  return rateCase(deps, actor, c, 'online', input, null);
}

/** Shared by the tracking page and the SMS link: a concluded case, one rating, named (实名). */
export async function rateCase(
  deps: Deps,
  actor: Actor,
  c: casesService.CaseRef,
  channel: 'online' | 'sms',
  input: SmsRatingInput,
  useLink: ((tx: Tx) => Promise<void>) | null,
): Promise<RatingReceipt> {
  if (!c.concluded) throw new EvaluationsError('EVAL_CASE_NOT_CONCLUDED');
  const a = { ...actor, regionCode: c.regionCode };
  return deps.db.transaction().execute(async (tx) => {
    const ctx = { tx, now: deps.clock.now(), actor: a, deps };
    if (useLink) await useLink(tx);
    const r: NewRating = {
      regionCode: c.regionCode,
      channel,
      caseId: c.id,
      caseConcludedAt: c.decidedAt,
      departmentId: c.departmentId,
      departmentName: c.departmentName,
      itemId: c.itemId,
      itemName: c.itemName,
      level: input.level,
      indicators: input.indicators,
      reasonCategory: input.reasonCategory,
      reasonText: input.reasonText,
      // EVAL-1: a rating bound to a case knows its applicant: 实名, called back when bad.
      realName: true,
    };
    const { id, facts } = await readForRating(ctx, keysOf(r), [] as const);
    const x = await recordRating(ctx, r, id, facts, {
      action: 'evaluations.rating.submit',
      summary: { channel, level: input.level, caseId: c.id },
    });
    return { id: x.id, level: input.level, badReview: x.badReview };
  });
}
