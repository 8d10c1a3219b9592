/** Sign-in rules (Foundation issue): 5 failures lock for 15 minutes; 30 idle minutes end a session. */
export const MAX_FAILED_ATTEMPTS = 5;
export const LOCK_MS = 15 * 60_000;
export const IDLE_TIMEOUT_MS = 30 * 60_000;
/** Don't write last_seen_at on every request; a minute's precision is enough for a 30-minute timeout. */
export const TOUCH_INTERVAL_MS = 60_000;

export function isLocked(lockedUntil: Date | null, now: Date): boolean {
  return lockedUntil !== null && lockedUntil.getTime() > now.getTime();
}

/** State after one more failed attempt: the 5th consecutive failure locks the account. */
export function registerFailure(
  failedAttempts: number,
  now: Date,
): { failedAttempts: number; lockedUntil: Date | null } {
  const n = failedAttempts + 1;
  if (n >= MAX_FAILED_ATTEMPTS) return { failedAttempts: 0, lockedUntil: new Date(now.getTime() + LOCK_MS) };
  return { failedAttempts: n, lockedUntil: null };
}

export function isSessionIdle(lastSeenAt: Date, now: Date): boolean {
  return now.getTime() - lastSeenAt.getTime() > IDLE_TIMEOUT_MS;
}

export function shouldTouch(lastSeenAt: Date, now: Date): boolean {
  return now.getTime() - lastSeenAt.getTime() > TOUCH_INTERVAL_MS;
}
