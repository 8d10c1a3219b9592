import { type Applicant } from '@tongban/contracts';
import { assertAccess, checkAccess, type Actor } from '../../../../platform/access';
import { type Deps } from '../../../../platform/app-types';
import { notFound } from '../../../../platform/errors';
import { assertRole } from '../../case-access';
import { idHash, toApplicant } from '../applicants';
import * as applicantsRepo from '../applicants.repository';

/** Finds an applicant by the exact identity number, through the keyed hash (never decrypting). */
export async function findApplicantsByNumber(deps: Deps, actor: Actor, idNumber: string) {
  assertRole(actor, 'case.intake');
  const row = await applicantsRepo.findApplicantByHash(
    deps.db,
    actor.regionCode.slice(0, 6),
    idHash(deps, idNumber),
  );
  return { items: row ? [toApplicant(row)] : [] };
}

export async function getApplicant(deps: Deps, actor: Actor, id: string): Promise<Applicant> {
  assertAccess(actor, 'case.read');
  const row = await applicantsRepo.findApplicantAnywhere(deps.db, id);
  if (!row || !checkAccess(actor, 'case.read', { regionCode: row.regionCode })) throw notFound('申请人', id);
  return toApplicant(row);
}
