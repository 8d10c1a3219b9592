import { describe, expect, it } from 'vitest';
import { regionCovers } from '@tongban/contracts';
import {
  regionLine,
  IDLE_TIMEOUT_MS,
  isLocked,
  isSessionIdle,
  isSessionTooOld,
  LOCK_MS,
  registerFailure,
  type ThrottleState,
} from './auth.policy';

describe('sign-in policy', () => {
  const now = new Date('2026-11-22T08:00:00Z');
  it('locks on the 5th consecutive failure for 15 minutes', () => {
    let s: ThrottleState | undefined;
    for (let i = 0; i < 4; i++) {
      const next = registerFailure(s, now);
      expect(next.lockedUntil).toBeNull();
      expect(next.event).toBe('failed');
      s = next;
    }
    const fifth = registerFailure(s, now);
    expect(fifth.event).toBe('locked');
    expect(fifth.lockedUntil?.getTime()).toBe(now.getTime() + LOCK_MS);
    expect(isLocked(fifth.lockedUntil, new Date(now.getTime() + LOCK_MS - 1))).toBe(true);
    expect(isLocked(fifth.lockedUntil, new Date(now.getTime() + LOCK_MS + 1))).toBe(false);
  });

  it('counts attempts while locked without extending the lock, and starts over once it ran out', () => {
    const locked = { failedAttempts: 5, lockedUntil: new Date(now.getTime() + LOCK_MS) };
    const during = registerFailure(locked, new Date(now.getTime() + 60_000));
    expect(during).toMatchObject({ event: 'refused', failedAttempts: 6, unlocked: false });
    expect(during.lockedUntil).toEqual(locked.lockedUntil);
    const after = registerFailure(during, new Date(now.getTime() + LOCK_MS + 1));
    expect(after).toMatchObject({ event: 'failed', failedAttempts: 1, lockedUntil: null, unlocked: true });
  });

  it('ends a session after 30 idle minutes', () => {
    expect(isSessionIdle(now, new Date(now.getTime() + IDLE_TIMEOUT_MS))).toBe(false);
    expect(isSessionIdle(now, new Date(now.getTime() + IDLE_TIMEOUT_MS + 1000))).toBe(true);
  });

  it('ends a session SESSION_MAX_HOURS after sign-in, however busy', () => {
    expect(isSessionTooOld(now, new Date(now.getTime() + 12 * 3_600_000), 12)).toBe(false);
    expect(isSessionTooOld(now, new Date(now.getTime() + 12 * 3_600_000 + 1), 12)).toBe(true);
  });

  it("names the regions whose accounts can work a county's records: the county, below and above it", () => {
    const line = regionLine('330102001000');
    expect(line).toEqual({ like: '330102%', above: ['330000', '330000000000', '330100', '330100000000'] });
    // Exactly the regions that cover the county or that it covers.
    for (const r of ['330102', '330102001000', '330100', '330000000000', '330103', '330200', '340000']) {
      const named = r.startsWith('330102') || line.above.includes(r);
      expect(named).toBe(regionCovers(r, '330102') || regionCovers('330102', r));
    }
    expect(regionLine('330000')).toEqual({ like: '33%', above: [] });
  });
});
