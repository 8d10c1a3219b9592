import { z } from 'zod';
import { Role } from './roles';

export const LoginInput = z.object({
  username: z.string().trim().min(1, { message: '请输入用户名' }).max(64),
  password: z.string().min(1, { message: '请输入密码' }).max(256),
});
export type LoginInput = z.infer<typeof LoginInput>;

export const SessionUser = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: Role,
  regionCode: z.string(),
  departmentId: z.string().nullable(),
});
export type SessionUser = z.infer<typeof SessionUser>;

/** Reply of login and `GET /api/auth/me`: the user and the CSRF token to send as `x-csrf-token`. */
export const SessionInfo = z.object({ user: SessionUser, csrfToken: z.string() });
export type SessionInfo = z.infer<typeof SessionInfo>;

export const PasswordChangeInput = z.object({
  oldPassword: z.string().max(256),
  newPassword: z.string().max(256),
});
export type PasswordChangeInput = z.infer<typeof PasswordChangeInput>;

export const CSRF_HEADER = 'x-csrf-token';
export const SESSION_COOKIE = 'tb_session';
