import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app';
import type { AppInstance } from '../src/platform/app-types';
import { call, createTestApp, dbKinds, type TestApp } from './harness';

describe.each(dbKinds())('issue 12 point 9: security headers (%s)', (kind) => {
  let t: TestApp;
  /** The same server behind a TLS-terminating proxy (TRUST_PROXY=1). */
  let proxied: AppInstance;
  beforeAll(async () => {
    t = await createTestApp(kind, { demo: false });
    proxied = await buildApp({ ...t.deps, config: { ...t.deps.config, trustProxy: true } });
    await proxied.ready();
  });
  afterAll(async () => {
    await proxied?.close();
    await t?.close();
  });

  it('every reply carries CSP (no framing, scripts only from here), nosniff, no-referrer and X-Frame-Options DENY', async () => {
    for (const url of ['/api/health', '/api/docs/static/index.html', '/api/no-such-route']) {
      const r = await call(t.app, 'GET', url);
      const csp = String(r.headers['content-security-policy']);
      expect(csp, url).toContain("frame-ancestors 'none'");
      expect(csp, url).toContain("default-src 'self'");
      expect(csp, url).toContain("script-src 'self'");
      expect(csp, url).not.toContain('unsafe-eval');
      expect(csp, url).not.toMatch(/script-src[^;]*unsafe-inline/);
      expect(r.headers['x-content-type-options'], url).toBe('nosniff');
      expect(r.headers['referrer-policy'], url).toBe('no-referrer');
      expect(r.headers['x-frame-options'], url).toBe('DENY');
    }
  });

  it('HSTS only over TLS: not on plain HTTP, nor from an untrusted X-Forwarded-Proto; yes behind a trusted TLS proxy', async () => {
    expect((await call(t.app, 'GET', '/api/health')).headers['strict-transport-security']).toBeUndefined();
    const spoofed = await call(t.app, 'GET', '/api/health', undefined, { 'x-forwarded-proto': 'https' });
    expect(spoofed.headers['strict-transport-security']).toBeUndefined();
    const viaProxy = await call(proxied, 'GET', '/api/health', undefined, { 'x-forwarded-proto': 'https' });
    expect(viaProxy.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
    const plainViaProxy = await call(proxied, 'GET', '/api/health', undefined, {
      'x-forwarded-proto': 'http',
    });
    expect(plainViaProxy.headers['strict-transport-security']).toBeUndefined();
  });
});
