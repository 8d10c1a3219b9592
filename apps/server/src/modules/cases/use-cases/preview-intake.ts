import { type CaseCreate, type IntakePreview } from '@tongban/contracts';
import { randomUUID } from 'node:crypto';
import { type Actor } from '../../../platform/access';
import { type Deps } from '../../../platform/app-types';
import { shanghaiToday } from '../../../platform/time';
import * as applicantsRepo from '../applicants/applicants.repository';
import { assertRole } from '../case-access';
import { getItemForIntake, resolveMaterials } from '../case-intake';
import { CasesError } from '../cases.errors';

/**
 * Issue 14 point 7: what the window would record for these materials (免提交 ones resolved against
 * the applicant's e-licenses), so the clerk decides on it and may still go back. Writes nothing.
 */
export async function previewIntake(deps: Deps, actor: Actor, input: CaseCreate): Promise<IntakePreview> {
  assertRole(actor, 'case.intake');
  const item = await getItemForIntake(deps, actor, input.itemId);
  const now = deps.clock.now();
  const materials = await deps.db.transaction().execute(async (tx) => {
    const applicant = await applicantsRepo.findApplicant(tx, item.regionCode.slice(0, 6), input.applicantId);
    if (!applicant || applicant.regionCode !== item.regionCode.slice(0, 6))
      throw new CasesError('APPLICANT_UNKNOWN');
    const given = new Map(input.materials.map((m) => [m.name, { status: m.status }]));
    return resolveMaterials(tx, item, applicant, given, {
      caseId: randomUUID(),
      now,
      day: shanghaiToday(now),
    });
  });
  return {
    materials: materials.map((m) => ({
      name: m.name,
      required: m.required,
      deferrable: m.deferrable,
      status: m.status,
      dueDate: null,
      licenseId: m.licenseId,
      fileSha256: null,
      receivedAt: m.receivedAt ? m.receivedAt.toISOString() : null,
    })),
  };
}
