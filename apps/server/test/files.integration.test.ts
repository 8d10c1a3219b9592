import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { orgService } from '../src/modules/org';
import { SYSTEM_ACTOR } from '../src/platform/access';
import { storeFile } from '../src/platform/files';
import { call, createTestApp, dbKinds, signIn, type TestApp } from './harness';

const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201a1d4c6b50000000049454e44ae426082',
  'hex',
);
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

describe.each(dbKinds())('stored files (%s)', (kind) => {
  let t: TestApp;
  let photo: string;
  let evidence: string;
  beforeAll(async () => {
    t = await createTestApp(kind);
    const staff = await t.deps.db.selectFrom('staff').select('id').executeTakeFirstOrThrow();
    photo = (
      await orgService.setStaffPhoto(t.deps, SYSTEM_ACTOR, staff.id, {
        bytes: PNG,
        mediaType: 'image/png',
        name: 'p.png',
      })
    ).photo!;
    evidence = await storeFile(
      t.deps.db,
      t.deps.config.dataDir,
      { bytes: PDF, mediaType: 'application/pdf', name: 'e.pdf' },
      {
        maxBytes: 1024 * 1024,
        mediaTypes: ['application/pdf'],
      },
    );
  });
  afterAll(() => t.close());

  it('a staff photo is public (公示牌)', async () => {
    const r = await call(t.app, 'GET', `/files/${photo}`);
    expect(r.status).toBe(200);
    expect(r.headers['content-type']).toBe('image/png');
  });

  it('evidence needs a staff sign-in: anonymous 401, applicant 403, staff 200', async () => {
    expect((await call(t.app, 'GET', `/files/${evidence}`)).status).toBe(401);
    const applicant = await signIn(t.app, 'applicant');
    expect((await applicant.request('GET', `/files/${evidence}`)).status).toBe(403);
    const supervisor = await signIn(t.app, 'supervisor');
    const r = await supervisor.request('GET', `/files/${evidence}`);
    expect(r.status).toBe(200);
    expect(r.headers['cache-control']).toBe('private, no-store');
  });

  it('the same bytes stored again as public become public, never the reverse', async () => {
    await storeFile(
      t.deps.db,
      t.deps.config.dataDir,
      { bytes: PNG, mediaType: 'image/png', name: 'again.png' },
      {
        maxBytes: 1024 * 1024,
        mediaTypes: ['image/png'],
      },
    );
    expect((await call(t.app, 'GET', `/files/${photo}`)).status).toBe(200);
  });
});
