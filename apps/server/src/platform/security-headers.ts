import helmet from 'helmet';
import type { FastifyInstance } from 'fastify';

/**
 * The Content-Security-Policy of every reply, the web app's and /api/docs' (issue 12 point 9).
 * Everything loads from this origin. style-src allows inline styles: Ant Design (CSS-in-JS) writes
 * <style> elements and swagger-ui sets style attributes; scripts stay 'self' only (the built app
 * and swagger-ui load theirs as files). data:/blob: images are antd's and swagger-ui's icons and
 * previews of chosen files. No frames may embed us (frame-ancestors 'none', X-Frame-Options DENY).
 */
export const CONTENT_SECURITY_POLICY = {
  defaultSrc: ["'self'"],
  baseUri: ["'self'"],
  connectSrc: ["'self'"],
  fontSrc: ["'self'", 'data:'],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
  imgSrc: ["'self'", 'data:', 'blob:'],
  objectSrc: ["'none'"],
  scriptSrc: ["'self'"],
  scriptSrcAttr: ["'none'"],
  styleSrc: ["'self'", "'unsafe-inline'"],
};

/** One year, as browsers' preload lists ask. */
const HSTS = 'max-age=31536000; includeSubDomains';

/**
 * Security headers with helmet: CSP, nosniff, Referrer-Policy no-referrer (case numbers and ids in
 * our URLs stay here), X-Frame-Options DENY. HSTS only on a request that came over TLS
 * (`req.protocol`, which with TRUST_PROXY follows X-Forwarded-Proto): on plain HTTP (a hall's
 * intranet, localhost) it would be ignored at best, and upgrade-insecure-requests is left out for
 * the same reason.
 *
 * helmet's own middleware, built once: @fastify/helmet builds it again for every request (parsing
 * the CSP directives each time), a few per cent of the server's CPU under load (bench:cases).
 */
export async function registerSecurityHeaders(app: FastifyInstance): Promise<void> {
  const headers = helmet({
    contentSecurityPolicy: { useDefaults: false, directives: CONTENT_SECURITY_POLICY },
    strictTransportSecurity: false,
    xFrameOptions: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
  });
  app.addHook('onRequest', (req, reply, done) => {
    headers(req.raw, reply.raw, () => undefined);
    if (req.protocol === 'https') void reply.header('strict-transport-security', HSTS);
    done();
  });
}
