import { type Actor } from '../../../platform/access';
import { type Deps } from '../../../platform/app-types';
import { notFound } from '../../../platform/errors';
import { runCommand } from '../../../platform/command';
import { assertWrite } from '../org-scope';
import * as repo from '../org.repository';

export async function updateRegion(deps: Deps, actor: Actor, code: string, input: { name: string }) {
  const existing = await repo.findRegion(deps.db, code);
  if (!existing) throw notFound('区划', code);
  assertWrite(actor, code);
  return runCommand(deps, actor, async ({ tx }) => {
    await repo.updateRegion(tx, code, { name: input.name });
    return {
      result: { ...existing, name: input.name },
      audit: {
        action: 'org.region.update',
        entityType: 'region',
        entityId: code,
        regionCode: code,
        summary: { name: [existing.name, input.name] },
      },
    };
  });
}
