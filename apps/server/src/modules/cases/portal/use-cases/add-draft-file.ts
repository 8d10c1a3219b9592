import * as portalRepo from '../portal.repository';
import { type Actor } from '../../../../platform/access';
import { type Deps } from '../../../../platform/app-types';
import { storeFile } from '../../../../platform/files';
import { runCommand } from '../../../../platform/command';
import { getPublishedVersion } from '../../../catalog';
import { CasesError } from '../../cases.errors';
import { DraftFile, MATERIAL_POLICY, draftOrThrow, toDraft } from '../drafts';

export async function addDraftFile(
  deps: Deps,
  actor: Actor,
  token: string,
  file: { materialName: string; bytes: Buffer; mediaType: string; name: string },
) {
  const item = await getPublishedVersion(deps, (await draftOrThrow(deps, deps.db, token)).itemId);
  return runCommand(deps, actor, async ({ tx, now }) => {
    const d = await draftOrThrow(deps, tx, token, true);
    if (d.caseId) throw new CasesError('CASE_DRAFT_SUBMITTED');
    if (d.itemId !== item.itemId) throw new CasesError('CASE_STALE');
    if (!item.materials.some((m) => m.name === file.materialName))
      throw new CasesError('CASE_UNKNOWN_MATERIAL', `“${file.materialName}”不在该事项的材料清单中`);
    const sha256 = await storeFile(tx, deps.config.dataDir, file, MATERIAL_POLICY, {
      kind: 'case_draft',
      id: d.id,
      regionCode: d.regionCode,
    });
    const files = [
      ...(d.files as DraftFile[]).filter((f) => f.materialName !== file.materialName),
      {
        materialName: file.materialName,
        sha256,
        name: file.name.slice(0, 200),
        mediaType: file.mediaType,
        size: file.bytes.length,
      },
    ];
    const row = await portalRepo.updateDraft(tx, d.regionCode, d.id, {
      files: JSON.stringify(files),
      updatedAt: now,
    });
    return {
      result: toDraft(deps, row, null),
      audit: {
        action: 'case.draft_file',
        entityType: 'case_draft',
        entityId: d.id,
        regionCode: d.regionCode,
        summary: { sha256 },
      },
    };
  });
}
