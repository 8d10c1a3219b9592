import { assertAccess, type Actor } from '../../../platform/access';
import type { Deps } from '../../../platform/app-types';
import { runCommand } from '../../../platform/command';
import { IMAGE_POLICY, storeFile } from '../../../platform/files';
import { EvaluationsError } from '../evaluations.errors';
import { allowedActions } from '../evaluations.policy';
import { getReadableBadReview, loadFacts } from './get-bad-review';

const EVIDENCE_POLICY = {
  maxBytes: 10 * 1024 * 1024,
  mediaTypes: [...IMAGE_POLICY.mediaTypes, 'application/pdf'],
};

/** 整改 evidence (photos, PDFs) stored through platform/files, owned by the work item. */
export async function uploadEvidence(
  deps: Deps,
  actor: Actor,
  id: string,
  file: { bytes: Buffer; mediaType: string; name: string },
): Promise<{ sha256: string; name: string }> {
  assertAccess(actor, 'evaluations.badReview.rectify');
  return runCommand(deps, actor, async ({ tx }) => {
    const row = await getReadableBadReview(tx, actor, id);
    if (!allowedActions(actor, await loadFacts(tx, row)).includes('rectify'))
      throw new EvaluationsError('EVAL_WRONG_STEP');
    const sha256 = await storeFile(tx, deps.config.dataDir, file, EVIDENCE_POLICY, {
      kind: 'eval_bad_review',
      id,
      regionCode: row.regionCode,
    });
    return {
      result: { sha256, name: file.name },
      audit: {
        action: 'evaluations.bad_review.evidence',
        entityType: 'eval_bad_review',
        entityId: id,
        regionCode: row.regionCode,
        summary: { sha256 },
      },
    };
  });
}
