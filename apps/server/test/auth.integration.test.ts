import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRegion, createStaffUser } from './factories/org';
import { call, createTestApp, dbKinds, signIn, type TestApp } from './harness';

const WRONG = '用户名或密码错误（连续错误 5 次将暂停登录 15 分钟）';

describe.each(dbKinds())('sign-in and sessions (%s)', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(kind);
  });
  afterAll(() => t.close());

  it('signs in with the right password and reads /me', async () => {
    const c = await signIn(t.app, 'clerk');
    const me = await c.request('GET', '/api/auth/me');
    expect(me.status).toBe(200);
    expect(me.body.user).toMatchObject({ username: 'clerk', role: 'clerk', regionCode: '350999' });
    expect(me.body.user.departmentId).toBeTruthy();
  });

  it('refuses a wrong password with a Chinese message and audits the failure', async () => {
    const r = await call(t.app, 'POST', '/api/auth/login', {
      username: 'leader',
      password: 'wrong-password',
    });
    expect(r.status).toBe(401);
    expect(r.body).toMatchObject({ code: 'AUTH_INVALID_CREDENTIALS', message: WRONG });
    const failures = await t.deps.db
      .selectFrom('auditLog')
      .select('action')
      .where('action', '=', 'auth.login_failed')
      .execute();
    expect(failures.length).toBeGreaterThan(0);
  });

  it('an unknown username gets the same answer as a wrong password', async () => {
    const r = await call(t.app, 'POST', '/api/auth/login', { username: 'nobody', password: 'whatever' });
    expect(r.status).toBe(401);
    expect(r.body).toEqual({ code: 'AUTH_INVALID_CREDENTIALS', message: WRONG });
  });

  it('locks the account after 5 failures for 15 minutes, even for the right password, answering as for a wrong one', async () => {
    for (let i = 0; i < 5; i++) {
      const r = await call(t.app, 'POST', '/api/auth/login', { username: 'approver2', password: 'bad' });
      expect(r.status).toBe(401);
      expect(r.body).toEqual({ code: 'AUTH_INVALID_CREDENTIALS', message: WRONG });
    }
    // No 423: a locked real account, an unknown name and a wrong password are indistinguishable.
    const right = await call(t.app, 'POST', '/api/auth/login', {
      username: 'approver2',
      password: 'Tongban@2026',
    });
    expect(right.status).toBe(401);
    expect(right.body).toEqual({ code: 'AUTH_INVALID_CREDENTIALS', message: WRONG });
    t.clock.advance(15 * 60_000 + 1000);
    const later = await call(t.app, 'POST', '/api/auth/login', {
      username: 'approver2',
      password: 'Tongban@2026',
    });
    expect(later.status).toBe(200);
    const user = await t.deps.db
      .selectFrom('appUser')
      .select('id')
      .where('username', '=', 'approver2')
      .executeTakeFirstOrThrow();
    const events = await t.deps.db
      .selectFrom('auditLog')
      .select('action')
      .where('entityId', '=', user.id)
      .where('action', 'in', ['auth.locked', 'auth.login_refused', 'auth.unlocked', 'auth.login'])
      .orderBy('seq')
      .execute();
    expect(events.map((e) => e.action)).toEqual([
      'auth.locked',
      'auth.login_refused',
      'auth.unlocked',
      'auth.login',
    ]);
  });

  it('ends a session after 30 idle minutes', async () => {
    const c = await signIn(t.app, 'supervisor');
    t.clock.advance(29 * 60_000);
    expect((await c.request('GET', '/api/auth/me')).status).toBe(200);
    t.clock.advance(31 * 60_000);
    const r = await c.request('GET', '/api/auth/me');
    expect(r.status).toBe(401);
    expect(r.body.code).toBe('SESSION_EXPIRED');
  });

  it('issue 12 point 9: a session ends SESSION_MAX_HOURS (12) after sign-in even if used every 20 minutes', async () => {
    const c = await signIn(t.app, 'depthead');
    // Used every 20 minutes for 12 hours: never idle, still valid.
    for (let m = 20; m <= 12 * 60; m += 20) {
      t.clock.advance(20 * 60_000);
      expect((await c.request('GET', '/api/auth/me')).status).toBe(200);
    }
    // 12 h 20 min after sign-in, last used 20 minutes ago (not idle): refused for its age, and the row is gone.
    t.clock.advance(20 * 60_000);
    const r = await c.request('GET', '/api/auth/me');
    expect(r.status).toBe(401);
    expect(r.body.code).toBe('SESSION_EXPIRED');
    expect(
      await t.deps.db.selectFrom('userSession').select('tokenHash').where('userId', '=', c.user.id).execute(),
    ).toEqual([]);
  });

  it('refuses a mutating request without the CSRF token and changes nothing', async () => {
    const admin = await signIn(t.app, 'admin');
    const before = await t.deps.db.selectFrom('department').select('id').execute();
    const r = await admin.request(
      'POST',
      '/api/org/departments',
      { regionCode: '350999', name: '跨站请求局' },
      { 'x-csrf-token': 'forged' },
    );
    expect(r.status).toBe(403);
    expect(r.body.code).toBe('CSRF');
    const after = await t.deps.db.selectFrom('department').select('id').execute();
    expect(after.length).toBe(before.length);
  });

  it('logout ends the session', async () => {
    const c = await signIn(t.app, 'leader');
    expect((await c.request('POST', '/api/auth/logout')).status).toBe(204);
    expect((await c.request('GET', '/api/auth/me')).status).toBe(401);
  });

  it('a session is read at most every 2 s: ended by another server process, it is refused within that (docs/adr/0003)', async () => {
    const c = await signIn(t.app, 'approver');
    expect((await c.request('GET', '/api/auth/me')).status).toBe(200);
    // What a sign-out on another process does: the row goes, this process is not told.
    await t.deps.db.deleteFrom('userSession').where('userId', '=', c.user.id).execute();
    t.clock.advance(2_000);
    expect((await c.request('GET', '/api/auth/me')).status).toBe(401);
  });

  it('disabling a user ends their session at once on this process (no cache delay)', async () => {
    const admin = await signIn(t.app, 'admin');
    const c = await signIn(t.app, 'clerk2');
    expect((await c.request('GET', '/api/auth/me')).status).toBe(200);
    const off = await admin.request('PATCH', `/api/org/users/${c.user.id}`, { disabled: true });
    expect(off.status).toBe(200);
    expect((await c.request('GET', '/api/auth/me')).status).toBe(401);
    expect((await admin.request('PATCH', `/api/org/users/${c.user.id}`, { disabled: false })).status).toBe(
      200,
    );
  });

  it('issue 12 point 9: a password change applies the server policy (strength, username, demo, unchanged)', async () => {
    const c = await signIn(t.app, 'inspector');
    const change = (newPassword: string, oldPassword = 'Tongban@2026') =>
      c.request('POST', '/api/auth/password', { oldPassword, newPassword });
    const refusals: [string, string | RegExp][] = [
      ['short', '密码至少 10 位'],
      ['Password123!', /请换一个更长、更不规律的密码/],
      ['Inspector#2027', '密码不能包含用户名'],
      // The demo password is this demo account's current one; for any account it is refused.
      ['Tongban@2026', '不能使用公开的演示密码'],
    ];
    for (const [pw, message] of refusals) {
      const r = await change(pw);
      expect(r.status, pw).toBe(400);
      expect(r.body.code).toBe('AUTH_WEAK_PASSWORD');
      expect(r.body.message).toMatch(message);
    }
    const ok = await change('Lanshan#Qiao-58');
    expect(ok.status).toBe(204);
    const again = await change('Lanshan#Qiao-58', 'Lanshan#Qiao-58');
    expect(again.status).toBe(400);
    expect(again.body.message).toBe('新密码不能与当前密码相同');
    expect(
      (await call(t.app, 'POST', '/api/auth/login', { username: 'inspector', password: 'Lanshan#Qiao-58' }))
        .status,
    ).toBe(200);
  });

  it('a username is unique across regions: sign-in finds an account by its name alone (ADR 0006)', async () => {
    await createRegion(t, { code: '350997', name: '同名县' });
    const admin = await createStaffUser(t, { role: 'admin', regionCode: '350997' });
    const count = async () => ({
      users: (await t.deps.db.selectFrom('appUser').select('id').execute()).length,
      names: (await t.deps.db.selectFrom('accountName').select('username').execute()).length,
    });
    const before = await count();
    const r = await admin.request('POST', '/api/org/users', {
      username: 'clerk',
      displayName: '同名窗口人员',
      password: 'Tongming#Ck-2026',
      role: 'inspector',
      regionCode: '350997',
    });
    expect(r.status, JSON.stringify(r.body)).toBe(409);
    expect(r.body).toMatchObject({ code: 'ORG_USERNAME_TAKEN', message: '用户名已被使用' });
    expect(await count()).toEqual(before);
    const fresh = await admin.request('POST', '/api/org/users', {
      username: 'tongming_clerk',
      displayName: '同名县窗口人员',
      password: 'Tongming#Ck-2026',
      role: 'inspector',
      regionCode: '350997',
    });
    expect(fresh.status).toBe(201);
    const claim = await t.deps.db
      .selectFrom('accountName')
      .selectAll()
      .where('username', '=', 'tongming_clerk')
      .executeTakeFirstOrThrow();
    expect(claim).toMatchObject({ regionCode: '350997', userId: fresh.body.id });
  });
});
