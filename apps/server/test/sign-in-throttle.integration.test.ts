import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app';
import { LOGIN_FAILURES_PER_ACCOUNT, LOGIN_PER_ADDRESS } from '../src/modules/auth/auth.routes';
import type { AppInstance } from '../src/platform/app-types';
import { createTestApp, dbKinds, DEMO_PASSWORD, type TestApp } from './harness';

const WRONG = {
  code: 'AUTH_INVALID_CREDENTIALS',
  message: '用户名或密码错误（连续错误 5 次将暂停登录 15 分钟）',
};

async function loginFrom(app: AppInstance, ip: string, username: string, password: string) {
  const res = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    remoteAddress: ip,
    payload: { username, password },
  });
  return { status: res.statusCode, body: res.json() as { code: string; message: string } };
}

describe.each(dbKinds())('sign-in throttling and lock-out (%s)', (kind) => {
  let t: TestApp;
  /** The same database behind an app whose rate limits are out of the way: these tests are about the lock. */
  let unlimited: AppInstance;
  beforeAll(async () => {
    t = await createTestApp(kind);
    unlimited = await buildApp({ ...t.deps, config: { ...t.deps.config, rateLimitScale: 1000 } });
    await unlimited.ready();
  });
  afterAll(async () => {
    await unlimited?.close();
    await t?.close();
  });

  const userId = async (username: string) =>
    (
      await t.deps.db
        .selectFrom('appUser')
        .select('id')
        .where('username', '=', username)
        .executeTakeFirstOrThrow()
    ).id;
  const sessionsOf = async (username: string) =>
    (
      await t.deps.db
        .selectFrom('userSession')
        .select('tokenHash')
        .where('userId', '=', await userId(username))
        .execute()
    ).length;

  it('issue 12 point 2: 50 parallel wrong passwords count 50 and lock the account; 40 parallel guesses with the right one then get no session', async () => {
    const ip = '10.12.2.1';
    const wrong = await Promise.all(
      Array.from({ length: 50 }, (_, i) => loginFrom(unlimited, ip, 'depthead', `Wrong-guess-${i}`)),
    );
    expect(wrong.every((r) => r.status === 401)).toBe(true);
    const rows = await t.deps.db.selectFrom('loginThrottle').selectAll().where('clientIp', '=', ip).execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]!.failedAttempts).toBe(50);
    expect(rows[0]!.lockedUntil).not.toBeNull();
    const locks = await t.deps.db
      .selectFrom('auditLog')
      .select('action')
      .where('entityId', '=', await userId('depthead'))
      .where('action', '=', 'auth.locked')
      .execute();
    expect(locks).toHaveLength(1);

    const before = await sessionsOf('depthead');
    const guesses = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        loginFrom(unlimited, ip, 'depthead', i === 17 ? DEMO_PASSWORD : `Another-guess-${i}`),
      ),
    );
    expect(guesses.map((r) => r.status)).toEqual(Array(40).fill(401));
    expect(guesses.every((r) => r.body.code === WRONG.code && r.body.message === WRONG.message)).toBe(true);
    expect(await sessionsOf('depthead')).toBe(before);
  });

  it('issue 12 point 8: a stranger at another address cannot lock a clerk out', async () => {
    for (let i = 0; i < 8; i++) {
      expect((await loginFrom(unlimited, '203.0.113.9', 'clerk', `Stranger-${i}`)).body).toEqual(WRONG);
    }
    // The stranger's address is locked out of this account...
    expect((await loginFrom(unlimited, '203.0.113.9', 'clerk', DEMO_PASSWORD)).status).toBe(401);
    // ...the clerk at the hall's address is not.
    expect((await loginFrom(unlimited, '10.12.8.20', 'clerk', DEMO_PASSWORD)).status).toBe(200);
  });

  it('issue 12 point 8: unknown, locked and wrong answer alike', async () => {
    const ip = '10.12.8.30';
    for (let i = 0; i < 5; i++) await loginFrom(unlimited, ip, 'supervisor', `Bad-${i}`);
    const locked = await loginFrom(unlimited, ip, 'supervisor', DEMO_PASSWORD);
    const unknown = await loginFrom(unlimited, ip, 'no-such-user', DEMO_PASSWORD);
    const wrong = await loginFrom(unlimited, ip, 'leader', 'Bad-password');
    for (const r of [locked, unknown, wrong]) {
      expect(r.status).toBe(401);
      expect(r.body).toEqual(WRONG);
    }
    // An unknown name is throttled like a real one, and stored only as a keyed hash.
    const stored = await t.deps.db.selectFrom('loginThrottle').select('accountKey').execute();
    expect(stored.some((r) => r.accountKey.includes('no-such-user'))).toBe(false);
    const audited = await t.deps.db.selectFrom('auditLog').select('entityId').execute();
    expect(audited.some((r) => r.entityId.includes('no-such-user'))).toBe(false);
  });

  it('issue 12 point 8: an admin password reset lifts the lock, audited as auth.unlocked', async () => {
    const ip = '10.12.8.40';
    for (let i = 0; i < 5; i++) await loginFrom(unlimited, ip, 'inspector', `Bad-${i}`);
    expect((await loginFrom(unlimited, ip, 'inspector', DEMO_PASSWORD)).status).toBe(401);
    const adminLogin = await unlimited.inject({
      method: 'POST',
      url: '/api/auth/login',
      remoteAddress: '10.12.8.41',
      payload: { username: 'admin', password: DEMO_PASSWORD },
    });
    const cookie = adminLogin.cookies.find((c) => c.name === 'tb_session')!.value;
    const { csrfToken } = adminLogin.json() as { csrfToken: string };
    const reset = await unlimited.inject({
      method: 'POST',
      url: `/api/org/users/${await userId('inspector')}/reset-password`,
      headers: { cookie: `tb_session=${cookie}`, 'x-csrf-token': csrfToken },
      payload: { password: 'Xunchazu#Qiyue-7' },
    });
    expect(reset.statusCode).toBe(204);
    expect((await loginFrom(unlimited, ip, 'inspector', 'Xunchazu#Qiyue-7')).status).toBe(200);
    const unlocked = await t.deps.db
      .selectFrom('auditLog')
      .select('summary')
      .where('entityId', '=', await userId('inspector'))
      .where('action', '=', 'auth.unlocked')
      .execute();
    expect(unlocked.map((u) => u.summary)).toEqual([{ reason: 'password_reset', locks: 1 }]);
  });

  it('issue 12 point 8: sign-in is rate-limited per client address (429, Chinese message)', async () => {
    const ip = '198.51.100.7';
    // Bodies that fail validation still count: the per-address limit runs first.
    for (let i = 0; i < LOGIN_PER_ADDRESS; i++) {
      expect((await loginFrom(t.app, ip, '', '')).status).toBe(400);
    }
    const limited = await loginFrom(t.app, ip, 'leader', DEMO_PASSWORD);
    expect(limited.status).toBe(429);
    expect(limited.body.code).toBe('RATE_LIMITED');
    expect(limited.body.message).toMatch(/^请求过于频繁，请 \d+ 秒后再试$/);
    // Another address is not affected.
    expect((await loginFrom(t.app, '198.51.100.8', 'leader', DEMO_PASSWORD)).status).toBe(200);
  });

  it('issue 12 point 8: refused passwords are limited per account across addresses; a locked address does not use up the budget', async () => {
    // Two strangers' addresses, more attempts than the account's budget: 5 checked failures lock
    // each address; what it sends afterwards is not checked and does not count against the account.
    for (const ip of ['192.0.2.50', '192.0.2.52'])
      for (let i = 0; i < LOGIN_PER_ADDRESS - 1; i++) await loginFrom(t.app, ip, 'approver', `Bad-${i}`);
    expect(2 * (LOGIN_PER_ADDRESS - 1)).toBeGreaterThan(LOGIN_FAILURES_PER_ACCOUNT);
    expect((await loginFrom(t.app, '192.0.2.51', 'approver', DEMO_PASSWORD)).status).toBe(200);
    // Many addresses, 5 refused passwords each: the account's budget runs out, for everyone.
    const addresses = Math.ceil(LOGIN_FAILURES_PER_ACCOUNT / 5);
    for (let a = 0; a < addresses; a++) {
      for (let i = 0; i < 5; i++) await loginFrom(t.app, `192.0.2.${100 + a}`, 'applicant', `Bad-${i}`);
    }
    const r = await loginFrom(t.app, '192.0.2.200', 'applicant', DEMO_PASSWORD);
    expect(r.status).toBe(429);
    expect(r.body.code).toBe('RATE_LIMITED');
  });
});
