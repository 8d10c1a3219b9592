import { isValidLicenseId, type LicenseVerification } from '@tongban/contracts';
import { type Deps } from '../../../../platform/app-types';
import { shanghaiToday } from '../../../../platform/time';
import { licenseVerifyUrl, toLicense } from '../licenses';
import * as licensesRepo from '../licenses.repository';

/**
 * The public verification of an e-license by its token: no sign-in; the holder is shown masked.
 * SEC-2: every token, well-formed or not, costs one look-up and an unknown one answers only
 * "not found", so nothing is learnt by guessing.
 */
export async function verifyLicense(deps: Deps, token: string): Promise<LicenseVerification> {
  const row = await licensesRepo.findLicenseByToken(deps.db, token);
  if (!row) return { id: null, checkCharacterValid: false, found: false, license: null, verifyUrl: null };
  const {
    caseNo: _omit,
    verifyToken: _token,
    ...license
  } = toLicense(row, '', shanghaiToday(deps.clock.now()));
  void _omit;
  void _token;
  return {
    id: row.id,
    checkCharacterValid: isValidLicenseId(row.id),
    found: true,
    license,
    verifyUrl: licenseVerifyUrl(deps, row.verifyToken),
  };
}
