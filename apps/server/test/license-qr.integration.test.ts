import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_CATALOG as C } from '../src/demo/seed-catalog-demo';
import { call, createTestApp, dbKinds, type TestApp } from './harness';

describe.each(dbKinds())('e-license QR code (%s)', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(kind);
  });
  afterAll(() => t.close());

  it('points at the public verification page of an existing license, by its token, without sign-in', async () => {
    const lic = await t.deps.db.selectFrom('license').select(['id', 'verifyToken']).executeTakeFirstOrThrow();
    const r = await call(t.app, 'GET', `/api/public/licenses/${lic.verifyToken}/qr.svg`);
    expect(r.status).toBe(200);
    expect(r.headers['content-type']).toMatch(/image\/svg\+xml/);
    expect(String(r.headers['x-verify-url'])).toBe(
      `${t.deps.config.publicBaseUrl}/verify/${lic.verifyToken}`,
    );
    // SEC-2: the printed address does not carry the id, which is built from a serial.
    expect(String(r.headers['x-verify-url'])).not.toContain(lic.id);
    expect(String(r.body)).toContain('<svg');
  });

  it('Host header: a forged Host (evil.example) still gets a QR pointing at PUBLIC_BASE_URL', async () => {
    const lic = await t.deps.db.selectFrom('license').select('verifyToken').executeTakeFirstOrThrow();
    const r = await call(t.app, 'GET', `/api/public/licenses/${lic.verifyToken}/qr.svg`, undefined, {
      host: 'evil.example',
      'x-forwarded-host': 'evil.example',
    });
    expect(r.status).toBe(200);
    expect(String(r.headers['x-verify-url'])).toBe(`http://localhost:3000/verify/${lic.verifyToken}`);
    expect(String(r.body)).not.toContain('evil');
    const v = await call(t.app, 'GET', `/api/public/licenses/${lic.verifyToken}`, undefined, {
      host: 'evil.example',
    });
    expect(v.body.verifyUrl).toBe(`http://localhost:3000/verify/${lic.verifyToken}`);
  });

  it('Host header: the guide QR of a catalog item points at PUBLIC_BASE_URL too', async () => {
    const r = await call(t.app, 'GET', `/api/public/catalog/items/${C.foodItemId}/qr.svg`, undefined, {
      host: 'evil.example',
    });
    expect(r.status).toBe(200);
    expect(String(r.headers['x-guide-url'])).toMatch(/^http:\/\/localhost:3000\//);
  });

  it('is refused for a license that does not exist, and its id (from a serial) is not a way in', async () => {
    const lic = await t.deps.db.selectFrom('license').select('id').executeTakeFirstOrThrow();
    const r = await call(t.app, 'GET', `/api/public/licenses/${encodeURIComponent(lic.id)}/qr.svg`);
    expect(r.status).toBe(404);
    expect(r.body.message).toMatch(/不存在/);
  });

  it('a valid license past its validUntil by the clock is shown as expired (the clock, not the host date)', async () => {
    const lic = await t.deps.db
      .selectFrom('license')
      .select(['verifyToken', 'validUntil'])
      .where('status', '=', 'valid')
      .where('validUntil', 'is not', null)
      .executeTakeFirstOrThrow();
    const verify = () => call(t.app, 'GET', `/api/public/licenses/${encodeURIComponent(lic.verifyToken)}`);
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
