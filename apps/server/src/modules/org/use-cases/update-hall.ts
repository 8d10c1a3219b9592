import { type HallPatch } from '@tongban/contracts';
import { type Actor } from '../../../platform/access';
import { type Deps } from '../../../platform/app-types';
import { notFound } from '../../../platform/errors';
import { runCommand } from '../../../platform/command';
import { assertWrite } from '../org-scope';
import * as repo from '../org.repository';

export async function updateHall(deps: Deps, actor: Actor, id: string, input: HallPatch) {
  // The id arrives alone: found in any region, so one outside the scope is ORG_OUT_OF_REGION.
  const existing = await repo.findHall(deps.db, id);
  if (!existing) throw notFound('大厅', id);
  assertWrite(actor, existing.regionCode);
  if (input.regionCode) assertWrite(actor, input.regionCode);
  return runCommand(deps, actor, async ({ tx }) => {
    const row = await repo.updateHall(tx, existing.regionCode, id, input);
    return {
      result: row,
      audit: {
        action: 'org.hall.update',
        entityType: 'hall',
        entityId: id,
        regionCode: row.regionCode,
        summary: input,
      },
    };
  });
}
