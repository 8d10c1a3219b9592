import type { Actor } from '../../../platform/access';
import { checkAccess, regionScopeLike } from '../../../platform/access';
import type { Deps } from '../../../platform/app-types';
import { runCommand } from '../../../platform/command';
import { IMAGE_POLICY, storeFile } from '../../../platform/files';
import { HallError } from '../hall.errors';
import * as repo from '../hall.repository';
import { getPatrolFor } from './patrols';

/** PAT-1: a photo as evidence of a problem, stored as a platform file owned by the problem. */
export async function attachProblemPhoto(
  deps: Deps,
  actor: Actor,
  problemId: string,
  file: { bytes: Buffer; mediaType: string; name: string },
) {
  const problem = await repo.findProblem(deps.db, problemId);
  if (!problem) throw new HallError('HALL_PATROL_NOT_FOUND', '巡查问题不存在');
  await getPatrolFor(deps, actor, problem.patrolId);
  return runCommand(deps, actor, async ({ tx }) => {
    const sha256 = await storeFile(tx, deps.config.dataDir, file, IMAGE_POLICY, {
      kind: 'hall_patrol_problem',
      id: problem.id,
      regionCode: problem.regionCode,
    });
    await repo.setProblemPhoto(tx, problem.regionCode, problem.id, sha256);
    return {
      result: { photo: sha256 },
      audit: {
        action: 'hall.patrol.photo',
        entityType: 'hall_patrol_problem',
        entityId: problem.id,
        regionCode: problem.regionCode,
        summary: { photo: sha256 },
      },
    };
  });
}

/** Who may read a problem's photo: whoever reads the hall's records (a department, its own). */
export async function mayReadPatrolProblem(deps: Deps, actor: Actor, id: string): Promise<boolean> {
  // Outside the actor's scope the answer is no anyway: the problem is read within it.
  const p = await repo.findProblemIn(deps.db, regionScopeLike(actor), id);
  return !!p && checkAccess(actor, 'hall.read', { regionCode: p.regionCode, departmentId: p.departmentId });
}
