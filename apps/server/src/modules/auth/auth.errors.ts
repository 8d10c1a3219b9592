import { AppError } from '../../platform/errors';

export const AuthErrorCode = {
  INVALID_CREDENTIALS: 'AUTH_INVALID_CREDENTIALS',
  LOCKED: 'AUTH_LOCKED',
  DISABLED: 'AUTH_DISABLED',
  SESSION_EXPIRED: 'SESSION_EXPIRED',
  WEAK_PASSWORD: 'AUTH_WEAK_PASSWORD',
  CSRF: 'CSRF',
} as const;
export type AuthErrorCode = (typeof AuthErrorCode)[keyof typeof AuthErrorCode];

const DEFAULTS: Record<AuthErrorCode, [number, string]> = {
  AUTH_INVALID_CREDENTIALS: [401, '用户名或密码错误'],
  AUTH_LOCKED: [423, '连续登录失败次数过多，账号已锁定，请 15 分钟后再试'],
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
