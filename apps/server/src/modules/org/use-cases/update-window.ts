import { type HallWindowPatch } from '@tongban/contracts';
import { type Actor } from '../../../platform/access';
import { type Deps } from '../../../platform/app-types';
import { notFound } from '../../../platform/errors';
import { runCommand } from '../../../platform/command';
import { assertWrite, getDepartmentIn } from '../org-scope';
import { OrgError } from '../org.errors';
import * as repo from '../org.repository';

export async function updateWindow(deps: Deps, actor: Actor, id: string, input: HallWindowPatch) {
  // The id arrives alone: found in any region, so one outside the scope is ORG_OUT_OF_REGION.
  const existing = await repo.findWindow(deps.db, id);
  if (!existing) throw notFound('窗口', id);
  assertWrite(actor, existing.regionCode);
  return runCommand(deps, actor, async ({ tx }) => {
    let regionCode = existing.regionCode;
    if (input.hallId && input.hallId !== existing.hallId) {
      const hall = await repo.findHall(tx, input.hallId);
      if (!hall) throw notFound('大厅', input.hallId);
      assertWrite(actor, hall.regionCode);
      regionCode = hall.regionCode;
    }
    if (input.departmentId) assertWrite(actor, (await getDepartmentIn(tx, input.departmentId)).regionCode);
    const hallId = input.hallId ?? existing.hallId;
    const number = input.number ?? existing.number;
    const clash = await repo.findWindowByNumber(tx, regionCode, hallId, number);
    if (clash && clash.id !== id) throw new OrgError('ORG_WINDOW_NUMBER_TAKEN');
    const row = await repo.updateWindow(tx, existing.regionCode, id, { ...input, regionCode });
    return {
      result: row,
      audit: { action: 'org.window.update', entityType: 'window', entityId: id, regionCode, summary: input },
    };
  });
}
