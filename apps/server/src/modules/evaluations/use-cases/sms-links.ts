import type { RatingReceipt, SmsLinkView, SmsRatingInput } from '@tongban/contracts';
import type { Actor } from '../../../platform/access';
import type { Deps } from '../../../platform/app-types';
import { randomToken } from '../../../platform/crypto';
import { SYSTEM_ACTOR } from '../../../platform/access';
import { runCommand } from '../../../platform/command';
import { casesService } from '../../cases';
import { EvaluationsError } from '../evaluations.errors';
import { smsInvite } from '../evaluations-notices';
import * as repo from '../evaluations.repository';
import { tokenHash } from './pad-token';
import { rateCase } from './submit-case-rating';
import { readSetting } from './settings';

const DAY = 86_400_000;
const LINK_VALID_DAYS = 30;

/** SEC-2: a forged, used or expired link all answer the same 404. */
async function liveLink(deps: Deps, token: string) {
  const link = await repo.findSmsLinkByHash(deps.db, tokenHash(deps, 'sms', token));
  if (!link || link.usedAt || link.expiresAt <= deps.clock.now())
    throw new EvaluationsError('EVAL_LINK_INVALID');
  const c = await casesService.findCaseRef(deps.db, link.regionCode, link.caseId);
  if (!c) throw new EvaluationsError('EVAL_LINK_INVALID');
  return { link, c };
}

export async function getSmsLink(deps: Deps, token: string): Promise<SmsLinkView> {
  const { c } = await liveLink(deps, token);
  return { itemName: c.itemName, departmentName: c.departmentName };
}

/** EVAL-3: an SMS link rates its own case once; the link is used in the rating's transaction. */
export async function submitSmsRating(
  deps: Deps,
  actor: Actor,
  token: string,
  input: SmsRatingInput,
): Promise<RatingReceipt> {
  const { link, c } = await liveLink(deps, token);
  return rateCase(deps, actor, c, 'sms', input, async (tx) => {
    const used = await repo.useSmsLink(tx, link.regionCode, link.id, deps.clock.now());
    if (!used) throw new EvaluationsError('EVAL_LINK_INVALID');
  });
}

/**
 * The job: a case concluded `smsAfterDays` ago and still unrated gets one single-use link by SMS
 * to the contact given with the case (SEC-1, through the outbox). Returns how many were sent.
 */
export async function enqueueRatingInvites(deps: Deps, now: Date): Promise<number> {
  // The longest setting is 30 days: look back that far plus a week, newest first.
  const candidates = await casesService.listConcludedCasesBetween(
    deps.db,
    new Date(now.getTime() - 37 * DAY),
    new Date(now.getTime() - DAY),
  );
  const done = await repo.listLinkedOrRatedCaseIds(deps.db, candidates);
  let sent = 0;
  for (const cand of candidates) {
    if (done.has(cand.id)) continue;
    const { smsAfterDays } = await readSetting(deps.db, cand.regionCode);
    const c = await casesService.findCaseRef(deps.db, cand.regionCode, cand.id);
    if (!c?.decidedAt || c.decidedAt.getTime() > now.getTime() - smsAfterDays * DAY) continue;
    const token = randomToken(24);
    const wrote = await runCommand(deps, SYSTEM_ACTOR, async ({ tx }) => {
      const link = await repo.insertSmsLink(tx, {
        regionCode: c.regionCode,
        caseId: c.id,
        tokenHash: tokenHash(deps, 'sms', token),
        createdAt: now,
        expiresAt: new Date(now.getTime() + LINK_VALID_DAYS * DAY),
      });
      if (!link) return { result: false };
      return {
        result: true,
        audit: {
          action: 'evaluations.sms_link.create',
          entityType: 'eval_sms_link',
          entityId: link.id,
          regionCode: c.regionCode,
          summary: { caseId: c.id },
        },
        outbox: [
          {
            regionCode: c.regionCode,
            kind: 'evaluations.sms_invite',
            recipientUserId: null,
            recipientCaseId: c.id,
            channel: 'sms',
            ...smsInvite(c.itemName, `${deps.config.publicBaseUrl}/rate/s/${token}`),
            dedupeKey: `evaluations.sms_invite:${c.id}`,
          },
        ],
      };
    });
    if (wrote) sent++;
  }
  return sent;
}
