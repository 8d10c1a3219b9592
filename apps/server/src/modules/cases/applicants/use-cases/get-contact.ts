import { type Deps } from '../../../../platform/app-types';
import { sm4Decrypt } from '../../../../platform/crypto';
import { type Executor } from '../../../../platform/db';
import * as repo from '../../cases.repository';
import * as applicantsRepo from '../applicants.repository';

/**
 * For an SMS or e-mail channel adapter (docs/outbox.md): where to reach an applicant a message is
 * addressed to (outbox recipient_applicant_id). Decrypts the phone; call it only to send, with the
 * `db` the adapter was given.
 */
export async function getApplicantContact(
  deps: Pick<Deps, 'config'>,
  db: Executor,
  regionCode: string,
  applicantId: string,
): Promise<{ name: string; phone: string } | undefined> {
  const row = await applicantsRepo.findApplicant(db, regionCode, applicantId);
  return row ? { name: row.name, phone: sm4Decrypt(deps.config.secrets.sm4Key, row.phoneEnc) } : undefined;
}

/**
 * SEC-1: where to reach the person a case message is for (outbox recipient_case_id): the contact
 * given with that case (an online submission's own phone), else the applicant's. For an SMS adapter
 * only; decrypts the phone.
 */
export async function getCaseContact(
  deps: Pick<Deps, 'config'>,
  db: Executor,
  regionCode: string,
  caseId: string,
): Promise<{ name: string; phone: string } | undefined> {
  const row = await repo.findCaseIn(db, regionCode, caseId);
  if (!row) return undefined;
  if (row.contactPhoneEnc) {
    return {
      name: row.contactName ?? '',
      phone: sm4Decrypt(deps.config.secrets.sm4Key, row.contactPhoneEnc),
    };
  }
  return getApplicantContact(deps, db, row.regionCode, row.applicantId);
}
