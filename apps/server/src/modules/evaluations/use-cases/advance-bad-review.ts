import type { BadReviewAction, BadReviewStatus, CallbackInput, RectifyInput } from '@tongban/contracts';
import { assertAccess, regionScopeLike, type Actor } from '../../../platform/access';
import { forbidden } from '../../../platform/errors';
import type { Deps } from '../../../platform/app-types';
import { runCommand } from '../../../platform/command';
import type { NewOutboxMessage } from '../../../platform/outbox';
import { listFileOwners } from '../../../platform/files';
import { listUserIdsByRole } from '../../auth';
import { closeInboxTodos, type InboxDelivery } from '../../inbox';
import { EvaluationsError } from '../evaluations.errors';
import { badReviewLink, badReviewTodo, smsReply } from '../evaluations-notices';
import { allowedActions, nextStatus } from '../evaluations.policy';
import * as repo from '../evaluations.repository';
import { getReadableBadReview, loadFacts } from './get-bad-review';

type StepInput =
  | { step: 'verify' | 'reply'; note: string; version: number }
  | ({ step: 'rectify' } & RectifyInput)
  | ({ step: 'callback' } & CallbackInput)
  | { step: 'close'; note: string; version: number };

const PERMISSION_OF = {
  verify: 'evaluations.badReview.verify',
  rectify: 'evaluations.badReview.rectify',
  reply: 'evaluations.badReview.reply',
  callback: 'evaluations.badReview.callback',
  close: 'evaluations.badReview.callback',
} as const;

const ACTION_OF = {
  verify: 'verify',
  rectify: 'rectify',
  reply: 'reply',
  callback: 'callback',
  close: 'close',
} as const;

/**
 * One step of the 差评 loop: 核实 → 整改 (with evidence) → 反馈 → 回访 → 办结. Who may act is the
 * policy's `allowedActions` (SOD-2 for the callback and close); each step closes its to-dos and
 * hands the next one to whoever does it.
 */
export async function advanceBadReview(deps: Deps, actor: Actor, id: string, input: StepInput) {
  assertAccess(actor, PERMISSION_OF[input.step]);
  return runCommand(deps, actor, async ({ tx, now }) => {
    await repo.lockBadReview(tx, regionScopeLike(actor), id);
    const row = await getReadableBadReview(tx, actor, id);
    const facts = await loadFacts(tx, row);
    const action: BadReviewAction = ACTION_OF[input.step];
    if (!allowedActions(actor, facts).includes(action)) throw refusal(actor, facts, action);
    if (input.version !== row.version) throw new EvaluationsError('EVAL_STALE');
    if (input.step === 'rectify') await checkEvidence(tx, row.regionCode, id, input.evidence);
    // EVAL-1: a callback that did not reach the applicant is recorded; the item stays open.
    const reached = input.step === 'callback' ? input.reached : null;
    const status: BadReviewStatus =
      input.step === 'close' || (input.step === 'callback' && reached)
        ? 'closed'
        : input.step === 'callback'
          ? 'callback'
          : nextStatus(row.status);
    await repo.insertStep(tx, {
      regionCode: row.regionCode,
      badReviewId: id,
      step: input.step,
      actorId: actor.userId,
      actorName: actor.displayName,
      note: input.note,
      evidence: JSON.stringify(input.step === 'rectify' ? input.evidence : []),
      reached,
      satisfied: input.step === 'callback' ? input.satisfied : null,
      at: now,
    });
    // EVAL-4: the figures' rollup counts the 整改 and the 回访 that reached the applicant.
    if (input.step === 'rectify') await repo.countBadReviewStep(tx, row.regionCode, id, 'rectified');
    if (reached) await repo.countBadReviewStep(tx, row.regionCode, id, 'called_back');
    await repo.updateBadReview(tx, row.regionCode, id, {
      status,
      version: row.version + 1,
      ...(input.step === 'rectify' ? { handlerId: actor.userId, rectifiedAt: now } : {}),
      ...(reached ? { calledBackAt: now } : {}),
      ...(status === 'closed' ? { closedAt: now } : {}),
    });
    if (status !== row.status)
      await closeInboxTodos(
        tx,
        { regionCode: row.regionCode, entityType: 'eval_bad_review', entityId: id },
        now,
      );
    const inbox: InboxDelivery[] = [];
    if (status !== row.status && status !== 'closed') {
      const role = status === 'callback' ? 'supervisor' : 'dept_head';
      const users = await listUserIdsByRole(tx, {
        regionCode: row.regionCode,
        role,
        departmentId: role === 'dept_head' ? row.badDepartmentId : null,
      });
      inbox.push({
        regionCode: row.regionCode,
        recipientUserIds: users,
        kind: `evaluations.bad_review.${status}`,
        ...badReviewTodo(status, row.level, String(row.dueDate)),
        link: badReviewLink(id),
        entityType: 'eval_bad_review',
        entityId: id,
        isTodo: true,
      });
    }
    // 反馈: the answer goes to the applicant of a rated case (SEC-1: the case's own contact).
    const outbox: NewOutboxMessage[] =
      input.step === 'reply' && row.caseId
        ? [
            {
              regionCode: row.regionCode,
              kind: 'evaluations.reply',
              recipientUserId: null,
              recipientCaseId: row.caseId,
              channel: 'sms',
              ...smsReply(input.note),
            },
          ]
        : [];
    return {
      result: { status },
      inbox,
      outbox,
      audit: {
        action: `evaluations.bad_review.${input.step}`,
        entityType: 'eval_bad_review',
        entityId: id,
        regionCode: row.regionCode,
        summary: { from: row.status, to: status, ...(reached === null ? {} : { reached }) },
      },
    };
  });
}

function refusal(actor: Actor, facts: Awaited<ReturnType<typeof loadFacts>>, action: BadReviewAction) {
  const expected = {
    verify: 'verify',
    rectify: 'rectify',
    reply: 'reply',
    callback: 'callback',
    close: 'callback',
  } as const;
  if (action === 'close' && facts.status === 'callback' && facts.realName)
    return new EvaluationsError('EVAL_CALLBACK_REQUIRED');
  if (action in expected && facts.status !== expected[action as keyof typeof expected])
    return new EvaluationsError('EVAL_WRONG_STEP');
  // SOD-2: the handler and the rated person never call back or close.
  if (
    (action === 'callback' || action === 'close') &&
    actor.userId &&
    (actor.userId === facts.handlerId || actor.userId === facts.ratedUserId)
  )
    return new EvaluationsError('EVAL_SOD');
  return forbidden('无权办理这一步');
}

/** Evidence must be files uploaded to this work item (platform/files owner eval_bad_review). */
async function checkEvidence(
  tx: Parameters<typeof listFileOwners>[0],
  regionCode: string,
  id: string,
  evidence: string[],
) {
  for (const sha of evidence) {
    const owners = await listFileOwners(tx, sha, regionCode);
    if (!owners.some((o) => o.kind === 'eval_bad_review' && o.id === id && o.regionCode === regionCode))
      throw new EvaluationsError('EVAL_EVIDENCE_UNKNOWN');
  }
}
