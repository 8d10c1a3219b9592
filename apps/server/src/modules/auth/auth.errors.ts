import { AuthErrorCode } from '@tongban/contracts';
import { AppError } from '../../platform/errors';

export { AuthErrorCode };

const DEFAULTS: Record<AuthErrorCode, [number, string]> = {
  // Issue 12 point 8: unknown user, wrong password and a locked account get this same answer; it
  // names the lock so that a clerk who is locked out knows to wait.
  AUTH_INVALID_CREDENTIALS: [401, '用户名或密码错误（连续错误 5 次将暂停登录 15 分钟）'],
  AUTH_DISABLED: [403, '账号已停用，请联系管理员'],
  SESSION_EXPIRED: [401, '登录已超时，请重新登录'],
  AUTH_WEAK_PASSWORD: [400, '密码不符合要求'],
  CSRF: [403, '页面已过期或请求来源无效，请刷新页面后重试'],
};

export class AuthError extends AppError {
  constructor(code: AuthErrorCode, message?: string, details?: unknown) {
    const [status, text] = DEFAULTS[code];
    super(code, message ?? text, status, details);
  }
}
