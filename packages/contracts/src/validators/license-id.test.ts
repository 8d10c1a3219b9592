import { describe, expect, it } from 'vitest';
import { buildLicenseId, iso7064Mod3736CheckChar, isValidLicenseId } from './license-id';

describe('e-license identifier, ISO 7064 MOD 37,36', () => {
  it('a check character makes the hybrid system end in 1 (ISO 7064 property)', () => {
    // Appending the check character and running the system again gives s = 1 at the end.
    for (const body of ['11100000000123456789', 'ABC123', '0', 'ZZZZ']) {
      const c = iso7064Mod3736CheckChar(body)!;
      let p = 36;
      let s = 0;
      for (const ch of body + c) {
        s = (p + '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ'.indexOf(ch)) % 36 || 36;
        p = (s * 2) % 37;
      }
      expect(s, body).toBe(1);
    }
  });
  it('detects every single-character substitution and adjacent transposition of a sample id', () => {
    const id = buildLicenseId({
      typeCode: '11100000000',
      issuerCreditCode: '11350999MB0000010X',
      serial: '000123',
      version: '001',
    });
    expect(isValidLicenseId(id)).toBe(true);
    const chars = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';
    const positions = [...id].map((c, i) => (c === '.' ? -1 : i)).filter((i) => i >= 0);
    for (const i of positions) {
      for (const c of chars) {
        if (c === id[i]) continue;
        const mutated = id.slice(0, i) + c + id.slice(i + 1);
        if (/^1\.2\.156\.3005\.2\./.test(mutated)) expect(isValidLicenseId(mutated), mutated).toBe(false);
      }
    }
    for (let k = 0; k + 1 < positions.length; k++) {
      const i = positions[k]!;
      const j = positions[k + 1]!;
      if (j !== i + 1 || id[i] === id[j]) continue;
      const swapped = id.slice(0, i) + id[j] + id[i] + id.slice(j + 1);
      if (/^1\.2\.156\.3005\.2\./.test(swapped)) expect(isValidLicenseId(swapped), swapped).toBe(false);
    }
  });
  it('refuses lower case, a wrong prefix and characters outside 0-9A-Z', () => {
    expect(isValidLicenseId('1.2.156.3005.2.1.11350999MB0000010X.1.1.A')).toBe(false);
    expect(iso7064Mod3736CheckChar('ab-c')).toBeUndefined();
  });
});
