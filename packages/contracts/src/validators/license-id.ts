// 电子证照标识 (GB/T 36903 / 36904 scheme as used by the national e-license system):
//   1.2.156.3005.2.{typeCode}.{issuerCreditCode}.{serial}.{version}.{check}
// The check character is ISO 7064 MOD 37,36 (hybrid system over the 36 characters 0-9A-Z),
// computed over every letter and digit before it, dots left out.
const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';
export const LICENSE_ID_PREFIX = '1.2.156.3005.2';

export function iso7064Mod3736CheckChar(input: string): string | undefined {
  const M = 36;
  let p = M;
  for (const ch of input.toUpperCase()) {
    const v = ALPHABET.indexOf(ch);
    if (v < 0) return undefined;
    let s = (p + v) % M;
    if (s === 0) s = M;
    p = (s * 2) % (M + 1);
  }
  return ALPHABET[(M + 1 - p) % M];
}

export function buildLicenseId(parts: {
  typeCode: string;
  issuerCreditCode: string;
  serial: string;
  version: string;
}): string {
  const body = [LICENSE_ID_PREFIX, parts.typeCode, parts.issuerCreditCode, parts.serial, parts.version].join(
    '.',
  );
  const check = iso7064Mod3736CheckChar(body.replaceAll('.', ''));
  if (!check) throw new Error('证照标识只能包含数字和字母');
  return `${body}.${check}`;
}

export function isValidLicenseId(id: string): boolean {
  const m = /^1\.2\.156\.3005\.2\.([0-9A-Z]+)\.([0-9A-Z]{18})\.([0-9A-Z]+)\.([0-9A-Z]+)\.([0-9A-Z])$/.exec(
    id,
  );
  if (!m) return false;
  const body = id.slice(0, id.lastIndexOf('.'));
  return iso7064Mod3736CheckChar(body.replaceAll('.', '')) === m[5];
}
