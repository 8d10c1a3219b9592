import { type LoginInput, type PasswordChangeInput, type Role, type SessionInfo } from '@tongban/contracts';
import type { Actor } from '../../platform/access';
import type { Deps } from '../../platform/app-types';
import type { Executor, Tx } from '../../platform/db';
import { hashPassword, hmacSm3Hex, randomToken, verifyPassword } from '../../platform/crypto';
import { runCommand } from '../../platform/command';
import type { AuditInput } from '../audit';
import { AuthError } from './auth.errors';
import {
  isLocked,
  isSessionIdle,
  isSessionTooOld,
  registerFailure,
  shouldTouch,
  THROTTLE_FORGET_MS,
} from './auth.policy';
import * as repo from './auth.repository';
import { findPasswordProblem } from './password-policy';

// A hash to compare against when there is no password to check (unknown user, locked pair), so
// every refusal costs one scrypt like a wrong password and the reply time does not tell them apart.
// One per cost: the configured cost is what the accounts' own hashes were made with.
const dummyHashes = new Map<number, Promise<string>>();
function dummyHash(cost: number): Promise<string> {
  let h = dummyHashes.get(cost);
  if (!h) dummyHashes.set(cost, (h = hashPassword('not-a-real-password', cost)));
  return h;
}

export function hashSessionToken(deps: Deps, token: string): string {
  const key = deps.config.secrets.lookupKey;
  const known = tokenHashes.get(token);
  if (known?.key === key) return known.hash;
  const hash = hmacSm3Hex(key, `session:${token}`);
  if (tokenHashes.size >= 10_000) tokenHashes.clear();
  tokenHashes.set(token, { key, hash });
  return hash;
}
/**
 * Session tokens this process has hashed, with their hashes: every request hashes its cookie's
 * token, and the keyed hash was a few percent of a transition's time. Process memory only, like
 * the tokens themselves while a request is served; never written, logged or sent.
 */
const tokenHashes = new Map<string, { key: string; hash: string }>();

/** Keyed hash of a username as typed: the throttle and the audit of unknown names never hold the name. */
export function accountKey(deps: Deps, username: string): string {
  return hmacSm3Hex(deps.config.secrets.lookupKey, `login:${username}`);
}

type UserRow = NonNullable<Awaited<ReturnType<typeof repo.findUserByUsername>>>;

function actorOf(user: UserRow, clientIp: string): Actor {
  return {
    userId: user.id,
    username: user.username,
    displayName: user.displayName,
    role: user.role,
    regionCode: user.regionCode,
    departmentId: user.departmentId,
    clientIp,
  };
}

/**
 * Signs in. Unknown user, wrong password and a locked (account, address) pair all answer the same
 * 401 AUTH_INVALID_CREDENTIALS after the same work (one scrypt, one throttle write, one audit entry),
 * so the reply says nothing about which accounts exist or are locked (issue 12 point 8).
 */
export async function login(
  deps: Deps,
  input: LoginInput,
  clientIp: string,
  hooks: {
    /** A password was checked and refused (not: a locked pair refused unchecked); the route counts it per account. */
    onPasswordRefused?: () => Promise<void>;
  } = {},
): Promise<{ token: string; info: SessionInfo }> {
  const now = deps.clock.now();
  const key = accountKey(deps, input.username);
  const [user, seen] = await Promise.all([
    repo.findUserByUsername(deps.db, input.username),
    repo.findThrottle(deps.db, key, clientIp),
  ]);
  const lockedAlready = !!seen && isLocked(seen.lockedUntil ? new Date(seen.lockedUntil) : null, now);
  // Checked outside any transaction: scrypt must not hold a connection (PGlite has only one).
  const ok = await verifyPassword(
    input.password,
    user && !lockedAlready ? user.passwordHash : await dummyHash(deps.config.passwordCost),
  );
  if (!user || !ok || lockedAlready) {
    if (!lockedAlready) await hooks.onPasswordRefused?.();
    await recordFailure(deps, key, clientIp, user, now, user ? 'bad_password' : 'unknown_user');
    throw new AuthError('AUTH_INVALID_CREDENTIALS');
  }
  if (user.disabled) throw new AuthError('AUTH_DISABLED');
  const actor = actorOf(user, clientIp);
  const token = randomToken();
  const csrfToken = randomToken(24);
  const signedIn = await runCommand(deps, actor, async ({ tx }) => {
    // Issue 12 point 2: the pair's row stays locked from this check to commit, so a lock that
    // parallel failures set while the password was being checked is seen here.
    const row = await repo.lockThrottle(tx, key, clientIp, now, false);
    const lockedUntil = row?.lockedUntil ? new Date(row.lockedUntil) : null;
    if (isLocked(lockedUntil, now)) return { result: false };
    if (row) await repo.deleteThrottle(tx, key, clientIp);
    await repo.insertSession(tx, {
      tokenHash: hashSessionToken(deps, token),
      userId: user.id,
      regionCode: user.regionCode,
      csrfToken,
      clientIp,
      createdAt: now,
      lastSeenAt: now,
    });
    const login: AuditInput = { action: 'auth.login', entityType: 'user', entityId: user.id };
    return { result: true, audit: lockedUntil ? [unlocked(user.id), login] : login };
  });
  if (!signedIn) {
    await recordFailure(deps, key, clientIp, user, now, 'locked');
    throw new AuthError('AUTH_INVALID_CREDENTIALS');
  }
  return {
    token,
    info: {
      csrfToken,
      user: {
        id: user.id,
        username: user.username,
        displayName: user.displayName,
        role: user.role,
        regionCode: user.regionCode,
        departmentId: user.departmentId,
      },
    },
  };
}

/**
 * Counts one failed or refused attempt of the (account, address) pair under the row's lock and
 * audits it: `auth.login_failed`, `auth.locked` for the failure that sets the lock (once per lock),
 * `auth.login_refused` for attempts while locked, and `auth.unlocked` when a lock had run out.
 */
async function recordFailure(
  deps: Deps,
  key: string,
  clientIp: string,
  user: UserRow | undefined,
  now: Date,
  reason: 'unknown_user' | 'bad_password' | 'locked',
): Promise<void> {
  const actor = user ? actorOf(user, clientIp) : anonymous(clientIp);
  // An unknown name is audited by its keyed hash: a password typed into the name field stays out of the log.
  const entityId = user ? user.id : `login:${key.slice(0, 32)}`;
  await runCommand(deps, actor, async ({ tx }) => {
    const row = await repo.lockThrottle(tx, key, clientIp, now, true);
    const next = registerFailure(
      row && {
        failedAttempts: row.failedAttempts,
        lockedUntil: row.lockedUntil ? new Date(row.lockedUntil) : null,
      },
      now,
    );
    await repo.updateThrottle(tx, key, clientIp, {
      failedAttempts: next.failedAttempts,
      lockedUntil: next.lockedUntil,
      lastFailedAt: now,
    });
    if (next.event === 'locked' && user) await repo.markUserLocked(tx, user, next.lockedUntil!);
    const action =
      next.event === 'locked'
        ? 'auth.locked'
        : next.event === 'refused'
          ? 'auth.login_refused'
          : 'auth.login_failed';
    const failure: AuditInput = {
      action,
      entityType: 'user',
      entityId,
      summary: {
        reason: next.event === 'refused' ? 'locked' : reason,
        failedAttempts: next.failedAttempts,
        ...(next.lockedUntil ? { lockedUntil: next.lockedUntil.toISOString() } : {}),
      },
    };
    return { result: undefined, audit: next.unlocked ? [unlocked(entityId), failure] : failure };
  });
}

/** A lock that ran out is recorded as lifted when the pair is next used (nothing runs at its end). */
function unlocked(entityId: string): AuditInput {
  return { action: 'auth.unlocked', entityType: 'user', entityId, summary: { reason: 'expired' } };
}

/**
 * An admin's password reset lifts every sign-in lock of the account (called inside the reset's
 * command). Returns the lift's audit entry when a lock was in force, for the reset to return to
 * runCommand before its own entry.
 */
export async function clearSignInLocks(
  tx: Tx,
  deps: Deps,
  user: { id: string; username: string; regionCode: string },
  now: Date,
): Promise<AuditInput | null> {
  const lifted = await repo.deleteAccountThrottles(tx, accountKey(deps, user.username), now);
  if (lifted === 0) return null;
  return {
    action: 'auth.unlocked',
    entityType: 'user',
    entityId: user.id,
    regionCode: user.regionCode,
    summary: { reason: 'password_reset', locks: lifted },
  };
}

/** The stored hash of a user's password (an admin's reset must not set the current one again). */
export async function findPasswordHash(
  db: Executor,
  user: { regionCode: string; id: string },
): Promise<string | undefined> {
  return (await repo.findUserById(db, user.regionCode, user.id))?.passwordHash;
}

/** The hourly clean-up: throttle rows a day without failures and without a lock in force go. */
export function forgetStaleThrottles(deps: Deps, now: Date): Promise<number> {
  return repo.deleteStaleThrottles(deps.db, new Date(now.getTime() - THROTTLE_FORGET_MS), now);
}

export type ResolvedSession = { actor: Actor; csrfToken: string; tokenHash: string };

type SessionRow = NonNullable<Awaited<ReturnType<typeof repo.findSessionWithUser>>>;

/**
 * Sessions as read in the last SESSION_CACHE_MS, per database (docs/adr/0003): every request
 * checks its session, and reading it was one round trip of each. What this process changes
 * (sign-out, password change, a user disabled or moved) is forgotten at once; another process's
 * change is seen within SESSION_CACHE_MS.
 */
const SESSION_CACHE_MS = 2_000;
const sessionCaches = new WeakMap<object, Map<string, { row: SessionRow; readAt: number }>>();
const sessionCache = (deps: Deps) => {
  let cache = sessionCaches.get(deps.db);
  if (!cache) sessionCaches.set(deps.db, (cache = new Map()));
  return cache;
};

/** Forgets the cached sessions of a user (after a change that ended them has committed). */
export function forgetUserSessions(deps: Deps, userId: string) {
  const cache = sessionCache(deps);
  for (const [hash, entry] of cache) if (entry.row.userId === userId) cache.delete(hash);
}

async function readSession(deps: Deps, tokenHash: string, now: Date): Promise<SessionRow | undefined> {
  const cache = sessionCache(deps);
  const hit = cache.get(tokenHash);
  const age = hit ? now.getTime() - hit.readAt : Infinity;
  if (hit && age >= 0 && age < SESSION_CACHE_MS) return hit.row;
  const row = await repo.findSessionWithUser(deps.db, tokenHash);
  if (cache.size >= 10_000) cache.clear();
  if (row) cache.set(tokenHash, { row, readAt: now.getTime() });
  else cache.delete(tokenHash);
  return row;
}

/**
 * Finds the session of a cookie token; an idle, too old (SESSION_MAX_HOURS since sign-in, however
 * busy) or disabled one is deleted and reported as expired.
 */
export async function resolveSession(
  deps: Deps,
  token: string,
  clientIp: string,
): Promise<ResolvedSession | undefined> {
  const tokenHash = hashSessionToken(deps, token);
  const now = deps.clock.now();
  const s = await readSession(deps, tokenHash, now);
  if (!s) return undefined;
  if (
    s.disabled ||
    isSessionIdle(new Date(s.lastSeenAt), now) ||
    isSessionTooOld(new Date(s.createdAt), now, deps.config.sessionMaxHours)
  ) {
    sessionCache(deps).delete(tokenHash);
    await repo.deleteSession(deps.db, tokenHash);
    throw new AuthError('SESSION_EXPIRED');
  }
  if (shouldTouch(new Date(s.lastSeenAt), now)) {
    await repo.touchSession(deps.db, tokenHash, now);
    s.lastSeenAt = now;
  }
  return {
    tokenHash,
    csrfToken: s.csrfToken,
    actor: {
      userId: s.userId,
      username: s.username,
      displayName: s.displayName,
      role: s.role,
      regionCode: s.regionCode,
      departmentId: s.departmentId,
      clientIp,
    },
  };
}

export async function logout(deps: Deps, actor: Actor, tokenHash: string): Promise<void> {
  sessionCache(deps).delete(tokenHash);
  await runCommand(deps, actor, async ({ tx }) => {
    await repo.deleteSession(tx, tokenHash);
    return {
      result: undefined,
      audit: { action: 'auth.logout', entityType: 'user', entityId: actor.userId ?? '' },
    };
  });
}

export async function changePassword(
  deps: Deps,
  actor: Actor,
  input: PasswordChangeInput,
  keepTokenHash: string,
): Promise<void> {
  const user = actor.userId ? await repo.findUserById(deps.db, actor.regionCode, actor.userId) : undefined;
  if (!user || !(await verifyPassword(input.oldPassword, user.passwordHash))) {
    throw new AuthError('AUTH_INVALID_CREDENTIALS', '原密码错误');
  }
  // Issue 12 point 9: the server decides (strength, username, demo password, not the current one).
  const weak = await findPasswordProblem(input.newPassword, {
    username: user.username,
    displayName: user.displayName,
    currentHash: user.passwordHash,
  });
  if (weak) throw new AuthError('AUTH_WEAK_PASSWORD', weak);
  const hash = await hashPassword(input.newPassword, deps.config.passwordCost);
  await runCommand(deps, actor, async ({ tx }) => {
    await repo.updatePasswordHash(tx, user, hash);
    // Other sessions of this user end with the old password.
    await tx
      .deleteFrom('userSession')
      .where('userId', '=', user.id)
      .where('tokenHash', '!=', keepTokenHash)
      .execute();
    return {
      result: undefined,
      audit: { action: 'auth.password_changed', entityType: 'user', entityId: user.id },
    };
  });
  forgetUserSessions(deps, user.id);
}

function anonymous(clientIp: string): Actor {
  return {
    userId: null,
    username: 'anonymous',
    displayName: '匿名',
    role: 'system',
    regionCode: '',
    departmentId: null,
    clientIp,
  };
}

/**
 * Who should receive a message or a to-do: the active users of a role in a region, optionally of one
 * department (e.g. the head of the department a 督办单 goes to). Other modules' use cases call this.
 */
export async function listUserIdsByRole(
  db: Executor,
  f: { regionCode: string; role: Role; departmentId?: string | null },
): Promise<string[]> {
  const rows = await repo.listActiveUserIds(db, f);
  return rows.map((r) => r.id);
}

/**
 * The account of a staff member of the registry (same department, same name) and when it last
 * signed in: evaluations uses it for SOD-2 (the rated person) and its honesty checks.
 */
export async function findStaffAccount(
  db: Executor,
  f: { regionCode: string; departmentId: string; displayName: string },
): Promise<{ userId: string; lastSignInAt: Date | null } | null> {
  const row = await repo.findStaffAccount(db, f);
  if (!row) return null;
  const at = row.lastSignInAt as Date | string | null;
  return { userId: row.id, lastSignInAt: at ? new Date(at) : null };
}

/**
 * An account's id, name, role, department and whether it is disabled (cases: 转办), among the
 * accounts that can work a case of `caseRegion` (ADR 0006: the statement names their regions).
 */
export function findUserCard(db: Executor, id: string, caseRegion: string) {
  return repo.findUserCard(db, id, caseRegion);
}

/** The enabled approvers and heads of a department, heads first (cases: 转办 candidates), as findUserCard. */
export function listDepartmentReviewers(db: Executor, departmentId: string, caseRegion: string) {
  return repo.listDepartmentReviewers(db, departmentId, caseRegion);
}
