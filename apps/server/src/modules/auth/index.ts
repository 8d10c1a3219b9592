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
  findUserCard,
  listDepartmentReviewers,
} from './auth.service';
export { AuthError, AuthErrorCode } from './auth.errors';
/** Active users of a role, as a statement for another module's batched round trip. */
export { activeUserIdsQuery, staffAccountQuery } from './auth.repository';
export * as authPolicy from './auth.policy';
export { DEMO_PASSWORD, findPasswordProblem } from './password-policy';
// The accounts the org module administers (users screen): org never queries app_user itself.
export * as accounts from './accounts.repository';
export { findUserBrief, listUsersLike } from './auth-lookup.read-model';
