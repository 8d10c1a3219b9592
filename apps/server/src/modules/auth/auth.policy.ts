import { regionPrefix } from '@tongban/contracts';

/**
 * Sign-in rules (Foundation issue, issue 12 points 2, 8, 9): 5 consecutive failures of one account
 * from one client address lock that pair for 15 minutes; 30 idle minutes or SESSION_MAX_HOURS
 * (default 12) since sign-in end a session.
 */
export const MAX_FAILED_ATTEMPTS = 5;
export const LOCK_MS = 15 * 60_000;
export const IDLE_TIMEOUT_MS = 30 * 60_000;
export const DEFAULT_SESSION_MAX_HOURS = 12;
/** Don't write last_seen_at on every request; a minute's precision is enough for a 30-minute timeout. */
export const TOUCH_INTERVAL_MS = 60_000;
/** Throttle rows without a failure for this long are forgotten (and no lock outlives it). */
export const THROTTLE_FORGET_MS = 24 * 3_600_000;

export function isLocked(lockedUntil: Date | null, now: Date): boolean {
  return lockedUntil !== null && lockedUntil.getTime() > now.getTime();
}

export type ThrottleState = { failedAttempts: number; lockedUntil: Date | null };

/**
 * What one failed (or refused) attempt does to the (account, address) pair, and which audit event
 * it is: `failed` an ordinary failure, `locked` the failure that set the lock, `refused` an attempt
 * while locked (counted, the lock is not extended, so a lock always ends 15 minutes after it was
 * set). A lock that has run out starts the count again (`unlocked`: the lock ended before this).
 */
export function registerFailure(
  state: ThrottleState | undefined,
  now: Date,
): ThrottleState & { event: 'failed' | 'locked' | 'refused'; unlocked: boolean } {
  const s = state ?? { failedAttempts: 0, lockedUntil: null };
  if (isLocked(s.lockedUntil, now))
    return {
      failedAttempts: s.failedAttempts + 1,
      lockedUntil: s.lockedUntil,
      event: 'refused',
      unlocked: false,
    };
  const unlocked = s.lockedUntil !== null;
  const n = (unlocked ? 0 : s.failedAttempts) + 1;
  if (n >= MAX_FAILED_ATTEMPTS)
    return { failedAttempts: n, lockedUntil: new Date(now.getTime() + LOCK_MS), event: 'locked', unlocked };
  return { failedAttempts: n, lockedUntil: null, event: 'failed', unlocked };
}

export function isSessionIdle(lastSeenAt: Date, now: Date): boolean {
  return now.getTime() - lastSeenAt.getTime() > IDLE_TIMEOUT_MS;
}

/** A session ends `maxHours` after sign-in however busy it is (等保 2.0: absolute session lifetime). */
export function isSessionTooOld(createdAt: Date, now: Date, maxHours: number): boolean {
  return now.getTime() - createdAt.getTime() > maxHours * 3_600_000;
}

export function shouldTouch(lastSeenAt: Date, now: Date): boolean {
  return now.getTime() - lastSeenAt.getTime() > TOUCH_INTERVAL_MS;
}

/**
 * The regions whose accounts can work with a county's records (ADR 0006: a statement names its
 * region): the county's own region and everything below it (`like`), and the regions above it
 * (`above`: the city and province, in their 6- and 12-digit forms). An account of a department
 * lies in one of them, so a look-up of a department's people names these regions, not every region.
 */
export function regionLine(code: string): { like: string; above: string[] } {
  const county = regionPrefix(code.slice(0, 6));
  const above: string[] = [];
  for (const len of [2, 4] as const)
    if (len < county.length) {
      const p = county.slice(0, len);
      above.push(p.padEnd(6, '0'), p.padEnd(12, '0'));
    }
  return { like: `${county}%`, above };
}
