import { type Actor } from '../../../platform/access';
import { type Deps } from '../../../platform/app-types';
import { notFound } from '../../../platform/errors';
import { IMAGE_POLICY, storeFile } from '../../../platform/files';
import { runCommand } from '../../../platform/command';
import { assertWrite } from '../org-scope';
import * as repo from '../org.repository';

export async function setStaffPhoto(
  deps: Deps,
  actor: Actor,
  id: string,
  file: { bytes: Buffer; mediaType: string; name: string },
) {
  // The id arrives alone: found in any region, so one outside the scope is ORG_OUT_OF_REGION.
  const existing = await repo.findStaff(deps.db, id);
  if (!existing) throw notFound('人员', id);
  assertWrite(actor, existing.regionCode);
  return runCommand(deps, actor, async ({ tx }) => {
    // Staff photos are shown on the public 公示牌.
    const sha256 = await storeFile(
      tx,
      deps.config.dataDir,
      file,
      { ...IMAGE_POLICY, public: true },
      { kind: 'staff_photo', id, regionCode: existing.regionCode },
    );
    const row = await repo.updateStaff(tx, existing.regionCode, id, { photo: sha256 });
    return {
      result: row,
      audit: {
        action: 'org.staff.photo',
        entityType: 'staff',
        entityId: id,
        regionCode: row.regionCode,
        summary: { photo: sha256 },
      },
    };
  });
}
