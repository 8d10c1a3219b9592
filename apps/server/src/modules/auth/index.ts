export { authRoutes, sessionHook } from './auth.routes';
export {
  clearSignInLocks,
  findPasswordHash,
  forgetStaleThrottles,
  forgetUserSessions,
  login,
  resolveSession,
  hashSessionToken,
  listUserIdsByRole,
  findStaffAccount,
} from './auth.service';
export { AuthError, AuthErrorCode } from './auth.errors';
export * as authPolicy from './auth.policy';
export { DEMO_PASSWORD, findPasswordProblem } from './password-policy';
export { findUserBrief, listUsersLike } from './auth-lookup.read-model';
