import type { ProjectCreate, ProjectSummary } from '@tongban/contracts';
import { assertAccess, type Actor } from '../../../platform/access';
import type { Deps } from '../../../platform/app-types';
import { runCommand } from '../../../platform/command';
import { toSummary } from '../trading.read-model';
import * as repo from '../trading.repository';
import { shanghaiDay } from './common';

/** Registers a tender (登记): every public trade of the region gets a record here (应进必进). */
export async function registerProject(
  deps: Deps,
  actor: Actor,
  input: ProjectCreate,
): Promise<ProjectSummary> {
  assertAccess(actor, 'trading.project.write');
  return runCommand(deps, actor, async ({ tx, now }) => {
    const prefix = `JY${shanghaiDay(now).replaceAll('-', '')}`;
    const { n } = await repo.countProjectsOfDay(tx, actor.regionCode, prefix);
    const p = await repo.insertProject(tx, {
      regionCode: actor.regionCode,
      projectNo: `${prefix}${String(Number(n) + 1).padStart(3, '0')}`,
      name: input.name,
      kind: input.kind,
      method: input.method,
      tendererName: input.tendererName,
      agencyName: input.agencyName,
      estimateYuan: input.estimateYuan,
      createdAt: now,
    });
    await repo.insertEntry(tx, {
      regionCode: actor.regionCode,
      projectId: p.id,
      kind: 'state',
      title: '项目登记',
      createdAt: now,
    });
    return {
      result: toSummary(p),
      audit: {
        action: 'trading.project.register',
        entityType: 'trading_project',
        entityId: p.id,
        summary: { projectNo: p.projectNo, kind: p.kind },
      },
    };
  });
}
