import { assertAccess, checkAccess, type Actor } from '../../../platform/access';
import type { Deps } from '../../../platform/app-types';
import { runCommand } from '../../../platform/command';
import { forbidden } from '../../../platform/errors';
import { carryOverOpenFindings } from '../../ledger';

/** 新官要理旧账: the findings still open at the end of an inspection carry into the unit's next one. */
export async function carryOverFindings(
  deps: Deps,
  actor: Actor,
  input: { fromInspectionId: string; toInspectionId: string },
) {
  assertAccess(actor, 'reviews.findings');
  if (!checkAccess(actor, 'ledger.write')) throw forbidden();
  return runCommand(deps, actor, async ({ tx }) => {
    const carried = await carryOverOpenFindings(tx, {
      regionCode: actor.regionCode,
      fromId: input.fromInspectionId,
      toId: input.toInspectionId,
    });
    return {
      result: { carried: carried.length, findingIds: carried.map((f) => f.id) },
      audit: {
        action: 'ledger.finding.carry_over',
        entityType: 'ledger_inspection',
        entityId: input.toInspectionId,
        regionCode: actor.regionCode,
        summary: { from: input.fromInspectionId, carried: carried.length },
      },
    };
  });
}
