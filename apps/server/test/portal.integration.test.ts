import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeIdNumber } from '../src/demo/seed-cases-demo';
import { DEMO_CATALOG as C } from '../src/demo/seed-catalog-demo';
import { DEMO_LEDGER } from '../src/demo/seed-ledger-demo';
import { multipart } from './factories/http';
import { call, createTestApp, dbKinds, signIn, type Client, type TestApp } from './harness';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF');
const FOOD_REQUIRED = [
  '食品经营许可申请书',
  '营业执照',
  '经营场所平面布局图和设备布局、操作流程说明',
  '食品安全自查、从业人员健康管理、进货查验等管理制度',
];

/** A multipart body with several fields and files in order (the online 补正 upload). */
function parts(fields: [string, string][], files: { materialName: string; bytes: Buffer; type: string }[]) {
  const b = `----portal${Math.random().toString(16).slice(2)}`;
  const chunks: Buffer[] = fields.map(([k, v]) =>
    Buffer.from(`--${b}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`),
  );
  for (const f of files)
    chunks.push(
      Buffer.from(
        `--${b}\r\nContent-Disposition: form-data; name="materialName"\r\n\r\n${f.materialName}\r\n`,
      ),
      Buffer.from(
        `--${b}\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\nContent-Type: ${f.type}\r\n\r\n`,
      ),
      f.bytes,
      Buffer.from('\r\n'),
    );
  chunks.push(Buffer.from(`--${b}--\r\n`));
  return { payload: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${b}` };
}

/** Issue 14, points 1–4: the public portal's reports, material checks, online 补正 and drafts. */
describe.each(dbKinds())('citizen portal (%s)', (kind) => {
  let t: TestApp;
  let clerk: Client;
  beforeAll(async () => {
    t = await createTestApp(kind);
    clerk = await signIn(t.app, 'clerk');
  });
  afterAll(() => t.close());

  const newDraft = async (data: Record<string, unknown> = {}) => {
    const r = await call(t.app, 'POST', '/api/public/drafts', { itemId: C.foodItemId, data });
    expect(r.status).toBe(201);
    return r.body.token as string;
  };
  const upload = async (token: string, names: string[]) => {
    for (const name of names) {
      const { payload, contentType } = multipart(
        { name: 'a.pdf', type: 'application/pdf', bytes: PDF },
        { materialName: name },
      );
      const r = await t.app.inject({
        method: 'POST',
        url: `/api/public/drafts/${token}/materials`,
        payload,
        headers: { 'content-type': contentType },
      });
      expect(r.statusCode, r.body).toBe(201);
    }
  };
  const person = (n: number, name = '网上申请人') => ({
    kind: 'person',
    name,
    idNumber: makeIdNumber('350102', '19900101', n),
    phone: '13600002222',
  });

  it('the portal lists the published 整改通报 (GET /api/public/reports)', async () => {
    const r = await call(t.app, 'GET', '/api/public/reports');
    expect(r.status).toBe(200);
    expect(r.body.items.map((i: { id: string }) => i.id)).toContain(DEMO_LEDGER.inspectionId);
    await t.deps.db
      .updateTable('ledgerInspection')
      .set({ publishedAt: null })
      .where('id', '=', DEMO_LEDGER.inspectionId)
      .execute();
    const after = await call(t.app, 'GET', '/api/public/reports');
    expect(after.body.items.map((i: { id: string }) => i.id)).not.toContain(DEMO_LEDGER.inspectionId);
    await t.deps.db
      .updateTable('ledgerInspection')
      .set({ publishedAt: t.deps.clock.now() })
      .where('id', '=', DEMO_LEDGER.inspectionId)
      .execute();
  });

  it('ACC-1: an online application missing required materials is refused with every name, nothing written', async () => {
    const token = await newDraft();
    await upload(token, ['食品经营许可申请书']);
    const check = await call(t.app, 'POST', `/api/public/drafts/${token}/check`, { applicant: person(301) });
    expect(check.status).toBe(200);
    expect(check.body.missing.map((m: { name: string }) => m.name)).toEqual(FOOD_REQUIRED.slice(1));
    const before = await t.deps.db.selectFrom('serviceCase').select('id').execute();
    const r = await call(t.app, 'POST', '/api/public/cases', { draftToken: token, applicant: person(301) });
    expect(r.status).toBe(409);
    expect(r.body.code).toBe('CASE_MATERIALS_MISSING');
    for (const name of FOOD_REQUIRED.slice(1)) expect(r.body.message).toContain(name);
    expect(r.body.details.missing).toHaveLength(3);
    expect(await t.deps.db.selectFrom('serviceCase').select('id').execute()).toHaveLength(before.length);
    await upload(token, FOOD_REQUIRED.slice(1));
    const ok = await call(t.app, 'POST', '/api/public/cases', { draftToken: token, applicant: person(301) });
    expect(ok.status, JSON.stringify(ok.body)).toBe(201);
  });

  it('SEC-1/SEC-2: 免提交 counts only for the identity (number and name) that holds the license; every other reason reads the same', async () => {
    const holder = makeIdNumber('350102', '19850505', 302);
    const a = await clerk.request('POST', '/api/applicants', {
      kind: 'person',
      name: '持证人',
      idNumber: holder,
      phone: '13911110000',
    });
    expect(a.status).toBe(201);
    const lic = await t.deps.db
      .selectFrom('license')
      .select('id')
      .where('typeCode', '=', '1110000000001347X1')
      .where('status', '=', 'valid')
      .executeTakeFirstOrThrow();
    await t.deps.db
      .updateTable('license')
      .set({ holderApplicantId: a.body.id, validUntil: null })
      .where('id', '=', lic.id)
      .execute();
    const token = await newDraft();
    await upload(token, [FOOD_REQUIRED[0]!, FOOD_REQUIRED[2]!, FOOD_REQUIRED[3]!]);
    const ask = (applicant: Record<string, unknown>) =>
      call(t.app, 'POST', `/api/public/drafts/${token}/check`, { applicant });
    const held = await ask({ ...person(0, '持证人'), idNumber: holder });
    expect(held.body).toEqual({ missing: [], fromLicense: ['营业执照'] });
    const wrongName = await ask({ ...person(0, '别人'), idNumber: holder });
    const unknown = await ask(person(303));
    expect(wrongName.status).toBe(200);
    expect(wrongName.body).toEqual(unknown.body);
    expect(unknown.body).toEqual({
      missing: [
        { name: '营业执照', reason: 'license_unavailable', message: '未能从电子证照调取该材料，请上传' },
      ],
      fromLicense: [],
    });
    const refused = await call(t.app, 'POST', '/api/public/cases', {
      draftToken: token,
      applicant: person(303),
    });
    expect(refused.status).toBe(409);
    const filed = await call(t.app, 'POST', '/api/public/cases', {
      draftToken: token,
      applicant: { ...person(0, '持证人'), idNumber: holder },
    });
    expect(filed.status, JSON.stringify(filed.body)).toBe(201);
    const c = await t.deps.db
      .selectFrom('serviceCase')
      .select('id')
      .where('caseNo', '=', filed.body.caseNo)
      .executeTakeFirstOrThrow();
    const m = await t.deps.db
      .selectFrom('caseMaterial')
      .selectAll()
      .where('caseId', '=', c.id)
      .where('name', '=', '营业执照')
      .executeTakeFirstOrThrow();
    expect(m.status).toBe('from_license');
  });

  it('issue 14.4: the identity number survives in a draft, SM4 at rest, and only its token gets it back', async () => {
    const id = makeIdNumber('350102', '19900101', 304);
    const token = await newDraft({ name: '草稿人', idNumber: id });
    const row = await t.deps.db.selectFrom('caseDraft').selectAll().execute();
    const stored = JSON.stringify(row.map((r) => r.data));
    expect(stored).not.toContain(id);
    expect(stored).toContain('idNumberEnc');
    const back = await call(t.app, 'GET', `/api/public/drafts/${token}`);
    expect(back.body.data).toEqual({ name: '草稿人', idNumber: id });
    const saved = await call(t.app, 'PUT', `/api/public/drafts/${token}`, {
      itemId: C.foodItemId,
      data: { name: '草稿人', idNumber: id },
    });
    expect(saved.body.data.idNumber).toBe(id);
  });

  it('ACC-1: after 一次性告知补正 the applicant uploads the files online and the clock resumes', async () => {
    const token = await newDraft();
    await upload(token, FOOD_REQUIRED);
    const filed = await call(t.app, 'POST', '/api/public/cases', {
      draftToken: token,
      applicant: person(305),
    });
    expect(filed.status).toBe(201);
    const { caseNo, queryCode } = filed.body as { caseNo: string; queryCode: string };
    const c = await t.deps.db
      .selectFrom('serviceCase')
      .selectAll()
      .where('caseNo', '=', caseNo)
      .executeTakeFirstOrThrow();
    const sup = await clerk.request('POST', `/api/cases/${c.id}/request-supplement`, {
      version: c.version,
      faulty: [{ name: '营业执照', reason: '复印件不清晰' }],
    });
    expect(sup.status, JSON.stringify(sup.body)).toBe(200);
    const send = (
      fields: [string, string][],
      files: Parameters<typeof parts>[1],
      address = '203.0.113.9',
    ) => {
      const { payload, contentType } = parts(fields, files);
      return t.app.inject({
        method: 'POST',
        url: '/api/public/cases/track/supplement',
        payload,
        remoteAddress: address,
        headers: { 'content-type': contentType },
      });
    };
    const file = { materialName: '营业执照', bytes: PDF, type: 'application/pdf' };
    // SEC-2: a wrong code and an unknown case answer alike.
    const wrong = await send(
      [
        ['caseNo', caseNo],
        ['queryCode', 'ABCDEFGHJK'],
      ],
      [file],
    );
    const unknown = await send(
      [
        ['caseNo', '350999-20990101-99999'],
        ['queryCode', queryCode],
      ],
      [file],
    );
    expect(wrong.statusCode).toBe(404);
    expect(JSON.parse(wrong.body)).toEqual(JSON.parse(unknown.body));
    const other = await send(
      [
        ['caseNo', caseNo],
        ['queryCode', queryCode],
      ],
      [{ ...file, materialName: '食品经营许可申请书' }],
    );
    expect(other.statusCode).toBe(400);
    const ok = await send(
      [
        ['caseNo', caseNo],
        ['queryCode', queryCode],
      ],
      [file],
    );
    expect(ok.statusCode, ok.body).toBe(200);
    expect(JSON.parse(ok.body)).toMatchObject({ caseNo, status: 'submitted', received: ['营业执照'] });
    const d = (await clerk.request('GET', `/api/cases/${c.id}`)).body;
    expect(d.events.map((e: { type: string }) => e.type)).toContain('supplement_received');
    expect(d.clock.state).not.toBe('paused');
    expect(d.visits).toBe(0);
    const m = d.materials.find((x: { name: string }) => x.name === '营业执照');
    expect(m.status).toBe('provided');
    expect(m.fileSha256).toMatch(/^[0-9a-f]{64}$/);
    const again = await send(
      [
        ['caseNo', caseNo],
        ['queryCode', queryCode],
      ],
      [file],
    );
    expect(again.statusCode).toBe(409);
    // Clerks can accept it now.
    const accepted = await clerk.request('POST', `/api/cases/${c.id}/accept`, {
      version: d.version,
      deferred: [],
    });
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(200);
  });

  it('issue 14.5: the demo applicant’s 我的办件 has a 补正 to answer, a case under review and a delivered license', async () => {
    const applicant = await signIn(t.app, 'applicant');
    const mine = (await applicant.request('GET', '/api/my/cases')).body.items as {
      status: string;
      queryCode: string;
      notices: { kind: string }[];
      license: { verifyToken: string } | null;
    }[];
    const of = (status: string) => mine.find((c) => c.status === status);
    expect(of('supplement_requested')?.notices.map((n) => n.kind)).toContain('supplement');
    expect(of('accepted')?.notices.map((n) => n.kind)).toContain('accept');
    const delivered = of('delivered')!;
    expect(delivered.license).not.toBeNull();
    expect(mine.every((c) => /^[A-Z0-9]{10}$/.test(c.queryCode))).toBe(true);
    const verified = await call(t.app, 'GET', `/api/public/licenses/${delivered.license!.verifyToken}`);
    expect(verified.status).toBe(200);
  });

  it('issue 14.5: a signed-in applicant files under their account and sees 我的办件 with the region by name', async () => {
    const applicant = await signIn(t.app, 'applicant');
    const token = await newDraft();
    await upload(token, FOOD_REQUIRED);
    const filed = await applicant.request('POST', '/api/public/cases', {
      draftToken: token,
      applicant: person(306),
    });
    expect(filed.status, JSON.stringify(filed.body)).toBe(201);
    const mine = await applicant.request('GET', '/api/my/cases');
    expect(mine.status).toBe(200);
    expect(mine.body.regionName).not.toBe(mine.body.regionCode);
    expect(mine.body.regionName).toMatch(/县|区|市/);
    const c = mine.body.items.find((i: { caseNo: string }) => i.caseNo === filed.body.caseNo);
    expect(c).toMatchObject({ queryCode: filed.body.queryCode, statusLabel: '待受理' });
    // An anonymous submission is nobody's: it does not appear.
    const anon = await newDraft();
    await upload(anon, FOOD_REQUIRED);
    const other = await call(t.app, 'POST', '/api/public/cases', {
      draftToken: anon,
      applicant: person(307),
    });
    const again = await applicant.request('GET', '/api/my/cases');
    expect(again.body.items.map((i: { caseNo: string }) => i.caseNo)).not.toContain(other.body.caseNo);
    expect((await clerk.request('GET', '/api/my/cases')).status).toBe(403);
    expect((await call(t.app, 'GET', '/api/my/cases')).status).toBe(401);
  });
});
