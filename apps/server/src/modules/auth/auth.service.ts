import {
  checkPasswordPolicy,
  type LoginInput,
  type PasswordChangeInput,
  type SessionInfo,
} from '@tongban/contracts';
import type { Actor } from '../../platform/access';
import type { Deps } from '../../platform/app-types';
import { hashPassword, hmacSm3Hex, randomToken, verifyPassword } from '../../platform/crypto';
import { appendAudit } from '../audit';
import { AuthError } from './auth.errors';
import { isLocked, isSessionIdle, registerFailure, shouldTouch } from './auth.policy';
import * as repo from './auth.repository';

// A hash to compare against when the user does not exist, so a wrong username costs as long as a
// wrong password and the reply time does not tell which usernames exist.
let dummyHash: Promise<string> | undefined;

export function hashSessionToken(deps: Deps, token: string): string {
  return hmacSm3Hex(deps.config.secrets.lookupKey, `session:${token}`);
}

export async function login(
  deps: Deps,
  input: LoginInput,
  clientIp: string,
): Promise<{ token: string; info: SessionInfo }> {
  const now = deps.clock.now();
  const user = await repo.findUserByUsername(deps.db, input.username);
  if (!user) {
    await verifyPassword(input.password, await (dummyHash ??= hashPassword('not-a-real-password')));
    await deps.db.transaction().execute((tx) =>
      appendAudit(
        tx,
        anonymous(clientIp),
        {
          action: 'auth.login_failed',
          entityType: 'user',
          entityId: input.username.slice(0, 64),
          regionCode: '',
          summary: { reason: 'unknown_user' },
        },
        now,
      ),
    );
    throw new AuthError('AUTH_INVALID_CREDENTIALS');
  }
  const actor: Actor = {
    userId: user.id,
    username: user.username,
    displayName: user.displayName,
    role: user.role,
    regionCode: user.regionCode,
    departmentId: user.departmentId,
    clientIp,
  };
  if (isLocked(user.lockedUntil, now)) {
    await deps.db.transaction().execute((tx) =>
      appendAudit(
        tx,
        actor,
        {
          action: 'auth.login_refused',
          entityType: 'user',
          entityId: user.id,
          summary: { reason: 'locked' },
        },
        now,
      ),
    );
    throw new AuthError('AUTH_LOCKED', undefined, { lockedUntil: user.lockedUntil!.toISOString() });
  }
  const ok = await verifyPassword(input.password, user.passwordHash);
  if (!ok) {
    const next = registerFailure(user.failedAttempts, now);
    await deps.db.transaction().execute(async (tx) => {
      await repo.updateLoginState(tx, user.id, next);
      await appendAudit(
        tx,
        actor,
        {
          action: next.lockedUntil ? 'auth.locked' : 'auth.login_failed',
          entityType: 'user',
          entityId: user.id,
          summary: { reason: 'bad_password', failedAttempts: next.lockedUntil ? 5 : next.failedAttempts },
        },
        now,
      );
    });
    if (next.lockedUntil)
      throw new AuthError('AUTH_LOCKED', undefined, { lockedUntil: next.lockedUntil.toISOString() });
    throw new AuthError('AUTH_INVALID_CREDENTIALS');
  }
  if (user.disabled) throw new AuthError('AUTH_DISABLED');
  const token = randomToken();
  const csrfToken = randomToken(24);
  await deps.db.transaction().execute(async (tx) => {
    await repo.updateLoginState(tx, user.id, { failedAttempts: 0, lockedUntil: null });
    await repo.insertSession(tx, {
      tokenHash: hashSessionToken(deps, token),
      userId: user.id,
      csrfToken,
      clientIp,
      createdAt: now,
      lastSeenAt: now,
    });
    await appendAudit(tx, actor, { action: 'auth.login', entityType: 'user', entityId: user.id }, now);
  });
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

/** Finds the session of a cookie token; an idle or disabled one is deleted and reported as expired. */
export async function resolveSession(
  deps: Deps,
  token: string,
  clientIp: string,
): Promise<ResolvedSession | undefined> {
  const tokenHash = hashSessionToken(deps, token);
  const now = deps.clock.now();
  const s = await readSession(deps, tokenHash, now);
  if (!s) return undefined;
  if (s.disabled || isSessionIdle(new Date(s.lastSeenAt), now)) {
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
  await deps.db.transaction().execute(async (tx) => {
    await repo.deleteSession(tx, tokenHash);
    await appendAudit(
      tx,
      actor,
      { action: 'auth.logout', entityType: 'user', entityId: actor.userId ?? '' },
      deps.clock.now(),
    );
  });
}

export async function changePassword(
  deps: Deps,
  actor: Actor,
  input: PasswordChangeInput,
  keepTokenHash: string,
): Promise<void> {
  const user = actor.userId ? await repo.findUserById(deps.db, actor.userId) : undefined;
  if (!user || !(await verifyPassword(input.oldPassword, user.passwordHash))) {
    throw new AuthError('AUTH_INVALID_CREDENTIALS', '原密码错误');
  }
  const weak = checkPasswordPolicy(input.newPassword);
  if (weak) throw new AuthError('AUTH_WEAK_PASSWORD', weak);
  const hash = await hashPassword(input.newPassword);
  await deps.db.transaction().execute(async (tx) => {
    await repo.updatePasswordHash(tx, user.id, hash);
    // Other sessions of this user end with the old password.
    await tx
      .deleteFrom('userSession')
      .where('userId', '=', user.id)
      .where('tokenHash', '!=', keepTokenHash)
      .execute();
    await appendAudit(
      tx,
      actor,
      { action: 'auth.password_changed', entityType: 'user', entityId: user.id },
      deps.clock.now(),
    );
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
