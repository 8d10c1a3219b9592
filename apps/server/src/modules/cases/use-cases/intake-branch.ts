import { type ApplicantInput, type CatalogVersion } from '@tongban/contracts';
import { type Actor } from '../../../platform/access';
import { type Deps } from '../../../platform/app-types';
import { executeWrites, type Tx } from '../../../platform/db';
import { findOrRegisterApplicant } from '../applicants/applicants';
import * as applicantsRepo from '../applicants/applicants.repository';
import { Holder } from '../case-documents';
import { getItemForIntake, intake } from '../case-intake';
import { CasesError } from '../cases.errors';

/** Issue 20: the live version of an item a bundle branch is filed under (region-checked). */
export function getBranchItem(deps: Deps, actor: Actor, itemId: string): Promise<CatalogVersion> {
  return getItemForIntake(deps, actor, itemId);
}

/**
 * Issue 20: files one branch case of a bundle inside the bundle's transaction (its writes are sent,
 * not committed). The applicant is given by id (window) or found or registered from what was typed
 * online (SEC-1: an existing applicant is never changed; the contact belongs to the case).
 */
export async function intakeBranch(
  deps: Deps,
  tx: Tx,
  actor: Actor,
  spec: {
    /** From getBranchItem, read before the bundle's transaction. */
    item: CatalogVersion;
    /** Chosen by the bundle, which locks the branches' audit chains before any of them is written. */
    caseId?: string;
    applicantId?: string;
    applicant?: ApplicantInput;
    contact?: { name: string; phone: string };
    channel: 'window' | 'online';
    materials: { name: string; status: 'provided' | 'missing' | 'not_applicable' }[];
  },
): Promise<{ caseId: string; caseNo: string; applicant: Holder; item: CatalogVersion }> {
  const { item } = spec;
  const region = item.regionCode.slice(0, 6);
  const applicant = spec.applicant
    ? await findOrRegisterApplicant(deps, tx, region, spec.applicant)
    : await applicantsRepo.findApplicant(tx, spec.applicantId ?? '');
  if (!applicant || applicant.regionCode !== region) throw new CasesError('APPLICANT_UNKNOWN');
  const made = await intake(
    deps,
    tx,
    { ...actor, regionCode: actor.regionCode || item.regionCode },
    {
      item,
      applicant,
      agent: null,
      caseId: spec.caseId,
      channel: spec.channel,
      contact: spec.contact,
      materials: new Map(spec.materials.map((m) => [m.name, { status: m.status }])),
    },
  );
  await executeWrites(tx, made.writes);
  return { caseId: made.caseId, caseNo: made.value!.caseNo, applicant, item };
}
