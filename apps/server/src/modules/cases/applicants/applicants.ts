import { maskIdNumber, type Applicant, type ApplicantInput } from '@tongban/contracts';
import { type Deps } from '../../../platform/app-types';
import { hmacSm3Hex, sm4Encrypt } from '../../../platform/crypto';
import { type Tx } from '../../../platform/db';
import * as applicantsRepo from './applicants.repository';
import { type ApplicantRow } from './applicants.repository';

// ── Applicants (ID-1) ───────────────────────────────────────────────────────

export const idHash = (deps: Deps, idNumber: string) =>
  hmacSm3Hex(deps.config.secrets.lookupKey, `id:${idNumber.toUpperCase()}`);
export const maskPhone = (p: string) => (p.length >= 7 ? `${p.slice(0, 3)}****${p.slice(-4)}` : '****');
export const normalPhone = (p: string) => p.replace(/-/g, '');

export function toApplicant(r: ApplicantRow): Applicant {
  return {
    id: r.id,
    regionCode: r.regionCode,
    kind: r.kind,
    name: r.name,
    idNumberMasked: r.idNumberMasked,
    phoneMasked: r.phoneMasked,
    legalRepresentative: r.legalRepresentative,
    contactName: r.contactName,
  };
}

export function applicantValues(deps: Deps, regionCode: string, input: ApplicantInput) {
  const key = deps.config.secrets.sm4Key;
  const phone = normalPhone(input.phone);
  return {
    regionCode,
    kind: input.kind,
    name: input.name,
    idNumberEnc: sm4Encrypt(key, input.idNumber),
    idNumberHash: idHash(deps, input.idNumber),
    idNumberMasked: maskIdNumber(input.idNumber),
    phoneEnc: sm4Encrypt(key, phone),
    phoneMasked: maskPhone(phone),
    legalRepresentative: input.kind === 'enterprise' ? input.legalRepresentative : null,
    contactName: input.kind === 'enterprise' ? input.contactName : null,
  };
}

/**
 * The portal: an applicant is found by number or registered. SEC-1: a submission without sign-in
 * never changes an existing applicant (anyone can type anyone's identity number); the phone and
 * name it gives are the case's contact (caseContactValues), not the applicant's.
 */
export async function findOrRegisterApplicant(deps: Deps, tx: Tx, regionCode: string, input: ApplicantInput) {
  const existing = await applicantsRepo.findApplicantByHash(tx, regionCode, idHash(deps, input.idNumber));
  return existing ?? applicantsRepo.insertApplicant(tx, applicantValues(deps, regionCode, input));
}
