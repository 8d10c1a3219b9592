import { type HallWindowInput } from '@tongban/contracts';
import { type Actor } from '../../../platform/access';
import { type Deps } from '../../../platform/app-types';
import { notFound } from '../../../platform/errors';
import { runCommand } from '../../../platform/command';
import { assertWrite, getDepartmentIn } from '../org-scope';
import { OrgError } from '../org.errors';
import * as repo from '../org.repository';

export async function createWindow(deps: Deps, actor: Actor, input: HallWindowInput) {
  const hall = await repo.findHall(deps.db, input.hallId);
  if (!hall) throw notFound('大厅', input.hallId);
  assertWrite(actor, hall.regionCode);
  return runCommand(deps, actor, async ({ tx }) => {
    if (input.departmentId) assertWrite(actor, (await getDepartmentIn(tx, input.departmentId)).regionCode);
    if (await repo.findWindowByNumber(tx, hall.regionCode, hall.id, input.number))
      throw new OrgError('ORG_WINDOW_NUMBER_TAKEN');
    const row = await repo.insertWindow(tx, {
      ...input,
      tidal: input.tidal ?? false,
      regionCode: hall.regionCode,
      departmentId: input.departmentId ?? null,
    });
    return {
      result: row,
      audit: {
        action: 'org.window.create',
        entityType: 'window',
        entityId: row.id,
        regionCode: row.regionCode,
        summary: input,
      },
    };
  });
}
