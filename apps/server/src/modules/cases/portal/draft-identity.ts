import type { Deps } from '../../../platform/app-types';
import { sm4Decrypt, sm4Encrypt } from '../../../platform/crypto';

type DraftData = Record<string, string | number | boolean | null>;
const PLAIN = 'idNumber';
const SEALED = 'idNumberEnc';

/**
 * A draft keeps the identity number the applicant typed (issue 14, point 4), never in clear: SM4 at
 * rest under `idNumberEnc`. Only the holder of the draft token gets it back (openDraftData).
 */
export function sealDraftData(deps: Pick<Deps, 'config'>, data: DraftData): DraftData {
  const { [PLAIN]: idNumber, [SEALED]: _ignored, ...rest } = data;
  const value = typeof idNumber === 'string' ? idNumber.trim().toUpperCase() : '';
  return value ? { ...rest, [SEALED]: sm4Encrypt(deps.config.secrets.sm4Key, value) } : rest;
}

/** The draft's fields for its token holder: the identity number decrypted, the sealed form dropped. */
export function openDraftData(deps: Pick<Deps, 'config'>, data: DraftData): DraftData {
  const { [SEALED]: sealed, ...rest } = data;
  if (typeof sealed !== 'string' || !sealed) return rest;
  try {
    return { ...rest, [PLAIN]: sm4Decrypt(deps.config.secrets.sm4Key, sealed) };
  } catch {
    return rest;
  }
}
