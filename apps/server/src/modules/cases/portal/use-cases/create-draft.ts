import * as portalRepo from '../portal.repository';
import { type DraftSave } from '@tongban/contracts';
import { type Actor } from '../../../../platform/access';
import { type Deps } from '../../../../platform/app-types';
import { randomToken } from '../../../../platform/crypto';
import { runCommand } from '../../../../platform/command';
import { sealDraftData } from '../draft-identity';
import { draftHash, publishedForPortal, toDraft } from '../drafts';

export async function createDraft(deps: Deps, actor: Actor, input: DraftSave) {
  const item = await publishedForPortal(deps, input.itemId);
  const token = randomToken(32);
  const row = await runCommand(deps, actor, async ({ tx, now }) => {
    const d = await portalRepo.insertDraft(tx, {
      regionCode: item.regionCode,
      tokenHash: draftHash(deps, token),
      itemId: item.itemId,
      data: JSON.stringify(sealDraftData(deps, input.data)),
      files: '[]',
      createdAt: now,
      updatedAt: now,
    });
    return {
      result: d,
      audit: {
        action: 'case.draft_create',
        entityType: 'case_draft',
        entityId: d.id,
        regionCode: d.regionCode,
      },
    };
  });
  return { token, draft: toDraft(deps, row, null) };
}
