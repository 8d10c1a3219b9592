import { type StaffInput } from '@tongban/contracts';
import { assertAccess, type Actor } from '../../../platform/access';
import { type Deps } from '../../../platform/app-types';
import { runCommand } from '../../../platform/command';
import { checkStaffRefs } from '../org-scope';
import { OrgError } from '../org.errors';
import * as repo from '../org.repository';

export async function createStaff(deps: Deps, actor: Actor, input: StaffInput) {
  assertAccess(actor, 'org.write');
  return runCommand(deps, actor, async ({ tx }) => {
    const regionCode = (await checkStaffRefs(tx, actor, input))!;
    if (input.staffNo && (await repo.findStaffByNo(tx, regionCode, input.staffNo)))
      throw new OrgError('ORG_STAFF_NO_TAKEN');
    const row = await repo.insertStaff(tx, {
      ...input,
      title: input.title ?? '',
      staffNo: input.staffNo ?? null,
      regionCode,
      windowId: input.windowId ?? null,
      stationedUntil: input.stationedUntil ?? null,
      photo: null,
    });
    return {
      result: row,
      audit: {
        action: 'org.staff.create',
        entityType: 'staff',
        entityId: row.id,
        regionCode,
        summary: input,
      },
    };
  });
}
