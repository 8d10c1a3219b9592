import type { OnlineMaterialCheck, OnlineMaterialCheckInput } from '@tongban/contracts';
import type { Deps } from '../../../../platform/app-types';
import { CasesError } from '../../cases.errors';
import { draftOrThrow, publishedForPortal } from '../drafts';
import { onlineMaterialGaps } from './check-online-materials';

/**
 * What a draft still lacks for the identity typed (issue 14, point 2), asked before submission so the
 * form can say it. The draft token is the credential; the answer has the shape of the submission's
 * own check (SEC-2: a license not held and a person not known read the same).
 */
export async function checkDraftMaterials(
  deps: Deps,
  token: string,
  input: OnlineMaterialCheckInput,
): Promise<OnlineMaterialCheck> {
  const d = await draftOrThrow(deps, deps.db, token);
  if (d.caseId) throw new CasesError('CASE_DRAFT_SUBMITTED');
  const item = await publishedForPortal(deps, d.itemId);
  return onlineMaterialGaps(deps, deps.db, item, d.files as { materialName: string }[], input.applicant);
}
