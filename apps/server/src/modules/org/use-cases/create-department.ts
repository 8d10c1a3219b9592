import { type DepartmentInput } from '@tongban/contracts';
import { type Actor } from '../../../platform/access';
import { type Deps } from '../../../platform/app-types';
import { notFound } from '../../../platform/errors';
import { runCommand } from '../../../platform/command';
import { assertWrite, checkHallInRegion } from '../org-scope';
import * as repo from '../org.repository';

export async function createDepartment(deps: Deps, actor: Actor, input: DepartmentInput) {
  assertWrite(actor, input.regionCode);
  return runCommand(deps, actor, async ({ tx }) => {
    if (!(await repo.findRegion(tx, input.regionCode))) throw notFound('区划', input.regionCode);
    await checkHallInRegion(tx, actor, input.hallId);
    const row = await repo.insertDepartment(tx, {
      ...input,
      shortName: input.shortName ?? '',
      hallId: input.hallId ?? null,
      hallExemption: input.hallExemption || null,
    });
    return {
      result: row,
      audit: {
        action: 'org.department.create',
        entityType: 'department',
        entityId: row.id,
        regionCode: row.regionCode,
        summary: input,
      },
    };
  });
}
