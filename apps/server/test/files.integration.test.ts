import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_CASES as K } from '../src/demo/seed-cases-demo';
import { DEMO_CATALOG as C } from '../src/demo/seed-catalog-demo';
import { DEMO_LEDGER as L } from '../src/demo/seed-ledger-demo';
import { ledgerService } from '../src/modules/ledger';
import { orgService } from '../src/modules/org';
import { SYSTEM_ACTOR } from '../src/platform/access';
import { storeFile } from '../src/platform/files';
import { call, createTestApp, dbKinds, signIn, type Client, type Reply, type TestApp } from './harness';

const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201a1d4c6b50000000049454e44ae426082',
  'hex',
);
const pdf = (label: string) => Buffer.from(`%PDF-1.4\n% ${label}\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n`);
const PDF_POLICY = { maxBytes: 1024 * 1024, mediaTypes: ['application/pdf'] };
const UNKNOWN = 'f'.repeat(64);

/** Issue 12 point 4: a stored file is read by those who may read the record it is attached to. */
describe.each(dbKinds())('stored files (%s)', (kind) => {
  let t: TestApp;
  let photo: string;
  let evidence: string;
  let material: string;
  let draftMaterial: string;
  const as: Record<string, Client> = {};

  beforeAll(async () => {
    t = await createTestApp(kind);
    const db = t.deps.db;
    const staff = await db.selectFrom('staff').select('id').executeTakeFirstOrThrow();
    photo = (
      await orgService.setStaffPhoto(t.deps, SYSTEM_ACTOR, staff.id, {
        bytes: PNG,
        mediaType: 'image/png',
        name: 'p.png',
      })
    ).photo!;
    // Evidence of a 市场监管 measure, through the ledger's own use case.
    await ledgerService.addProgress(
      t.deps,
      SYSTEM_ACTOR,
      L.inProgressMeasureId,
      { date: '2026-11-19', text: '已完成逐窗口核查' },
      { bytes: pdf('evidence'), mediaType: 'application/pdf', name: 'e.pdf' },
    );
    evidence = (
      await db
        .selectFrom('ledgerProgress')
        .select('evidenceFiles')
        .where('measureId', '=', L.inProgressMeasureId)
        .where('text', '=', '已完成逐窗口核查')
        .executeTakeFirstOrThrow()
    ).evidenceFiles[0]!;
    // A material of the demo's accepted 市场监管 case (received by the demo clerk).
    const acceptedCase = await db
      .selectFrom('serviceCase')
      .select(['regionCode', 'id'])
      .where('id', '=', K.acceptedCaseId)
      .executeTakeFirstOrThrow();
    material = await storeFile(
      db,
      t.deps.config.dataDir,
      {
        bytes: pdf('material'),
        mediaType: 'application/pdf',
        name: 'm.pdf',
      },
      PDF_POLICY,
      { kind: 'case', id: acceptedCase.id, regionCode: acceptedCase.regionCode },
    );
    // An online material: attached to a draft that became that case.
    const draftId = randomUUID();
    await db
      .insertInto('caseDraft')
      .values({
        id: draftId,
        regionCode: acceptedCase.regionCode,
        tokenHash: `test-${draftId}`,
        itemId: C.foodItemId,
        data: '{}',
        files: '[]',
        caseId: acceptedCase.id,
      })
      .execute();
    draftMaterial = await storeFile(
      db,
      t.deps.config.dataDir,
      {
        bytes: pdf('draft material'),
        mediaType: 'application/pdf',
        name: 'd.pdf',
      },
      PDF_POLICY,
      { kind: 'case_draft', id: draftId, regionCode: acceptedCase.regionCode },
    );

    // A supervisor of a neighbouring county, made by the system (outside any demo admin's region).
    await orgService.createRegion(t.deps, SYSTEM_ACTOR, { code: '350998', name: '邻县' });
    await orgService.createUser(t.deps, SYSTEM_ACTOR, {
      username: 'neighbour',
      displayName: '邻县督查',
      password: 'Qiao-Lan#Huai2027!',
      role: 'supervisor',
      regionCode: '350998',
    });
    for (const u of ['clerk', 'clerk2', 'approver', 'depthead', 'supervisor', 'applicant'])
      as[u] = await signIn(t.app, u);
    as.neighbour = await signIn(t.app, 'neighbour', 'Qiao-Lan#Huai2027!');
  });
  afterAll(() => t.close());

  const get = (who: string | null, sha: string): Promise<Reply> =>
    who ? as[who]!.request('GET', `/files/${sha}`) : call(t.app, 'GET', `/files/${sha}`);
  /** What a missing file answers: every refusal must look exactly like it. */
  const missing = async () => {
    const r = await get('supervisor', UNKNOWN);
    expect(r.status).toBe(404);
    return { status: r.status, body: r.body, type: r.headers['content-type'] };
  };
  const same = (r: Reply) => ({ status: r.status, body: r.body, type: r.headers['content-type'] });

  it('a staff photo is public (公示牌)', async () => {
    const r = await get(null, photo);
    expect(r.status).toBe(200);
    expect(r.headers['content-type']).toBe('image/png');
    expect((await get('neighbour', photo)).status).toBe(200);
  });

  it('SEC-2: ledger evidence is read by who may read the measure; anyone else gets the missing-file answer', async () => {
    for (const who of ['supervisor', 'depthead', 'approver', 'clerk']) {
      const r = await get(who, evidence);
      expect(r.status, who).toBe(200);
      expect(r.headers['cache-control']).toBe('private, no-store');
    }
    const gone = await missing();
    // 卫健's clerk (another department), another county's supervisor, a citizen, nobody signed in.
    for (const who of ['clerk2', 'neighbour', 'applicant', null])
      expect(same(await get(who, evidence)), String(who)).toEqual(gone);
  });

  it('SEC-2: a case material is read by who may read the case; another department or region cannot tell it exists', async () => {
    const gone = await missing();
    for (const sha of [material, draftMaterial]) {
      for (const who of ['clerk', 'approver', 'depthead', 'supervisor'])
        expect((await get(who, sha)).status, `${who} ${sha}`).toBe(200);
      for (const who of ['clerk2', 'neighbour', 'applicant', null])
        expect(same(await get(who, sha)), `${String(who)} ${sha}`).toEqual(gone);
    }
  });

  it('a material of a draft not yet submitted is nobody’s to read', async () => {
    const draftId = randomUUID();
    const region = (
      await t.deps.db
        .selectFrom('serviceCase')
        .select('regionCode')
        .where('id', '=', K.acceptedCaseId)
        .executeTakeFirstOrThrow()
    ).regionCode;
    await t.deps.db
      .insertInto('caseDraft')
      .values({
        id: draftId,
        regionCode: region,
        tokenHash: `open-${draftId}`,
        itemId: C.foodItemId,
        data: '{}',
        files: '[]',
      })
      .execute();
    const sha = await storeFile(
      t.deps.db,
      t.deps.config.dataDir,
      {
        bytes: pdf('open draft'),
        mediaType: 'application/pdf',
        name: 'o.pdf',
      },
      PDF_POLICY,
      { kind: 'case_draft', id: draftId, regionCode: region },
    );
    expect(same(await get('supervisor', sha))).toEqual(await missing());
  });

  it('the same bytes stored again as public become public, never the reverse', async () => {
    await storeFile(
      t.deps.db,
      t.deps.config.dataDir,
      { bytes: PNG, mediaType: 'image/png', name: 'again.png' },
      { maxBytes: 1024 * 1024, mediaTypes: ['image/png'] },
      { kind: 'case', id: K.acceptedCaseId, regionCode: '350999' },
    );
    expect((await get(null, photo)).status).toBe(200);
  });
});
