import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestApp, dbKinds, type TestApp } from './harness';

describe.each(dbKinds())('e-license QR code (%s)', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(kind);
  });
  afterAll(() => t.close());

  it('points at the public verification page of an existing license, without sign-in', async () => {
    const lic = await t.deps.db.selectFrom('license').select('id').executeTakeFirstOrThrow();
    const r = await call(t.app, 'GET', `/api/public/licenses/${encodeURIComponent(lic.id)}/qr.svg`);
    expect(r.status).toBe(200);
    expect(r.headers['content-type']).toMatch(/image\/svg\+xml/);
    expect(String(r.headers['x-verify-url'])).toMatch(
      new RegExp(`/verify/${encodeURIComponent(lic.id).replaceAll('.', '\\.')}$`),
    );
    expect(String(r.body)).toContain('<svg');
  });

  it('is refused for a license that does not exist', async () => {
    const r = await call(t.app, 'GET', '/api/public/licenses/1.2.156.3005.2.X.Y.1.1.Z/qr.svg');
    expect(r.status).toBe(404);
    expect(r.body.message).toMatch(/不存在/);
  });

  it('a valid license past its validUntil by the clock is shown as expired (the clock, not the host date)', async () => {
    const lic = await t.deps.db
      .selectFrom('license')
      .select(['id', 'validUntil'])
      .where('status', '=', 'valid')
      .where('validUntil', 'is not', null)
      .executeTakeFirstOrThrow();
    const verify = () => call(t.app, 'GET', `/api/public/licenses/${encodeURIComponent(lic.id)}`);
    expect((await verify()).body.license.status).toBe('valid');
    const before = t.clock.now();
    // The day after validUntil, Asia/Shanghai: whatever the host's date is.
    t.clock.set(new Date(`${lic.validUntil}T16:00:00Z`));
    try {
      const r = await verify();
      expect(r.status).toBe(200);
      expect(r.body.license.status).toBe('expired');
    } finally {
      t.clock.set(before);
    }
  });
});
