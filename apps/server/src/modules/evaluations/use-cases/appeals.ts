import type { AppealDecisionInput, AppealInput } from '@tongban/contracts';
import { assertAccess, type Actor } from '../../../platform/access';
import type { Deps } from '../../../platform/app-types';
import { runCommand } from '../../../platform/command';
import { forbidden } from '../../../platform/errors';
import { listUserIdsByRole } from '../../auth';
import { closeInboxTodos } from '../../inbox';
import { EvaluationsError } from '../evaluations.errors';
import { appealTodo, badReviewLink } from '../evaluations-notices';
import { allowedActions, mayDecideAppeal } from '../evaluations.policy';
import * as repo from '../evaluations.repository';
import { getReadableBadReview, loadFacts } from './get-bad-review';

/** 申诉复核: the rated person's department appeals a 差评 as malicious or mistaken (EVAL-3). */
export async function fileAppeal(deps: Deps, actor: Actor, badReviewId: string, input: AppealInput) {
  assertAccess(actor, 'evaluations.appeal.file');
  return runCommand(deps, actor, async ({ tx, now }) => {
    const row = await getReadableBadReview(tx, actor, badReviewId);
    const facts = await loadFacts(tx, row);
    if (facts.appeal) throw new EvaluationsError('EVAL_APPEAL_EXISTS');
    if (!allowedActions(actor, facts).includes('appeal'))
      throw forbidden('只有被评价人所在部门（本人除外）可以申诉');
    const appeal = await repo.insertAppeal(tx, {
      regionCode: row.regionCode,
      ratingId: row.id,
      kind: input.kind,
      reason: input.reason,
      filedBy: actor.userId!,
      filedByName: actor.displayName,
      filedAt: now,
    });
    if (!appeal) throw new EvaluationsError('EVAL_APPEAL_EXISTS');
    const supervisors = await listUserIdsByRole(tx, { regionCode: row.regionCode, role: 'supervisor' });
    return {
      result: { id: appeal.id },
      inbox: [
        {
          regionCode: row.regionCode,
          // Never the rated person (a supervisor may be on the staff registry too).
          recipientUserIds: supervisors.filter((u) => u !== facts.ratedUserId),
          kind: 'evaluations.appeal',
          ...appealTodo(),
          link: badReviewLink(badReviewId),
          entityType: 'eval_appeal',
          entityId: appeal.id,
          isTodo: true,
        },
      ],
      audit: {
        action: 'evaluations.appeal.file',
        entityType: 'eval_appeal',
        entityId: appeal.id,
        regionCode: row.regionCode,
        summary: { kind: input.kind, ratingId: row.id },
      },
    };
  });
}

/**
 * The supervisor decides (never the rated person, their department or whoever filed it). Upheld:
 * the rating stays visible, marked excluded with the reason, and its work item closes.
 */
export async function decideAppeal(
  deps: Deps,
  actor: Actor,
  badReviewId: string,
  input: AppealDecisionInput,
) {
  assertAccess(actor, 'evaluations.appeal.decide');
  return runCommand(deps, actor, async ({ tx, now }) => {
    const row = await getReadableBadReview(tx, actor, badReviewId);
    const facts = await loadFacts(tx, row);
    const appeal = await repo.findAppealOfRating(tx, row.regionCode, row.id);
    if (!appeal || appeal.decision) throw new EvaluationsError('EVAL_APPEAL_NOT_FOUND');
    if (!mayDecideAppeal(actor, facts))
      throw new EvaluationsError('EVAL_SOD', '被评价人、其所在部门和申诉人不能复核这条申诉');
    await repo.decideAppeal(tx, row.regionCode, appeal.id, {
      decision: input.decision,
      decisionNote: input.note,
      decidedBy: actor.userId,
      decidedByName: actor.displayName,
      decidedAt: now,
    });
    if (input.decision === 'upheld') {
      // EVAL-4: an excluded rating leaves the figures' rollup (before it is marked excluded).
      await repo.uncountRating(tx, row.regionCode, row.id);
      await repo.excludeRating(tx, row.regionCode, row.id, `申诉成立：${input.note}`);
      if (row.status !== 'closed') {
        await repo.insertStep(tx, {
          regionCode: row.regionCode,
          badReviewId,
          step: 'close',
          actorId: actor.userId,
          actorName: actor.displayName,
          note: `申诉复核成立，评价不计入：${input.note}`,
          at: now,
        });
        await repo.updateBadReview(tx, row.regionCode, badReviewId, {
          status: 'closed',
          closedAt: now,
          version: row.version + 1,
        });
        await closeInboxTodos(
          tx,
          { regionCode: row.regionCode, entityType: 'eval_bad_review', entityId: badReviewId },
          now,
        );
      }
    }
    await closeInboxTodos(
      tx,
      { regionCode: row.regionCode, entityType: 'eval_appeal', entityId: appeal.id },
      now,
    );
    return {
      result: { decision: input.decision },
      audit: {
        action: 'evaluations.appeal.decide',
        entityType: 'eval_appeal',
        entityId: appeal.id,
        regionCode: row.regionCode,
        summary: { decision: input.decision },
      },
    };
  });
}
