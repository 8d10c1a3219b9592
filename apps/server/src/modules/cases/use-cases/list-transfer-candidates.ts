import { type TransferCandidate } from '@tongban/contracts';
import { type Actor } from '../../../platform/access';
import { type Deps } from '../../../platform/app-types';
import { notFound } from '../../../platform/errors';
import { listDepartmentReviewers } from '../../auth';
import { assertCaseScope, assertRole } from '../case-access';
import { backOfficeSteps, pinnedVersion } from '../case-clock';
import { reviveState } from '../case-state';
import { caseRegionOf } from '../case-transition';
import * as repo from '../cases.repository';

/**
 * 转办: the approvers and the head of the case's department, except the asking user; each with the
 * step already signed on this case, if any (SOD-1: they cannot sign another).
 */
export async function listTransferCandidates(
  deps: Deps,
  actor: Actor,
  caseId: string,
): Promise<{ items: TransferCandidate[] }> {
  assertRole(actor, 'case.review');
  const region = await caseRegionOf(deps.db, caseId);
  const row = region ? await repo.findCaseIn(deps.db, region, caseId) : undefined;
  if (!row) throw notFound('办件', caseId);
  assertCaseScope(actor, caseId, row);
  const state = reviveState(row.state);
  const steps = backOfficeSteps((await pinnedVersion(deps, row.itemVersionId)).steps);
  // The steps that would keep each person from signing the current one (SOD-1).
  const signed = new Map(
    Object.entries(state.signers)
      .filter(([i]) => Number(i) !== state.stepIndex)
      .map(([i, who]) => [who, Number(i) === -1 ? '受理' : (steps[Number(i)] ?? '')]),
  );
  const people = await listDepartmentReviewers(deps.db, row.departmentId, row.regionCode);
  return {
    items: people
      .filter((p) => p.id !== actor.userId)
      .map((p) => ({
        id: p.id,
        displayName: p.displayName,
        role: p.role as TransferCandidate['role'],
        signedStep: signed.get(p.id) ?? null,
      })),
  };
}
