import { type HallInput } from '@tongban/contracts';
import { type Actor } from '../../../platform/access';
import { type Deps } from '../../../platform/app-types';
import { notFound } from '../../../platform/errors';
import { runCommand } from '../../../platform/command';
import { assertWrite } from '../org-scope';
import * as repo from '../org.repository';

export async function createHall(deps: Deps, actor: Actor, input: HallInput) {
  assertWrite(actor, input.regionCode);
  return runCommand(deps, actor, async ({ tx }) => {
    if (!(await repo.findRegion(tx, input.regionCode))) throw notFound('区划', input.regionCode);
    const row = await repo.insertHall(tx, {
      ...input,
      address: input.address ?? '',
      phone: input.phone ?? '',
    });
    return {
      result: row,
      audit: {
        action: 'org.hall.create',
        entityType: 'hall',
        entityId: row.id,
        regionCode: row.regionCode,
        summary: input,
      },
    };
  });
}
