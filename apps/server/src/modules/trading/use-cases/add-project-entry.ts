import type { ProjectEntryCreate } from '@tongban/contracts';
import { assertAccess, type Actor } from '../../../platform/access';
import type { Deps } from '../../../platform/app-types';
import { runCommand } from '../../../platform/command';
import * as repo from '../trading.repository';
import { getProjectOrThrow } from './common';

/** An announcement (public) or a new version of a document (招标文件, 澄清, 评标报告…). */
export async function addProjectEntry(deps: Deps, actor: Actor, id: string, input: ProjectEntryCreate) {
  assertAccess(actor, 'trading.project.write');
  await runCommand(deps, actor, async ({ tx, now }) => {
    const p = await getProjectOrThrow(tx, actor.regionCode, id, true);
    const version =
      input.kind === 'document'
        ? Number((await repo.latestVersion(tx, p.regionCode, id, input.title))?.v ?? 0) + 1
        : 1;
    await repo.insertEntry(tx, {
      regionCode: p.regionCode,
      projectId: id,
      kind: input.kind,
      title: input.title,
      body: input.body,
      version,
      isPublic: input.kind === 'announcement',
      createdAt: now,
    });
    return {
      result: undefined,
      audit: {
        action: `trading.project.${input.kind}`,
        entityType: 'trading_project',
        entityId: id,
        summary: { title: input.title, version },
      },
    };
  });
}
