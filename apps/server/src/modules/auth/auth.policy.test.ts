import { describe, expect, it } from 'vitest';
import { IDLE_TIMEOUT_MS, isLocked, isSessionIdle, LOCK_MS, registerFailure } from './auth.policy';

describe('sign-in policy', () => {
  const now = new Date('2026-11-22T08:00:00Z');
  it('locks on the 5th consecutive failure for 15 minutes', () => {
    let s = { failedAttempts: 0, lockedUntil: null as Date | null };
    for (let i = 0; i < 4; i++) {
      s = registerFailure(s.failedAttempts, now);
      expect(s.lockedUntil).toBeNull();
    }
    s = registerFailure(s.failedAttempts, now);
    expect(s.lockedUntil?.getTime()).toBe(now.getTime() + LOCK_MS);
    expect(isLocked(s.lockedUntil, new Date(now.getTime() + LOCK_MS - 1))).toBe(true);
    expect(isLocked(s.lockedUntil, new Date(now.getTime() + LOCK_MS + 1))).toBe(false);
  });
  it('ends a session after 30 idle minutes', () => {
    expect(isSessionIdle(now, new Date(now.getTime() + IDLE_TIMEOUT_MS))).toBe(false);
    expect(isSessionIdle(now, new Date(now.getTime() + IDLE_TIMEOUT_MS + 1000))).toBe(true);
  });
});
