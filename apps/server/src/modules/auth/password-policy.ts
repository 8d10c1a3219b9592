import { checkPasswordPolicy } from '@tongban/contracts';
import { verifyPassword } from '../../platform/crypto';

/** Every demo account's password, published in the README: refused for any other account. */
export const DEMO_PASSWORD = 'Tongban@2026';
/** zxcvbn scores 0–4; 3 is "safely unguessable: moderate protection from offline slow-hash attacks". */
export const MIN_PASSWORD_SCORE = 3;

type Zxcvbn = (typeof import('@zxcvbn-ts/core'))['zxcvbn'];
let loaded: Promise<Zxcvbn> | undefined;

/** The dictionaries (about 2 MB) load on the first password set, not at start. */
function strengthMeter(): Promise<Zxcvbn> {
  return (loaded ??= (async () => {
    const [{ zxcvbn, zxcvbnOptions }, common] = await Promise.all([
      import('@zxcvbn-ts/core'),
      import('@zxcvbn-ts/language-common'),
    ]);
    zxcvbnOptions.setOptions({ dictionary: { ...common.dictionary }, graphs: common.adjacencyGraphs });
    return zxcvbn;
  })());
}

// zxcvbn's warnings are keys (its translations are English); the ones it gives, in Chinese.
const WARNINGS: Record<string, string> = {
  straightRow: '键盘上连续的一排按键很容易被猜到',
  keyPattern: '键盘上的短规律很容易被猜到',
  simpleRepeat: '“aaa” 这样的重复字符很容易被猜到',
  extendedRepeat: '“abcabcabc” 这样的重复很容易被猜到',
  sequences: '“abc”“123” 这样的顺序很容易被猜到',
  recentYears: '近年的年份很容易被猜到',
  dates: '日期很容易被猜到',
  topTen: '这是最常用的密码之一',
  topHundred: '这是很常用的密码',
  common: '这是常用密码',
  similarToCommon: '与常用密码相似',
  wordByItself: '单个词很容易被猜到',
  namesByThemselves: '姓名很容易被猜到',
  commonNames: '常见姓名很容易被猜到',
  userInputs: '不能使用用户名、姓名或系统名称等个人信息',
  pwned: '该密码已在数据泄露中出现',
};

export type PasswordContext = {
  username: string;
  displayName?: string;
  /** The account's current hash: a new password must differ from it. */
  currentHash?: string;
  /** Only the demo seed creates accounts that may keep the published demo password. */
  demoAccount?: boolean;
};

/**
 * The server's password decision (issue 12 point 9), a Chinese reason or undefined: the quick rule
 * the web also applies (length, character classes), then not the username, not the demo password
 * outside demo accounts, not the current password, and a zxcvbn score of at least 3 against the
 * common-password dictionaries and this account's own words.
 */
export async function findPasswordProblem(
  password: string,
  ctx: PasswordContext,
): Promise<string | undefined> {
  const quick = checkPasswordPolicy(password);
  if (quick) return quick;
  if (ctx.demoAccount && password === DEMO_PASSWORD) return undefined;
  const lower = password.toLowerCase();
  if (ctx.username.length >= 3 && lower.includes(ctx.username.toLowerCase())) return '密码不能包含用户名';
  if (lower === DEMO_PASSWORD.toLowerCase()) return '不能使用公开的演示密码';
  if (ctx.currentHash && (await verifyPassword(password, ctx.currentHash))) return '新密码不能与当前密码相同';
  const zxcvbn = await strengthMeter();
  const words = ['tongban', '通办', ctx.username, ...(ctx.displayName ? [ctx.displayName] : [])];
  const result = zxcvbn(password, words);
  if (result.score >= MIN_PASSWORD_SCORE) return undefined;
  const why = (result.feedback.warning && WARNINGS[result.feedback.warning]) || '密码太容易被猜到';
  return `${why}，请换一个更长、更不规律的密码（可用几个不相关的词加数字和符号）`;
}
