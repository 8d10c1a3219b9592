import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeIdNumber } from '../src/demo/seed-cases-demo';
import { DEMO_CATALOG as C } from '../src/demo/seed-catalog-demo';
import { DEMO_LEDGER } from '../src/demo/seed-ledger-demo';
import { casesService } from '../src/modules/cases';
import { sm4Decrypt } from '../src/platform/crypto';
import { uploadDraftMaterials } from './factories/online';
import { call, createTestApp, dbKinds, signIn, type Client, type Reply, type TestApp } from './harness';

/**
 * The public side of cases after the 2026-12 security review (issue 12, points 1, 3 and 10):
 * an anonymous submission never takes over an applicant (SEC-1); public look-ups are rate-limited
 * per client address and per target, and answer "not found" alike whatever the reason (SEC-2).
 */
describe.each(dbKinds())('public cases security (%s)', (kind) => {
  let t: TestApp;
  let clerk: Client;
  beforeAll(async () => {
    t = await createTestApp(kind);
    clerk = await signIn(t.app, 'clerk');
  });
  afterAll(() => t.close());

  /** A request from a given client address (Fastify's inject sets the socket's address). */
  const from = async (remoteAddress: string, method: 'GET' | 'POST', url: string, body?: unknown) => {
    const res = await t.app.inject({
      method,
      url,
      remoteAddress,
      ...(body !== undefined
        ? { payload: JSON.stringify(body), headers: { 'content-type': 'application/json' } }
        : {}),
    });
    let parsed: unknown = res.body;
    try {
      parsed = JSON.parse(res.body);
    } catch {
      /* not JSON */
    }
    return { status: res.statusCode, body: parsed, headers: res.headers } as Reply;
  };

  const submitOnline = async (applicant: Record<string, unknown>, address = '198.51.100.1') => {
    const draft = await from(address, 'POST', '/api/public/drafts', { itemId: C.foodItemId });
    expect(draft.status, JSON.stringify(draft.body)).toBe(201);
    await uploadDraftMaterials(t.app, draft.body.token, undefined, address);
    const r = await from(address, 'POST', '/api/public/cases', { draftToken: draft.body.token, applicant });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    return r.body as { caseNo: string; queryCode: string };
  };

  it('SEC-1: the phone-takeover sequence fails: the victim keeps their record and their cases', async () => {
    const victimId = makeIdNumber('110105', '19800101', 501);
    const victim = await clerk.request('POST', '/api/applicants', {
      kind: 'person',
      name: '受害人',
      idNumber: victimId,
      phone: '13911112222',
    });
    expect(victim.status).toBe(201);
    const before = await t.deps.db
      .selectFrom('applicant')
      .selectAll()
      .where('id', '=', victim.body.id)
      .executeTakeFirstOrThrow();
    const windowCase = await clerk.request('POST', '/api/cases', {
      itemId: C.foodItemId,
      applicantId: victim.body.id,
    });
    expect(windowCase.status).toBe(201);
    const victimCode: string = windowCase.body.queryCode;
    expect(victimCode).toMatch(/^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{10}$/);

    // The attacker files online with the victim's identity number and their own phone and name.
    const attackerCase = await submitOnline({
      kind: 'person',
      name: '冒用者',
      idNumber: victimId,
      phone: '13700009999',
    });

    // The victim's applicant row is exactly as it was: phone, name, everything.
    const after = await t.deps.db
      .selectFrom('applicant')
      .selectAll()
      .where('id', '=', victim.body.id)
      .executeTakeFirstOrThrow();
    expect(after).toEqual(before);
    expect(sm4Decrypt(t.deps.config.secrets.sm4Key, after.phoneEnc)).toBe('13911112222');
    // SMS about the victim's cases still reach the victim's phone.
    expect(
      (await casesService.getApplicantContact(t.deps, t.deps.db, after.regionCode, victim.body.id))?.phone,
    ).toBe('13911112222');

    // The contact typed online belongs to the attacker's case only.
    const row = await t.deps.db
      .selectFrom('serviceCase')
      .selectAll()
      .where('caseNo', '=', attackerCase.caseNo)
      .executeTakeFirstOrThrow();
    expect(row.applicantId).toBe(victim.body.id);
    expect(row.contactName).toBe('冒用者');
    // SEC-1: SMS about each case go to the phone given with that case, not to the other person.
    expect((await casesService.getCaseContact(t.deps, t.deps.db, row.regionCode, row.id))?.phone).toBe(
      '13700009999',
    );
    expect(
      (await casesService.getCaseContact(t.deps, t.deps.db, windowCase.body.regionCode, windowCase.body.id))
        ?.phone,
    ).toBe('13911112222');
    expect(sm4Decrypt(t.deps.config.secrets.sm4Key, row.contactPhoneEnc!)).toBe('13700009999');
    expect(row.contactPhoneMasked).toBe('137****9999');
    expect(row.contactPhoneHash).toMatch(/^[0-9a-f]{64}$/);
    expect(row.queryCodeHash).not.toContain(attackerCase.queryCode);
    // Staff see who filed it, beside the applicant it names.
    const staffView = await clerk.request('GET', `/api/cases/${row.id}`);
    expect(staffView.body.contact).toEqual({ name: '冒用者', phoneMasked: '137****9999' });
    expect(staffView.body.applicant.phoneMasked).toBe('139****2222');
    // The window case keeps the contact the clerk registered.
    const vrow = await t.deps.db
      .selectFrom('serviceCase')
      .selectAll()
      .where('id', '=', windowCase.body.id)
      .executeTakeFirstOrThrow();
    expect(sm4Decrypt(t.deps.config.secrets.sm4Key, vrow.contactPhoneEnc!)).toBe('13911112222');

    // The attacker cannot track the victim's case: not with their phone, not with their own code.
    const victimCaseNo: string = windowCase.body.caseNo;
    expect(
      (await call(t.app, 'POST', '/api/public/cases/track', { caseNo: victimCaseNo, phone: '13700009999' }))
        .status,
    ).toBe(400);
    const stolen = await call(t.app, 'POST', '/api/public/cases/track', {
      caseNo: victimCaseNo,
      queryCode: attackerCase.queryCode,
    });
    expect(stolen.status).toBe(404);
    const notice = await call(t.app, 'POST', '/api/public/cases/track/notice-docx', {
      caseNo: victimCaseNo,
      queryCode: attackerCase.queryCode,
      noticeId: '00000000-0000-4000-8000-000000000000',
    });
    expect(notice.status).toBe(404);
    expect(notice.body.code).toBe('CASE_TRACK_NOT_FOUND');

    // The victim still can, with the code on their receipt; the attacker tracks only their own case.
    const own = await call(t.app, 'POST', '/api/public/cases/track', {
      caseNo: victimCaseNo,
      queryCode: victimCode,
    });
    expect(own.status).toBe(200);
    expect(own.body.caseNo).toBe(victimCaseNo);
    expect(
      (
        await call(t.app, 'POST', '/api/public/cases/track', {
          caseNo: attackerCase.caseNo,
          queryCode: attackerCase.queryCode,
        })
      ).status,
    ).toBe(200);
  });

  it('SEC-2: unknown case, case without a 查询码 and wrong 查询码 answer with the same status and body', async () => {
    const { caseNo } = await submitOnline(
      { kind: 'person', name: '甲', idNumber: makeIdNumber('110105', '19800101', 502), phone: '13700000001' },
      '198.51.100.2',
    );
    const legacy = await t.deps.db
      .updateTable('serviceCase')
      .set({ queryCodeHash: null, queryCodeEnc: null })
      .where('caseNo', '=', caseNo)
      .returning('caseNo')
      .executeTakeFirstOrThrow();
    const { caseNo: other } = await submitOnline(
      { kind: 'person', name: '乙', idNumber: makeIdNumber('110105', '19800101', 503), phone: '13700000002' },
      '198.51.100.2',
    );
    const answers = await Promise.all(
      [
        { caseNo: '350999-20991231-99999', queryCode: 'ABCDEFGHJK' },
        { caseNo: legacy.caseNo, queryCode: 'ABCDEFGHJK' },
        { caseNo: other, queryCode: 'ABCDEFGHJK' },
      ].map((body, i) => from(`203.0.113.${10 + i}`, 'POST', '/api/public/cases/track', body)),
    );
    for (const a of answers) {
      expect(a.status).toBe(404);
      expect(a.body).toEqual(answers[0]!.body);
    }
    expect(answers[0]!.body).toMatchObject({ code: 'CASE_TRACK_NOT_FOUND' });
    expect(answers[0]!.body.message).toMatch(/查询码/);
  });

  it('SEC-2: license verification answers alike for an unknown token, a malformed one and a license id', async () => {
    const lic = await t.deps.db.selectFrom('license').select(['id']).executeTakeFirstOrThrow();
    const answers = await Promise.all(
      ['A'.repeat(32), 'not a token!', encodeURIComponent(lic.id)].map((tok, i) =>
        from(`203.0.113.${20 + i}`, 'GET', `/api/public/licenses/${encodeURIComponent(tok)}`),
      ),
    );
    for (const a of answers) {
      expect(a.status).toBe(200);
      expect(a.body).toEqual({
        id: null,
        checkCharacterValid: false,
        found: false,
        license: null,
        verifyUrl: null,
      });
    }
  });

  it('SEC-2: a burst against tracking from one address gets 429 with a Chinese message', async () => {
    const statuses: number[] = [];
    let last: Reply | undefined;
    // Different case numbers, so only the per-address limit (30 a minute) is reached.
    for (let i = 0; i < 32; i++) {
      last = await from('192.0.2.1', 'POST', '/api/public/cases/track', {
        caseNo: `350999-20991231-${String(i).padStart(5, '0')}`,
        queryCode: 'ABCDEFGHJK',
      });
      statuses.push(last.status);
    }
    expect(statuses.slice(0, 30).every((s) => s === 404)).toBe(true);
    expect(statuses.slice(30)).toEqual([429, 429]);
    expect(last!.body.code).toBe('RATE_LIMITED');
    expect(last!.body.message).toMatch(/请求过于频繁，请 \d+ 秒后再试/);
    // Another address is not affected.
    expect(
      (
        await from('192.0.2.2', 'POST', '/api/public/cases/track', {
          caseNo: '350999-20991231-00001',
          queryCode: 'ABCDEFGHJK',
        })
      ).status,
    ).toBe(404);
  });

  it('SEC-2: the per-case-number limit holds across client addresses (tracking and notice download together)', async () => {
    const caseNo = '350999-20991230-00042';
    const statuses: number[] = [];
    for (let i = 0; i < 22; i++) {
      const url = i % 2 ? '/api/public/cases/track/notice-docx' : '/api/public/cases/track';
      const body = {
        caseNo,
        queryCode: 'ABCDEFGHJK',
        ...(i % 2 ? { noticeId: '00000000-0000-4000-8000-000000000000' } : {}),
      };
      statuses.push((await from(`10.1.${i}.1`, 'POST', url, body)).status);
    }
    expect(statuses.slice(0, 20).every((s) => s === 404)).toBe(true);
    expect(statuses.slice(20)).toEqual([429, 429]);
    // Another case number from a fresh address is still answered.
    const other = await from('10.2.0.1', 'POST', '/api/public/cases/track', {
      caseNo: '350999-20991230-00043',
      queryCode: 'ABCDEFGHJK',
    });
    expect(other.status).toBe(404);
  });

  it('SEC-2: the per-license limit holds across client addresses', async () => {
    const token = 'B'.repeat(32);
    const statuses: number[] = [];
    for (let i = 0; i < 61; i++)
      statuses.push((await from(`10.3.${i}.1`, 'GET', `/api/public/licenses/${token}`)).status);
    expect(statuses.slice(0, 60).every((s) => s === 200)).toBe(true);
    expect(statuses[60]).toBe(429);
    expect((await from('10.4.0.1', 'GET', `/api/public/licenses/${'C'.repeat(32)}`)).status).toBe(200);
  });

  it('SEC-2: online submission and drafts are limited per client address', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 31; i++)
      statuses.push(
        (await from('192.0.2.50', 'POST', '/api/public/drafts', { itemId: C.foodItemId })).status,
      );
    expect(statuses.slice(0, 30).every((s) => s === 201)).toBe(true);
    expect(statuses[30]).toBe(429);
    const submits: number[] = [];
    for (let i = 0; i < 11; i++)
      submits.push(
        (await from('192.0.2.51', 'POST', '/api/public/cases', { draftToken: 'a'.repeat(43), applicant: {} }))
          .status,
      );
    expect(submits.slice(0, 10).every((s) => s === 400)).toBe(true);
    expect(submits[10]).toBe(429);
  });

  it('SEC-2: public report feedback is limited per address and per report', async () => {
    const url = `/api/public/reports/${DEMO_LEDGER.inspectionId}/feedback`;
    const body = { contact: '13700000000', text: '意见' };
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) statuses.push((await from('192.0.2.60', 'POST', url, body)).status);
    expect(statuses[10]).toBe(429);
    expect(statuses.slice(0, 10)).not.toContain(429);
  });
});
