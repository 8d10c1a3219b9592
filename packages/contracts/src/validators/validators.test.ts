import { describe, expect, it } from 'vitest';
import { creditCodeCheckChar, isValidCreditCode } from './credit-code';
import { idCardCheckChar, isValidIdCardNumber, maskIdNumber } from './id-card';
import { checkPasswordPolicy } from './password';
import { isValidRegionCode, regionCovers, regionLevel, regionPrefix } from './region-code';

describe('ID-1 统一社会信用代码 (GB 32100-2015)', () => {
  it('ID-1: accepts the standard example and codes built with the MOD 31 check character', () => {
    expect(isValidCreditCode('91350100M000100Y43')).toBe(true);
    for (const body of ['91110108MA01ABCDE', '12350999MB1234567', '92350999MA2XYW0Q1']) {
      const code = body + creditCodeCheckChar(body);
      expect(isValidCreditCode(code), code).toBe(true);
    }
  });
  it('ID-1: rejects a wrong check character, forbidden letters, bad region digits and wrong length', () => {
    expect(isValidCreditCode('91350100M000100Y44')).toBe(false);
    expect(isValidCreditCode('91350100M000100YI3')).toBe(false); // I is not in the alphabet
    expect(isValidCreditCode('9135A100M000100Y43')).toBe(false); // characters 3–8 are digits
    expect(isValidCreditCode('91350100M000100Y4')).toBe(false);
    expect(isValidCreditCode('91350100m000100y43')).toBe(false);
  });
});

describe('ID-1 公民身份号码 (GB 11643-1999)', () => {
  it('ID-1: accepts the standard example and numbers with a correct MOD 11-2 check', () => {
    expect(isValidIdCardNumber('11010519491231002X')).toBe(true);
    expect(isValidIdCardNumber('11010519491231002x')).toBe(true);
    const body = '35099920000229123'; // 29 Feb 2000 is a real date
    expect(isValidIdCardNumber(body + idCardCheckChar(body))).toBe(true);
  });
  it('ID-1: rejects a wrong check digit', () => {
    expect(isValidIdCardNumber('110105194912310021')).toBe(false);
  });
  it('ID-1: rejects a birth date that does not exist or lies in the future', () => {
    const feb30 = '35099920010230123';
    expect(isValidIdCardNumber(feb30 + idCardCheckChar(feb30))).toBe(false);
    const feb29 = '35099920010229123'; // 2001 is not a leap year
    expect(isValidIdCardNumber(feb29 + idCardCheckChar(feb29))).toBe(false);
    const future = '35099920991231123';
    expect(isValidIdCardNumber(future + idCardCheckChar(future), new Date('2026-11-22'))).toBe(false);
    const old = '35099918891231123';
    expect(isValidIdCardNumber(old + idCardCheckChar(old))).toBe(false);
  });
  it('ID-1: rejects a non-existent province, letters and wrong length', () => {
    const bad = '99010519491231002';
    expect(isValidIdCardNumber(bad + idCardCheckChar(bad))).toBe(false);
    expect(isValidIdCardNumber('1101051949123100')).toBe(false);
    expect(isValidIdCardNumber('11010519491231A02X')).toBe(false);
  });
  it('masks all but the first and last four characters', () => {
    expect(maskIdNumber('11010519491231002X')).toBe('1101**********002X');
  });
});

describe('行政区划代码 (GB/T 2260)', () => {
  it('accepts 6 and 12 digits with a real province prefix', () => {
    expect(isValidRegionCode('350322')).toBe(true);
    expect(isValidRegionCode('350322100201')).toBe(true);
    expect(isValidRegionCode('990322')).toBe(false);
    expect(isValidRegionCode('35032')).toBe(false);
    expect(isValidRegionCode('3503221002')).toBe(false);
  });
  it('finds the prefix, level and coverage of regions', () => {
    expect(regionPrefix('350000')).toBe('35');
    expect(regionPrefix('350300')).toBe('3503');
    expect(regionPrefix('350322100000')).toBe('350322100');
    expect(regionLevel('350322')).toBe(3);
    expect(regionLevel('350322100000')).toBe(4);
    expect(regionCovers('350322', '350322100000')).toBe(true);
    expect(regionCovers('350322100000', '350322')).toBe(false);
    expect(regionCovers('350300', '350322')).toBe(true);
    expect(regionCovers('350322', '350323')).toBe(false);
  });
});

describe('password policy', () => {
  it('needs 10 characters of at least 3 classes', () => {
    expect(checkPasswordPolicy('Tongban@2026')).toBeUndefined();
    expect(checkPasswordPolicy('Short@1a')).toBe('密码至少 10 位');
    expect(checkPasswordPolicy('alllowercase1')).toMatch(/至少三类/);
    expect(checkPasswordPolicy('lowerUPPER12')).toBeUndefined();
  });
});
