import { regionLevel, type RegionInput } from '@tongban/contracts';
import { type Actor } from '../../../platform/access';
import { type Deps } from '../../../platform/app-types';
import { runCommand } from '../../../platform/command';
import { assertWrite } from '../org-scope';
import { OrgError } from '../org.errors';
import { checkRegionParent } from '../org.policy';
import * as repo from '../org.repository';

export async function createRegion(deps: Deps, actor: Actor, input: RegionInput) {
  assertWrite(actor, input.code);
  const parentError = checkRegionParent(input.code, input.parentCode);
  if (parentError) throw new OrgError(parentError);
  return runCommand(deps, actor, async ({ tx }) => {
    if (await repo.findRegion(tx, input.code)) throw new OrgError('ORG_REGION_EXISTS');
    if (input.parentCode && !(await repo.findRegion(tx, input.parentCode)))
      throw new OrgError('ORG_PARENT_NOT_FOUND');
    const row = {
      code: input.code,
      name: input.name,
      parentCode: input.parentCode ?? null,
      level: regionLevel(input.code),
    };
    await repo.insertRegion(tx, row);
    return {
      result: row,
      audit: {
        action: 'org.region.create',
        entityType: 'region',
        entityId: row.code,
        regionCode: row.code,
        summary: row,
      },
    };
  });
}
