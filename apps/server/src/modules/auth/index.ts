export { authRoutes, sessionHook } from './auth.routes';
export {
  clearSignInLocks,
  forgetStaleThrottles,
  forgetUserSessions,
  login,
  resolveSession,
  hashSessionToken,
} from './auth.service';
export { AuthError, AuthErrorCode } from './auth.errors';
export * as authPolicy from './auth.policy';
