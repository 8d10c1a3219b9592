import { buildLicenseId, creditCodeCheckChar, type License } from '@tongban/contracts';
import { type Deps } from '../../../platform/app-types';
import { randomToken, sm3Hex } from '../../../platform/crypto';
import { CaseCtx } from '../case-context';
import * as licensesRepo from './licenses.repository';
import { type LicenseRow } from './licenses.repository';

// ── Licenses ────────────────────────────────────────────────────────────────

export const CREDIT_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/** A department without a recorded credit code gets a stable, well-formed one derived from its id. */
export function derivedCreditCode(departmentId: string, regionCode: string): string {
  const h = sm3Hex(departmentId);
  let body = `11${regionCode.slice(0, 6)}`;
  for (let i = 0; i < 9; i++) body += CREDIT_ALPHABET[parseInt(h.slice(i * 2, i * 2 + 2), 16) % 31];
  return body + creditCodeCheckChar(body)!;
}

export function addYears(date: string, years: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCFullYear(d.getUTCFullYear() + years);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

/** The e-license an item issues: its type (from the locked case's row) and its serial sequence. */
export function licenseSpec(ctx: Pick<CaseCtx, 'row'>) {
  return licenseSpecOf(ctx.row);
}

/** The fields of a case's row its license depends on (remembered per case: case-transition.ts). */
export type LicenseFields = Pick<
  CaseCtx['row'],
  'itemId' | 'licenseTypeCode' | 'departmentCreditCode' | 'departmentId' | 'regionCode'
>;
export function licenseSpecOf(row: LicenseFields) {
  const typeCode = row.licenseTypeCode ?? `9${sm3Hex(row.itemId).slice(0, 17).toUpperCase()}`;
  const issuerCreditCode = row.departmentCreditCode ?? derivedCreditCode(row.departmentId, row.regionCode);
  return { typeCode, issuerCreditCode, sequence: `license:${typeCode}:${issuerCreditCode}` };
}

/**
 * 准予 issues the e-license, in the decision's transaction: licenses exist only as a case's result.
 * n is the next number of the spec's sequence (see allocate).
 */
export function issueLicense(ctx: CaseCtx, spec: ReturnType<typeof licenseSpec>, n: number): string {
  const { tx, row, item, holder } = ctx;
  const { typeCode, issuerCreditCode } = spec;
  const serial = String(n).padStart(8, '0');
  const id = buildLicenseId({ typeCode, issuerCreditCode, serial, version: '1' });
  ctx.writes.push(
    licensesRepo.insertLicense(tx, {
      id,
      regionCode: row.regionCode,
      typeCode,
      typeName: row.licenseTypeName ?? `${item.name}证明`,
      holderApplicantId: holder.id,
      holderName: holder.name,
      holderIdMasked: holder.idNumberMasked,
      issuerDepartmentId: row.departmentId,
      issuerName: item.departmentName,
      issuerCreditCode,
      serial,
      validFrom: ctx.today,
      validUntil: row.licenseValidYears ? addYears(ctx.today, row.licenseValidYears) : null,
      caseId: row.id,
      issuedAt: ctx.now,
      // SEC-2: the public verifies through this token, never through the id built from a serial.
      verifyToken: randomToken(24),
    }),
  );
  return id;
}

/** `today` (Asia/Shanghai, from the clock) decides whether a valid license has run out. */
export function toLicense(r: LicenseRow, caseNo: string, today: string): License {
  return {
    id: r.id,
    typeCode: r.typeCode,
    typeName: r.typeName,
    holderName: r.holderName,
    holderIdMasked: r.holderIdMasked,
    issuerName: r.issuerName,
    issuerCreditCode: r.issuerCreditCode,
    validFrom: r.validFrom,
    validUntil: r.validUntil,
    status: r.status === 'valid' && r.validUntil && r.validUntil < today ? 'expired' : r.status,
    caseNo,
    issuedAt: new Date(r.issuedAt).toISOString(),
    verifyToken: r.verifyToken,
  };
}

/** The public address of a license's verification page, from PUBLIC_BASE_URL (never the Host header). */
export function licenseVerifyUrl(deps: Pick<Deps, 'config'>, verifyToken: string): string {
  return `${deps.config.publicBaseUrl}/verify/${encodeURIComponent(verifyToken)}`;
}
