import { type StaffPatch } from '@tongban/contracts';
import { type Actor } from '../../../platform/access';
import { type Deps } from '../../../platform/app-types';
import { badRequest, notFound } from '../../../platform/errors';
import { runCommand } from '../../../platform/command';
import { assertWrite, checkStaffRefs } from '../org-scope';
import { OrgError } from '../org.errors';
import * as repo from '../org.repository';

export async function updateStaff(deps: Deps, actor: Actor, id: string, input: StaffPatch) {
  // The id arrives alone: found in any region, so one outside the scope is ORG_OUT_OF_REGION.
  const existing = await repo.findStaff(deps.db, id);
  if (!existing) throw notFound('人员', id);
  assertWrite(actor, existing.regionCode);
  return runCommand(deps, actor, async ({ tx }) => {
    const regionCode = (await checkStaffRefs(tx, actor, input)) ?? existing.regionCode;
    const from = input.stationedFrom ?? existing.stationedFrom;
    const until = input.stationedUntil === undefined ? existing.stationedUntil : input.stationedUntil;
    if (until && until < from) throw badRequest('派驻截止日期不能早于派驻开始日期');
    if (input.staffNo) {
      const clash = await repo.findStaffByNo(tx, regionCode, input.staffNo);
      if (clash && clash.id !== id) throw new OrgError('ORG_STAFF_NO_TAKEN');
    }
    const row = await repo.updateStaff(tx, existing.regionCode, id, { ...input, regionCode });
    return {
      result: row,
      audit: { action: 'org.staff.update', entityType: 'staff', entityId: id, regionCode, summary: input },
    };
  });
}
