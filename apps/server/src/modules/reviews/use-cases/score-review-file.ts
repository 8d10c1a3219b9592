import { AUTO_RULES, type ScoreInput } from '@tongban/contracts';
import { assertAccess, type Actor } from '../../../platform/access';
import type { Deps } from '../../../platform/app-types';
import { runCommand } from '../../../platform/command';
import { closeInboxTodos } from '../../inbox';
import { checkScores } from '../reviews.policy';
import { ReviewsError } from '../reviews.errors';
import { rubricKeyed } from '../reviews.read-model';
import * as repo from '../reviews.repository';
import { ruleSettings } from './auto-rule-settings';
import { getReviewPlan, planOrThrow, prefixOf } from './get-review-plan';

/**
 * A drawn reviewer scores a file on the plan's rubric. Never someone of the reviewed department
 * (FR-1); scores within the rubric; a low total or a confirmed SOD-1 breach opens an automatic
 * finding (one per file) in the same transaction; the last file scored finishes the plan.
 */
export async function scoreReviewFile(deps: Deps, actor: Actor, fileId: string, input: ScoreInput) {
  assertAccess(actor, 'reviews.score');
  const file = await repo.findFile(deps.db, prefixOf(actor), fileId);
  if (!file) throw new ReviewsError('REVIEWS_NOT_FOUND', '评查卷宗不存在');
  if (actor.departmentId && actor.departmentId === file.departmentId)
    throw new ReviewsError('REVIEWS_REVIEWER_CONFLICT');
  if (actor.userId !== file.reviewerUserId) throw new ReviewsError('REVIEWS_NOT_ASSIGNED');
  const plan = await planOrThrow(deps.db, actor, file.planId);
  const problem = checkScores(plan.rubric, input.scores);
  if (problem) throw new ReviewsError('REVIEWS_BAD_SCORE', problem);
  const rules = await ruleSettings(deps.db, file.regionCode);
  const total = Object.values(input.scores).reduce((a, b) => a + b, 0);
  const signatures = plan.rubric.find((r) => r.key === 'signatures');
  const prefill = rubricKeyed<{ suggested: number | null; evidence: string[] }>(file.prefill);
  // SOD-1 confirmed: the record proved a breach and the reviewer did not give the item full marks.
  const sod =
    signatures && prefill.signatures?.suggested === 0 && input.scores.signatures! < signatures.maxPoints;
  await runCommand(deps, actor, async ({ tx, now }) => {
    const locked = await repo.findFile(tx, prefixOf(actor), fileId, true);
    if (!locked || locked.scoredAt) throw new ReviewsError('REVIEWS_BAD_STATE', '该卷宗已评分');
    await repo.updateFile(tx, file.regionCode, fileId, {
      scores: JSON.stringify(input.scores),
      total,
      comment: input.comment ?? '',
      scoredAt: now,
    });
    const evidence = JSON.stringify([
      {
        kind: 'review_file',
        id: fileId,
        label: `评查卷宗 ${file.caseNo}（${total} 分）`,
        ref: file.caseNo,
        note: String(total),
      },
      { kind: 'case', id: file.caseId, label: `办件 ${file.caseNo}`, ref: file.caseNo },
    ]);
    const base = { regionCode: file.regionCode, departmentId: file.departmentId, openedAt: now, evidence };
    if (rules.low_review_score.enabled && total < rules.low_review_score.threshold)
      await repo.insertAutoFinding(tx, {
        ...base,
        rule: 'low_review_score',
        causeKey: `file:${fileId}`,
        title: `卷宗评查得分偏低：办件 ${file.caseNo} 得 ${total} 分（${plan.title}）`,
        description: `${AUTO_RULES.low_review_score.definition}（阈值 ${rules.low_review_score.threshold} 分）。评查意见：${input.comment ?? '—'}`,
        facts: JSON.stringify({
          caseNo: file.caseNo,
          total,
          plan: plan.title,
          threshold: rules.low_review_score.threshold,
          comment: input.comment ?? null,
        }),
      });
    if (sod && rules.review_sod_breach.enabled)
      await repo.insertAutoFinding(tx, {
        ...base,
        rule: 'review_sod_breach',
        causeKey: `file:${fileId}`,
        title: `评查发现一人签署多个环节：办件 ${file.caseNo}（${plan.title}）`,
        description: prefill.signatures!.evidence.join('；'),
        facts: JSON.stringify({ caseNo: file.caseNo, plan: plan.title }),
      });
    const files = await repo.listFiles(tx, file.regionCode, file.planId);
    if (files.every((f) => f.id === fileId || f.scoredAt))
      await repo.updatePlan(tx, file.regionCode, file.planId, { status: 'finished', finishedAt: now });
    await closeInboxTodos(
      tx,
      { regionCode: file.regionCode, entityType: 'review_file', entityId: fileId },
      now,
    );
    return {
      result: null,
      audit: {
        action: 'reviews.file.score',
        entityType: 'review_file',
        entityId: fileId,
        regionCode: file.regionCode,
        summary: { caseNo: file.caseNo, total },
      },
    };
  });
  return getReviewPlan(deps, actor, file.planId);
}
