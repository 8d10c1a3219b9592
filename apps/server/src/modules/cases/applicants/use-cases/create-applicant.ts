import { type Applicant, type ApplicantInput } from '@tongban/contracts';
import { type Actor } from '../../../../platform/access';
import { type Deps } from '../../../../platform/app-types';
import { runCommand } from '../../../../platform/command';
import { assertRole } from '../../case-access';
import { CasesError } from '../../cases.errors';
import { applicantValues, idHash, toApplicant } from '../applicants';
import * as applicantsRepo from '../applicants.repository';

export async function createApplicant(
  deps: Deps,
  actor: Actor,
  input: ApplicantInput,
  opts: { id?: string } = {},
): Promise<Applicant> {
  assertRole(actor, 'case.intake');
  const regionCode = actor.regionCode.slice(0, 6);
  return runCommand(deps, actor, async ({ tx }) => {
    const existing = await applicantsRepo.findApplicantByHash(tx, regionCode, idHash(deps, input.idNumber));
    if (existing) throw new CasesError('APPLICANT_EXISTS', undefined, { id: existing.id });
    const row = await applicantsRepo.insertApplicant(tx, {
      ...(opts.id ? { id: opts.id } : {}),
      ...applicantValues(deps, regionCode, input),
    });
    return {
      result: toApplicant(row),
      audit: {
        action: 'applicant.create',
        entityType: 'applicant',
        entityId: row.id,
        regionCode,
        summary: { kind: row.kind, idNumber: row.idNumberMasked },
      },
    };
  });
}
