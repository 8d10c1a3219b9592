import { QUERY_CODE_ALPHABET, QUERY_CODE_LENGTH } from '@tongban/contracts';
import { randomInt } from 'node:crypto';
import { type Deps } from '../../platform/app-types';
import { hmacSm3Hex, sm4Decrypt, sm4Encrypt } from '../../platform/crypto';
import { maskPhone, normalPhone } from './applicants/applicants';
import { type CaseRow } from './cases.repository';

// ── A case's own contact (SEC-1) and its 查询码 (SEC-2) ─────────────────────

export const phoneHash = (deps: Deps, phone: string) =>
  hmacSm3Hex(deps.config.secrets.lookupKey, `phone:${normalPhone(phone)}`);

/** SEC-1: the contact a case was filed with, kept on the case, the phone encrypted (SM4) and keyed-hashed. */
export function caseContactValues(deps: Deps, contact: { name: string; phone: string }) {
  const phone = normalPhone(contact.phone);
  return {
    contactName: contact.name,
    contactPhoneEnc: sm4Encrypt(deps.config.secrets.sm4Key, phone),
    contactPhoneHash: phoneHash(deps, phone),
    contactPhoneMasked: maskPhone(phone),
  };
}

/** SEC-2: a random 查询码 (about 50 bits; crypto.randomInt draws each character uniformly). */
export function newQueryCode(): string {
  let code = '';
  for (let i = 0; i < QUERY_CODE_LENGTH; i++)
    code += QUERY_CODE_ALPHABET[randomInt(QUERY_CODE_ALPHABET.length)];
  return code;
}
export const normalQueryCode = (code: string) => code.toUpperCase().replace(/[\s-]/g, '');
/** Bound to the case: the same code on another case hashes differently. */
export const queryCodeHash = (deps: Deps, caseId: string, code: string) =>
  hmacSm3Hex(deps.config.secrets.lookupKey, `query:${caseId}:${normalQueryCode(code)}`);

export function queryCodeValues(deps: Deps, caseId: string, code: string) {
  return {
    queryCodeHash: queryCodeHash(deps, caseId, code),
    queryCodeEnc: sm4Encrypt(deps.config.secrets.sm4Key, code),
  };
}

export function queryCodeOf(deps: Deps, row: Pick<CaseRow, 'queryCodeEnc'>): string | null {
  return row.queryCodeEnc ? sm4Decrypt(deps.config.secrets.sm4Key, row.queryCodeEnc) : null;
}
