import * as portalRepo from '../portal.repository';
import { type DraftSave } from '@tongban/contracts';
import { type Actor } from '../../../../platform/access';
import { type Deps } from '../../../../platform/app-types';
import { runCommand } from '../../../../platform/command';
import { CasesError } from '../../cases.errors';
import { sealDraftData } from '../draft-identity';
import { DraftFile, draftOrThrow, publishedForPortal, toDraft } from '../drafts';

export async function saveDraft(deps: Deps, actor: Actor, token: string, input: DraftSave) {
  await publishedForPortal(deps, input.itemId);
  return runCommand(deps, actor, async ({ tx, now }) => {
    const d = await draftOrThrow(deps, tx, token, true);
    if (d.caseId) throw new CasesError('CASE_DRAFT_SUBMITTED');
    const files = (d.files as DraftFile[]).filter(() => input.itemId === d.itemId);
    const row = await portalRepo.updateDraft(tx, d.regionCode, d.id, {
      itemId: input.itemId,
      data: JSON.stringify(sealDraftData(deps, input.data)),
      files: JSON.stringify(files),
      updatedAt: now,
    });
    return {
      result: toDraft(deps, row, null),
      audit: {
        action: 'case.draft_save',
        entityType: 'case_draft',
        entityId: d.id,
        regionCode: d.regionCode,
      },
    };
  });
}
