import { type DepartmentPatch } from '@tongban/contracts';
import { type Actor } from '../../../platform/access';
import { type Deps } from '../../../platform/app-types';
import { runCommand } from '../../../platform/command';
import { bumpCatalogRevision } from '../../catalog';
import { assertWrite, checkHallInRegion, getDepartmentIn } from '../org-scope';
import * as repo from '../org.repository';

export async function updateDepartment(deps: Deps, actor: Actor, id: string, input: DepartmentPatch) {
  const existing = await getDepartmentIn(deps.db, id);
  assertWrite(actor, existing.regionCode);
  if (input.regionCode) assertWrite(actor, input.regionCode);
  return runCommand(deps, actor, async ({ tx }) => {
    await checkHallInRegion(tx, actor, input.hallId);
    const patch = {
      ...input,
      ...(input.hallExemption !== undefined ? { hallExemption: input.hallExemption || null } : {}),
    };
    const row = await repo.updateDepartment(tx, existing.regionCode, id, patch);
    // The public catalog's search index shows department names (ADR 0006: no longer a trigger).
    await bumpCatalogRevision(tx);
    return {
      result: row,
      audit: {
        action: 'org.department.update',
        entityType: 'department',
        entityId: id,
        regionCode: row.regionCode,
        summary: input,
      },
    };
  });
}
