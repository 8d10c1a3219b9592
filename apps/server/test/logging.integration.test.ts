import { Writable } from 'node:stream';
import { SESSION_COOKIE } from '@tongban/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app';
import { makeIdNumber } from '../src/demo/seed-cases-demo';
import { DEMO_CATALOG as C } from '../src/demo/seed-catalog-demo';
import type { AppInstance } from '../src/platform/app-types';
import { loggableUrl } from '../src/platform/log';
import { uploadDraftMaterials } from './factories/online';
import { call, createTestApp, dbKinds, DEMO_PASSWORD, type TestApp } from './harness';

/**
 * Issue 12 point 7: no identity number, phone, name or password reaches the request log. The app is
 * built as main.ts builds it - with a logger - writing to a stream the test reads.
 */
describe.each(dbKinds())('request logs carry no personal data (%s)', (kind) => {
  let t: TestApp;
  let app: AppInstance;
  const lines: string[] = [];
  beforeAll(async () => {
    t = await createTestApp(kind);
    const stream = new Writable({
      write(chunk: Buffer, _enc, done) {
        lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
        done();
      },
    });
    app = await buildApp(t.deps, { logger: { level: 'trace', stream } });
    await app.ready();
  });
  afterAll(async () => {
    await app.close();
    await t.close();
  });

  it('look-up by identity number, sign-in and online submission leave no identity number, phone, name or password in the log', async () => {
    const idNumber = makeIdNumber('110105', '19850612', 431);
    const phone = '13912345431';
    const name = '欧阳知秋';
    const secrets: string[] = [idNumber, phone, name, DEMO_PASSWORD, 'Wrong#Guess-431'];

    // Sign-in: a wrong password, then the right one.
    expect(
      (await call(app, 'POST', '/api/auth/login', { username: 'clerk', password: secrets[4] })).status,
    ).toBe(401);
    const login = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'clerk', password: DEMO_PASSWORD },
    });
    expect(login.statusCode).toBe(200);
    const cookie = login.cookies.find((c) => c.name === SESSION_COOKIE)!.value;
    const csrf = (login.json() as { csrfToken: string }).csrfToken;
    secrets.push(cookie, csrf);
    const staff = { cookie: `${SESSION_COOKIE}=${cookie}`, 'x-csrf-token': csrf };

    // Online submission: a draft, then the application with the applicant's number, name and phone.
    const draft = await call(app, 'POST', '/api/public/drafts', { itemId: C.foodItemId });
    expect(draft.status).toBe(201);
    const token = draft.body.token as string;
    secrets.push(token);
    expect((await call(app, 'GET', `/api/public/drafts/${token}`)).status).toBe(200);
    await uploadDraftMaterials(app, token);
    const submitted = await call(app, 'POST', '/api/public/cases', {
      draftToken: token,
      applicant: { kind: 'person', name, idNumber, phone },
    });
    expect(submitted.status, JSON.stringify(submitted.body)).toBeLessThan(300);

    // The window's look-up by identity number (POST body), and a case search naming the person.
    const found = await call(app, 'POST', '/api/applicants/lookup', { idNumber }, staff);
    expect(found.status).toBe(200);
    expect(found.body.items).toHaveLength(1);
    expect(
      (await call(app, 'GET', `/api/cases?q=${encodeURIComponent(name)}`, undefined, staff)).status,
    ).toBe(200);
    // A number nobody has: no match, and nothing of it in the log either.
    expect(
      (await call(app, 'POST', '/api/applicants/lookup', { idNumber: `${idNumber}9` }, staff)).status,
    ).toBe(200);

    const log = lines.join('\n');
    // The requests were logged at all (else the test proves nothing).
    expect(log).toContain('/api/applicants/lookup');
    expect(log).toContain('/api/public/cases');
    expect(log).toContain('/api/auth/login');
    for (const s of secrets) expect(log.includes(s), `log contains ${s.slice(0, 4)}…`).toBe(false);
  });

  it('a URL is logged with query values and draft tokens masked', () => {
    expect(loggableUrl('/api/cases?q=张三&status=accepted&limit=5', '/api/cases')).toBe(
      '/api/cases?q=[REDACTED]&status=accepted&limit=5',
    );
    expect(loggableUrl(`/api/public/drafts/${'a'.repeat(43)}`, '/api/public/drafts/:token')).toBe(
      '/api/public/drafts/[REDACTED]',
    );
    expect(loggableUrl('/api/cases/1/accept')).toBe('/api/cases/1/accept');
  });
});
