import { describe, expect, it } from 'vitest';
import { hashPassword } from '../../platform/crypto';
import { DEMO_PASSWORD, findPasswordProblem } from './password-policy';

describe('issue 12 point 9: the server password policy', () => {
  const clerk = { username: 'zhangwei', displayName: '张伟' };

  it('keeps the quick rule (length, character classes)', async () => {
    expect(await findPasswordProblem('Short@1a', clerk)).toBe('密码至少 10 位');
  });

  it('refuses common and guessable passwords the quick rule lets through (zxcvbn score < 3)', async () => {
    for (const pw of ['Password123!', 'Qwerty@12345', 'P@ssw0rd2026!', 'Abc@12345678']) {
      expect(await findPasswordProblem(pw, clerk), pw).toMatch(/请换一个更长、更不规律的密码/);
    }
  });

  it('refuses the username, and words of the account and the system', async () => {
    expect(await findPasswordProblem('Zhangwei@2026x', clerk)).toBe('密码不能包含用户名');
    expect(await findPasswordProblem('Tongban#2027', clerk)).toMatch(/个人信息/);
  });

  it('refuses the published demo password except for the demo accounts the seed creates', async () => {
    expect(await findPasswordProblem(DEMO_PASSWORD, clerk)).toBe('不能使用公开的演示密码');
    expect(await findPasswordProblem(DEMO_PASSWORD, { ...clerk, demoAccount: true })).toBeUndefined();
  });

  it('refuses the current password', async () => {
    const currentHash = await hashPassword('Lanshan#Qiao-58');
    expect(await findPasswordProblem('Lanshan#Qiao-58', { ...clerk, currentHash })).toBe(
      '新密码不能与当前密码相同',
    );
    expect(await findPasswordProblem('Baiyun#Xi-Bridge-17', { ...clerk, currentHash })).toBeUndefined();
  });
});
