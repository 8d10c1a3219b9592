import { isValidLicenseId, SESSION_COOKIE } from '@tongban/contracts';
import mammoth from 'mammoth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_CASES, makeCreditCode, makeIdNumber } from '../src/demo/seed-cases-demo';
import { DEMO_CATALOG as C } from '../src/demo/seed-catalog-demo';
import { casesService } from '../src/modules/cases';
import { caseLicenseFields } from '../src/modules/cases/case-transition';
import { verifyAuditChain } from '../src/modules/audit';
import { SYSTEM_ACTOR } from '../src/platform/access';
import { sm4Decrypt } from '../src/platform/crypto';
import { channelTransport, deliverDue, type ChannelAdapter } from '../src/platform/outbox';
import { call, createTestApp, dbKinds, DEMO_PASSWORD, signIn, type Client, type TestApp } from './harness';
import { multipart } from './factories/http';

const FOOD_ALL = [
  { name: '食品经营许可申请书', status: 'provided' },
  { name: '营业执照', status: 'provided' },
  { name: '经营场所平面布局图和设备布局、操作流程说明', status: 'provided' },
  { name: '食品安全自查、从业人员健康管理、进货查验等管理制度', status: 'provided' },
];
const DEFERRABLE = '专职或兼职食品安全管理人员任命文件';
const DAY = 86_400_000;

describe.each(dbKinds())('cases (%s)', (kind) => {
  let t: TestApp;
  let clerk: Client;
  let clerk2: Client;
  let approver: Client;
  let approver2: Client;
  let head: Client;
  let supervisor: Client;
  let inspector: Client;
  let soloItemId: string;
  let seq = 300;

  beforeAll(async () => {
    t = await createTestApp(kind);
    await signInAll();
    soloItemId = (
      await t.deps.db
        .selectFrom('catalogItemVersion')
        .select('itemId')
        .where('name', '=', '个体工商户登记')
        .where('status', '=', 'published')
        .executeTakeFirstOrThrow()
    ).itemId;
  });
  afterAll(() => t.close());

  /** Sessions time out when the test clock jumps: sign everyone in again. */
  const signInAll = async () => {
    clerk = await signIn(t.app, 'clerk');
    clerk2 = await signIn(t.app, 'clerk2');
    approver = await signIn(t.app, 'approver');
    approver2 = await signIn(t.app, 'approver2');
    head = await signIn(t.app, 'depthead');
    supervisor = await signIn(t.app, 'supervisor');
    inspector = await signIn(t.app, 'inspector');
  };
  // The identity number of the last person registered (the applicant of the last intake).
  let lastIdNumber = '';
  const newPerson = async (phone = '13812345678') => {
    lastIdNumber = makeIdNumber('110105', '19850101', seq++);
    const r = await clerk.request('POST', '/api/applicants', {
      kind: 'person',
      name: `测试申请人${seq}`,
      idNumber: lastIdNumber,
      phone,
    });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    return r.body.id as string;
  };
  const intake = async (materials: unknown[] = FOOD_ALL, extra: Record<string, unknown> = {}) => {
    const r = await clerk.request('POST', '/api/cases', {
      itemId: C.foodItemId,
      applicantId: await newPerson(),
      materials,
      ...extra,
    });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    return r.body;
  };
  const act = async (who: Client, id: string, name: string, body: Record<string, unknown> = {}) => {
    const current = await who.request('GET', `/api/cases/${id}`);
    const version =
      current.status === 200
        ? current.body.version
        : (await clerk.request('GET', `/api/cases/${id}`)).body.version;
    return who.request('POST', `/api/cases/${id}/${name}`, { version, ...body });
  };
  const ok = (r: { status: number; body: unknown }) => {
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    return r.body as Record<string, unknown> & { version: number; status: string };
  };
  /** Accepted, reviewed by `approver`: at the decision step. */
  const atDecision = async () => {
    const c = await intake();
    ok(await act(clerk, c.id, 'accept'));
    ok(await act(approver, c.id, 'complete-step', { opinion: '材料符合要求' }));
    return c;
  };
  const detail = async (id: string) => (await supervisor.request('GET', `/api/cases/${id}`)).body;
  const outbox = (caseNo: string) =>
    t.deps.db.selectFrom('outboxMessage').selectAll().where('body', 'like', `%${caseNo}%`).execute();
  const countOf = async (table: 'auditLog' | 'caseEvent' | 'caseNotice' | 'serviceCase') =>
    Number(
      (
        await t.deps.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  /** Binary download as a signed-in user (the JSON client would mangle the bytes). */
  const rawGet = async (username: string, url: string) => {
    const login = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username, password: DEMO_PASSWORD },
    });
    const cookie = login.cookies.find((c) => c.name === SESSION_COOKIE)!.value;
    return t.app.inject({ method: 'GET', url, headers: { cookie: `${SESSION_COOKIE}=${cookie}` } });
  };
  const withClock = async (advanceDays: number, fn: () => Promise<void>) => {
    const start = t.clock.now();
    t.clock.advance(advanceDays * DAY);
    try {
      await signInAll();
      await fn();
    } finally {
      t.clock.set(start);
      await signInAll();
    }
  };

  it('ID-1: identity numbers are validated, stored SM4-encrypted, shown masked, found by keyed hash', async () => {
    const good = makeIdNumber('110105', '19900307', 21);
    const bad = good.slice(0, 17) + (good[17] === '1' ? '2' : '1');
    const notADate = makeIdNumber('110105', '19900230', 21);
    for (const idNumber of [bad, notADate]) {
      const r = await clerk.request('POST', '/api/applicants', {
        kind: 'person',
        name: '甲',
        idNumber,
        phone: '13800000001',
      });
      expect(r.status).toBe(400);
    }
    const badCredit = await clerk.request('POST', '/api/applicants', {
      kind: 'enterprise',
      name: '乙公司',
      idNumber: '91350999MA2XK3L4P0',
      legalRepresentative: '乙',
      contactName: '丙',
      phone: '13800000002',
    });
    expect(makeCreditCode('91', '350999', 'MA2XK3L4P')).not.toBe('91350999MA2XK3L4P0');
    expect(badCredit.status).toBe(400);
    const created = await clerk.request('POST', '/api/applicants', {
      kind: 'person',
      name: '甲',
      idNumber: good,
      phone: '13800000001',
    });
    expect(created.status).toBe(201);
    expect(created.body.idNumberMasked).toBe(`${good.slice(0, 4)}**********${good.slice(-4)}`);
    expect(JSON.stringify(created.body)).not.toContain(good);
    const row = await t.deps.db
      .selectFrom('applicant')
      .selectAll()
      .where('id', '=', created.body.id)
      .executeTakeFirstOrThrow();
    expect(row.idNumberEnc).not.toContain(good);
    expect(sm4Decrypt(t.deps.config.secrets.sm4Key, row.idNumberEnc)).toBe(good);
    const found = await clerk.request('POST', '/api/applicants/lookup', { idNumber: good });
    expect(found.body.items.map((a: { id: string }) => a.id)).toEqual([created.body.id]);
    expect(
      (
        await clerk.request('POST', '/api/applicants/lookup', {
          idNumber: makeIdNumber('110105', '19900307', 22),
        })
      ).body.items,
    ).toEqual([]);
    const again = await clerk.request('POST', '/api/applicants', {
      kind: 'person',
      name: '甲',
      idNumber: good,
      phone: '13800000001',
    });
    expect(again.status).toBe(409);
    expect(again.body.details.id).toBe(created.body.id);
    const enterprise = await clerk.request('POST', '/api/applicants', {
      kind: 'enterprise',
      name: '乙公司',
      idNumber: makeCreditCode('91', '350999', 'MA3YL4M5Q'),
      legalRepresentative: '乙',
      contactName: '丙',
      phone: '0599-7712399',
    });
    expect(enterprise.status).toBe(201);
  });

  it('受审分离: only window clerks create and accept cases; approvers get 403', async () => {
    const applicantId = await newPerson();
    const r = await approver.request('POST', '/api/cases', {
      itemId: C.foodItemId,
      applicantId,
      materials: FOOD_ALL,
    });
    expect(r.status).toBe(403);
    expect(r.body.code).toBe('CASE_NOT_WINDOW');
    expect(
      (
        await head.request('POST', '/api/applicants', {
          kind: 'person',
          name: '丁',
          idNumber: makeIdNumber('110105', '19800101', 9),
          phone: '13800000003',
        })
      ).status,
    ).toBe(403);
    const c = await intake();
    const acc = await act(approver, c.id, 'accept');
    expect(acc.status).toBe(403);
    expect(acc.body.code).toBe('CASE_NOT_WINDOW');
    // Issue 12 point 11: a clerk of another department who may not read the case (it was received
    // at another window) may not accept it either - the same 403 as reading it.
    const read = await clerk2.request('GET', `/api/cases/${c.id}`);
    const accepted = await act(clerk2, c.id, 'accept');
    expect([read.status, accepted.status]).toEqual([403, 403]);
    expect(accepted.body).toEqual(read.body);
    ok(await act(clerk, c.id, 'accept'));
  });

  it('ACC-1: a supplement request lists every missing and faulty material at once, in one notice', async () => {
    const c = await intake(FOOD_ALL.slice(0, 2).concat([{ name: DEFERRABLE, status: 'missing' }]));
    const missing = c.materials
      .filter((m: { status: string }) => m.status === 'missing')
      .map((m: { name: string }) => m.name);
    expect(missing).toHaveLength(3);
    expect((await act(clerk, c.id, 'accept')).body.code).toBe('CASE_MATERIALS_MISSING');
    ok(
      await act(clerk, c.id, 'request-supplement', {
        faulty: [{ name: '营业执照', reason: '复印件不清晰' }],
      }),
    );
    const d = await detail(c.id);
    expect(d.status).toBe('supplement_requested');
    const notices = d.notices.filter((n: { kind: string }) => n.kind === 'supplement');
    expect(notices).toHaveLength(1);
    const listed = notices[0].content.list.map((x: { name: string }) => x.name);
    expect(listed.sort()).toEqual([...missing, '营业执照'].sort());
    expect(d.clock.state).toBe('paused');
    expect((await outbox(c.caseNo)).map((m) => m.kind)).toContain('case.supplement_requested');
    // Nothing more can be asked for until the applicant answers.
    expect((await act(clerk, c.id, 'request-supplement')).body.code).toBe('CASE_WRONG_STATUS');
    ok(await act(clerk, c.id, 'supplement-received', { materials: [...missing, '营业执照'] }));
    ok(await act(clerk, c.id, 'accept'));
    expect((await detail(c.id)).visits).toBe(2);
  });

  it('ACC-1: without an answer within 5 working days the case counts as accepted from receipt (flagged)', async () => {
    const c = await intake(FOOD_ALL.slice(0, 3));
    await withClock(9, async () => {
      const d = await detail(c.id);
      expect(d.clock.deemedAccepted).toBe(true);
      expect(d.clock.phase).toBe('decision');
      const r = await act(clerk, c.id, 'request-supplement');
      expect(r.status).toBe(409);
      expect(r.body.code).toBe('CASE_ACCEPTANCE_DEEMED');
      // The material is still missing: it may follow as a deferred one only if deferrable; here it is received.
      const accepted = await act(clerk, c.id, 'accept');
      expect(accepted.body.code).toBe('CASE_MATERIALS_MISSING');
    });
    const fresh = await detail(c.id);
    expect(fresh.clock.deemedAccepted).toBe(false);
  });

  it('ACC-2: every intake decision yields a numbered, dated notice; the .docx is readable', async () => {
    const a = await intake();
    ok(await act(clerk, a.id, 'accept'));
    const b = await intake();
    ok(await act(clerk, b.id, 'accept'));
    const r = await intake();
    ok(
      await act(clerk, r.id, 'refuse', {
        reason: '仅销售预包装食品，实行备案',
        redirectTo: '食品经营备案窗口',
      }),
    );
    const s = await intake(FOOD_ALL.slice(1));
    ok(await act(clerk, s.id, 'request-supplement'));
    const na = (await detail(a.id)).notices[0];
    const nb = (await detail(b.id)).notices[0];
    expect(na.kind).toBe('accept');
    expect(na.noticeNo).toMatch(/^云溪受字〔2026〕第\d{5}号$/);
    expect(Number(nb.noticeNo.match(/第(\d+)号/)[1])).toBe(Number(na.noticeNo.match(/第(\d+)号/)[1]) + 1);
    expect(na.issuedAt).toBe(t.clock.now().toISOString());
    expect(na.content.dateText).toBe('2026年11月20日');
    const refusal = (await detail(r.id)).notices[0];
    expect(refusal.kind).toBe('refuse');
    expect(refusal.noticeNo).toMatch(/^云溪不受字〔2026〕第\d{5}号$/);
    expect(refusal.content.paragraphs.join('')).toContain('行政复议');
    expect((await detail(s.id)).notices[0].noticeNo).toMatch(/^云溪补字〔2026〕/);
    const print = await clerk.request('GET', `/api/cases/${a.id}/notices/${na.id}`);
    expect(print.body.content.caseNo).toBe(a.caseNo);
    const docx = await rawGet('clerk', `/api/cases/${a.id}/notices/${na.id}/docx`);
    expect(docx.statusCode).toBe(200);
    const text = (await mammoth.extractRawText({ buffer: docx.rawPayload })).value;
    expect(text).toContain('受理通知书');
    expect(text).toContain(na.noticeNo);
    expect(text).toContain('2026年11月20日');
    // The refusal lands in the 办不成事 list with its reason and where to go.
    const refused = await supervisor.request('GET', '/api/cases/refused');
    const entry = refused.body.items.find((i: { id: string }) => i.id === r.id);
    expect(entry.refusal).toMatchObject({
      reason: '仅销售预包装食品，实行备案',
      redirectTo: '食品经营备案窗口',
    });
  });

  it('容缺: accepted with a deferred material, the case cannot be decided until it arrives', async () => {
    const c = await intake([...FOOD_ALL.slice(0, 3), { name: DEFERRABLE, status: 'missing' }]);
    const notDeferrable = await act(clerk, c.id, 'accept', {
      deferred: [
        { name: DEFERRABLE, dueDate: '2026-11-27' },
        { name: '食品安全自查、从业人员健康管理、进货查验等管理制度', dueDate: '2026-11-27' },
      ],
    });
    expect(notDeferrable.body.code).toBe('CASE_NOT_DEFERRABLE');
    // Fresh case for the deferral itself.
    const d = await intake([...FOOD_ALL, { name: DEFERRABLE, status: 'missing' }]);
    ok(await act(clerk, d.id, 'accept', { deferred: [{ name: DEFERRABLE, dueDate: '2026-11-27' }] }));
    const accepted = await detail(d.id);
    expect(accepted.deferredOutstanding).toEqual([DEFERRABLE]);
    expect(accepted.materials.find((m: { name: string }) => m.name === DEFERRABLE)).toMatchObject({
      status: 'deferred',
      dueDate: '2026-11-27',
    });
    expect(accepted.notices[0].content.list[0].name).toBe(DEFERRABLE);
    ok(await act(approver, d.id, 'complete-step', { opinion: '同意' }));
    const blocked = await act(approver2, d.id, 'decide', { outcome: 'grant' });
    expect(blocked.status).toBe(409);
    expect(blocked.body.code).toBe('CASE_DEFERRED_OUTSTANDING');
    ok(await act(clerk, d.id, 'deferred-received', { names: [DEFERRABLE] }));
    ok(await act(approver2, d.id, 'decide', { outcome: 'grant' }));
  });

  it('SOD-1: the reviewer cannot decide; the acceptor cannot review; another approver decides', async () => {
    const c = await intake();
    ok(await act(clerk, c.id, 'accept'));
    expect((await act(clerk, c.id, 'complete-step', { opinion: '自审' })).status).toBe(403);
    ok(await act(approver, c.id, 'complete-step', { opinion: '审查通过' }));
    const same = await act(approver, c.id, 'decide', { outcome: 'grant' });
    expect(same.status).toBe(403);
    expect(same.body.code).toBe('CASE_SOD_SAME_SIGNER');
    // Returned to 审查, the reviewer signs it again, and still may not decide.
    ok(await act(approver2, c.id, 'return', { reason: '补充审查意见' }));
    ok(await act(approver, c.id, 'complete-step', { opinion: '已补充' }));
    expect((await act(approver, c.id, 'decide', { outcome: 'grant' })).body.code).toBe(
      'CASE_SOD_SAME_SIGNER',
    );
    const deny = await act(approver2, c.id, 'decide', { outcome: 'deny' });
    expect(deny.status).toBe(400);
    ok(
      await act(approver2, c.id, 'decide', {
        outcome: 'deny',
        reason: '场所不符合要求',
        legalBasis: '《食品经营许可和备案管理办法》第十一条',
      }),
    );
    const d = await detail(c.id);
    const decision = d.notices.find((n: { kind: string }) => n.kind === 'decide');
    expect(decision.content.remedies).toEqual([
      { kind: '行政复议', limit: '60 日' },
      { kind: '行政诉讼', limit: '6 个月' },
    ]);
    expect(decision.content.paragraphs.join('')).toMatch(/六十日内.*六个月内/);
    expect(d.license).toBeNull();
  });

  it('转办: candidates are the department’s approvers and head, SOD-1 signers marked; the event names the receiver', async () => {
    const c = await atDecision();
    const r = await approver2.request('GET', `/api/cases/${c.id}/transfer-candidates`);
    expect(r.status).toBe(200);
    const items = r.body.items as {
      id: string;
      displayName: string;
      role: string;
      signedStep: string | null;
    }[];
    // Not the asking approver; the reviewer is there but marked: SOD-1 keeps them from signing again.
    expect(items.map((i) => i.id)).not.toContain(approver2.user.id);
    expect(items.find((i) => i.id === approver.user.id)?.signedStep).toBe('审查');
    const headRow = items.find((i) => i.id === head.user.id);
    expect(headRow).toMatchObject({ role: 'dept_head', signedStep: null });
    // Only this department's people: the window clerk and 卫健's staff are not offered.
    expect(items.map((i) => i.id)).not.toContain(clerk.user.id);
    expect(items.every((i) => ['approver', 'dept_head'].includes(i.role))).toBe(true);
    // A clerk asks for back-office work: 受审分离.
    expect((await clerk.request('GET', `/api/cases/${c.id}/transfer-candidates`)).status).toBe(403);
    // SOD-1: the reviewer may not take the decision over.
    const toReviewer = await act(approver2, c.id, 'transfer', { toUserId: approver.user.id, reason: '转回' });
    expect(toReviewer.status).toBe(403);
    expect(toReviewer.body.code).toBe('CASE_SOD_SAME_SIGNER');

    ok(await act(approver2, c.id, 'transfer', { toUserId: head.user.id, reason: '请负责人决定' }));
    const d = await detail(c.id);
    expect(d.assigneeId).toBe(head.user.id);
    const ev = d.events.find((e: { type: string }) => e.type === 'transferred');
    expect(ev.payload).toMatchObject({ toUserId: head.user.id, toName: headRow!.displayName });
  });

  it('SUS-1: a special procedure pauses the clock, with a written notice; the deadline moves', async () => {
    const c = await atDecision();
    const before = await detail(c.id);
    expect(before.clock.state).not.toBe('paused');
    ok(await act(approver2, c.id, 'suspend', { kind: 'testing', expectedDays: 10, reason: '送检水样' }));
    const during = await detail(c.id);
    expect(during.clock.state).toBe('paused');
    expect(during.suspended).toBe(true);
    const notice = during.notices.find((n: { kind: string }) => n.kind === 'suspend');
    expect(notice.content).toMatchObject({ kind: 'testing', expectedDays: 10, countsInLimit: false });
    expect((await act(approver2, c.id, 'decide', { outcome: 'grant' })).body.code).toBe('CASE_SUSPENDED');
    expect((await outbox(c.caseNo)).map((m) => m.kind)).toContain('case.suspended');
    await withClock(7, async () => {
      ok(await act(approver2, c.id, 'resume'));
      const after = await detail(c.id);
      expect(after.clock.state).not.toBe('paused');
      expect(after.clock.deadline > before.clock.deadline).toBe(true);
      expect(after.clockDetail.decision.suspendedPeriods).toHaveLength(1);
    });
  });

  it('DEC-1: one extension of at most 10 working days, approved by the head only, reason told', async () => {
    const c = await atDecision();
    const tooLong = await act(approver2, c.id, 'extension', { days: 11, reason: '情况复杂' });
    expect(tooLong.status).toBe(409);
    expect(tooLong.body.code).toBe('CASE_EXTENSION_EXCEEDS_CAP');
    ok(await act(approver2, c.id, 'extension', { days: 10, reason: '需征求相关部门意见' }));
    expect((await act(approver2, c.id, 'decide', { outcome: 'grant' })).body.code).toBe(
      'CASE_EXTENSION_PENDING',
    );
    expect((await act(approver2, c.id, 'extension/decision', { approved: true })).status).toBe(403);
    expect((await act(clerk, c.id, 'extension/decision', { approved: true })).status).toBe(403);
    ok(await act(head, c.id, 'extension/decision', { approved: true }));
    const d = await detail(c.id);
    expect(d.clockDetail.decision.extensionDays).toBe(10);
    const notice = d.notices.find((n: { kind: string }) => n.kind === 'extend');
    expect(notice.content).toMatchObject({ days: 10, reason: '需征求相关部门意见' });
    expect(notice.noticeNo).toMatch(/^云溪延字〔2026〕/);
    const again = await act(approver2, c.id, 'extension', { days: 1, reason: '再延' });
    expect(again.body.code).toBe('CASE_EXTENSION_USED');
    expect((await outbox(c.caseNo)).map((m) => m.kind)).toContain('case.extended');
  });

  it('ACC-2: numbers taken in the opening round trip stay gap-free: a refused transition, a denial and a wrong guess of the license sequence give theirs back', async () => {
    const serialOf = (noticeNo: string) => Number(/第(\d+)号/.exec(noticeNo)![1]);
    const noticeOf = async (id: string, kind: string) =>
      serialOf((await detail(id)).notices.find((n: { kind: string }) => n.kind === kind).noticeNo);
    const licenseSerial = async (caseId: string) =>
      Number(
        (
          await t.deps.db
            .selectFrom('license')
            .select('serial')
            .where('caseId', '=', caseId)
            .executeTakeFirstOrThrow()
        ).serial,
      );
    // 受理: a stale version is refused after the number was taken; the next 受理 gets that number.
    const a = await intake();
    ok(await act(clerk, a.id, 'accept'));
    const b = await intake();
    const stale = await clerk.request('POST', `/api/cases/${b.id}/accept`, { version: 99, deferred: [] });
    expect(stale.body.code).toBe('CASE_STALE');
    ok(await act(clerk, b.id, 'accept'));
    expect(await noticeOf(b.id, 'accept')).toBe((await noticeOf(a.id, 'accept')) + 1);
    // 决定: a grant, a denial (it numbers no license), and a grant whose license sequence this
    // process guessed wrong (the guessed number is given back).
    const [g1, dn, g2] = [await atDecision(), await atDecision(), await atDecision()];
    ok(await act(approver2, g1.id, 'decide', { outcome: 'grant', opinion: '准予' }));
    ok(
      await act(approver2, dn.id, 'decide', {
        outcome: 'deny',
        reason: '经营场所不符合要求',
        legalBasis: '《食品经营许可和备案管理办法》第十二条',
      }),
    );
    const real = caseLicenseFields.get(g2.id)!;
    caseLicenseFields.set(g2.id, { ...real, departmentCreditCode: '91350999MA0000000X' });
    ok(await act(approver2, g2.id, 'decide', { outcome: 'grant', opinion: '准予' }));
    expect(await noticeOf(dn.id, 'decide')).toBe((await noticeOf(g1.id, 'decide')) + 1);
    expect(await noticeOf(g2.id, 'decide')).toBe((await noticeOf(dn.id, 'decide')) + 1);
    expect(await licenseSerial(g2.id)).toBe((await licenseSerial(g1.id)) + 1);
    const guessed = await t.deps.db
      .selectFrom('caseSequence')
      .select('last')
      .where('name', 'like', '%91350999MA0000000X')
      .execute();
    expect(guessed.map((r) => Number(r.last))).toEqual([0]);
  });

  it('grant issues an e-license with a valid check character; public verification; ready-for-pickup only after license and delivery (DEL-1)', async () => {
    const c = await atDecision();
    const applicantIdNumber = lastIdNumber;
    ok(await act(approver2, c.id, 'decide', { outcome: 'grant', opinion: '准予' }));
    const d = await detail(c.id);
    expect(d.status).toBe('decided');
    const id: string = d.license.id;
    expect(isValidLicenseId(id)).toBe(true);
    expect(id.startsWith('1.2.156.3005.2.113509990000000001.')).toBe(true);
    expect(d.license).toMatchObject({
      typeName: '食品经营许可证',
      issuerName: '云溪县市场监督管理局',
      validFrom: '2026-11-20',
      validUntil: '2031-11-19',
    });
    expect(d.notices.find((n: { kind: string }) => n.kind === 'decide').content.licenseId).toBe(id);
    // DEL-1: the delivery clock runs 10 working days from the decision.
    expect(d.clock.phase).toBe('delivery');
    expect(d.clockDetail.delivery.limitDays).toBe(10);

    // SEC-2: the public verifies by the license's random token; its id (from a serial) finds nothing.
    const token: string = d.license.verifyToken;
    expect(token).toMatch(/^[A-Za-z0-9_-]{32}$/);
    const pub = await call(t.app, 'GET', `/api/public/licenses/${token}`);
    expect(pub.status).toBe(200);
    expect(pub.body).toMatchObject({ id, found: true, checkCharacterValid: true });
    expect(pub.body.license.holderIdMasked).toMatch(/^\d{4}\*{10}[\dX]{4}$/);
    expect(pub.body.license.status).toBe('valid');
    expect(pub.body.license.verifyToken).toBeUndefined();
    const unknown = { id: null, found: false, checkCharacterValid: false, license: null, verifyUrl: null };
    expect((await call(t.app, 'GET', `/api/public/licenses/${id}`)).body).toEqual(unknown);

    // Notifications: decided, but not "ready for pickup" until delivery is prepared.
    expect((await outbox(c.caseNo)).map((m) => m.kind)).not.toContain('case.ready_for_pickup');
    expect((await act(clerk, c.id, 'deliver', { receivedBy: '本人' })).body.code).toBe(
      'CASE_DELIVERY_NOT_PREPARED',
    );
    expect((await act(approver2, c.id, 'delivery', { method: 'window' })).status).toBe(403);
    ok(await act(clerk, c.id, 'delivery', { method: 'window' }));
    const ready = (await outbox(c.caseNo)).filter((m) => m.kind === 'case.ready_for_pickup');
    expect(ready).toHaveLength(1);
    expect(ready[0]!.channel).toBe('sms');
    // The SMS is addressed to the case's applicant; an SMS adapter finds the phone only to send it.
    expect(ready[0]!.recipientApplicantId).toBe(d.applicant.id);
    expect(ready[0]!.recipientCaseId).toBe(c.id);
    const texts: { phone: string; body: string }[] = [];
    const sms: ChannelAdapter = {
      channel: 'sms',
      deliver: async (m, db) => {
        const to = await casesService.getCaseContact(t.deps, db, m.regionCode, m.recipientCaseId!);
        texts.push({ phone: to!.phone, body: m.body });
      },
    };
    // Messages are due from when the database wrote them (its clock, not the test's).
    const later = { db: t.deps.db, clock: { now: () => new Date(Date.now() + DAY) } };
    await deliverDue(later, channelTransport([sms], { name: 'none', send: async () => {} }), {
      batchSize: 1000,
    });
    expect(texts.find((x) => x.body === ready[0]!.body)?.phone).toBe('13812345678');
    // Issue 14 point 8: at the window the clerk checks who collects the result.
    expect((await act(clerk, c.id, 'deliver', { receivedBy: '本人' })).body.code).toBe(
      'CASE_RECEIVER_REQUIRED',
    );
    const stranger = makeIdNumber('110105', '19700101', 999);
    const mismatch = await act(clerk, c.id, 'deliver', {
      receivedBy: '本人',
      receiver: { kind: 'applicant', idNumber: stranger },
    });
    expect(mismatch.body.code).toBe('CASE_RECEIVER_MISMATCH');
    expect(JSON.stringify(mismatch.body)).not.toContain(stranger);
    const agent = { kind: 'agent', idNumber: makeIdNumber('110105', '19700101', 998) };
    expect((await act(clerk, c.id, 'deliver', { receivedBy: '张代领', receiver: agent })).body.code).toBe(
      'CASE_RECEIVER_NOT_AUTHORISED',
    );
    expect((await detail(c.id)).status).toBe('decided');
    ok(
      await act(clerk, c.id, 'deliver', {
        receivedBy: '本人',
        receiver: { kind: 'applicant', idNumber: applicantIdNumber },
      }),
    );
    const done = await detail(c.id);
    const handed = done.events.find((e: { type: string }) => e.type === 'delivered');
    expect(handed.payload).toMatchObject({ receiverKind: 'applicant' });
    expect(handed.payload.receiverIdMasked).toMatch(/\*{6,}/);
    expect(JSON.stringify(done.events)).not.toContain(applicantIdNumber);
    expect(done.status).toBe('delivered');
    expect(done.clock.phase).toBe('done');
    expect(done.clockDetail.delivery.onTime).toBe(true);
    // Visits: received at the window and picked up there, against the item's 零跑动.
    expect(done.visits).toBe(2);
    expect(done.maxVisits).toBe(0);
  });

  it('licenses exist only as the result of a case (no license row without a case)', async () => {
    await expect(
      t.deps.db
        .insertInto('license')
        .values({
          id: '1.2.156.3005.2.1.113509990000000001.1.1.X',
          regionCode: '350999',
          typeCode: '1',
          typeName: 'x',
          holderApplicantId: DEMO_CASES.personApplicantId,
          holderName: 'x',
          holderIdMasked: 'x',
          issuerDepartmentId: (
            await t.deps.db.selectFrom('department').select('id').executeTakeFirstOrThrow()
          ).id,
          issuerName: 'x',
          issuerCreditCode: 'x',
          serial: '1',
          validFrom: '2026-11-20',
          validUntil: null,
          caseId: null as unknown as string,
          issuedAt: new Date(),
          verifyToken: 'x'.repeat(32),
        })
        .execute(),
    ).rejects.toThrow();
  });

  it('即办件: decided on the spot by a clerk of the department; its license then replaces a material (免提交)', async () => {
    const applicantId = await newPerson();
    const solo = await clerk.request('POST', '/api/cases', {
      itemId: soloItemId,
      applicantId,
      materials: [
        { name: '个体工商户登记申请书', status: 'provided' },
        { name: '经营者居民身份证', status: 'provided' },
        { name: '经营场所使用证明', status: 'provided' },
      ],
    });
    expect(solo.status).toBe(201);
    // 卫健's clerk: not theirs to read, so not theirs to decide (issue 12 point 11); and one they
    // received themselves still is not theirs to decide on the spot.
    expect((await act(clerk2, solo.body.id, 'instant-decision', { outcome: 'grant' })).status).toBe(403);
    const own = await clerk2.request('POST', '/api/cases', {
      itemId: soloItemId,
      applicantId,
      materials: [
        { name: '个体工商户登记申请书', status: 'provided' },
        { name: '经营者居民身份证', status: 'provided' },
        { name: '经营场所使用证明', status: 'provided' },
      ],
    });
    expect(own.status).toBe(201);
    expect((await act(clerk2, own.body.id, 'instant-decision', { outcome: 'grant' })).body.code).toBe(
      'CASE_INSTANT_NOT_AUTHORISED',
    );
    ok(await act(clerk, solo.body.id, 'instant-decision', { outcome: 'grant' }));
    const d = await detail(solo.body.id);
    expect(d.status).toBe('decided');
    expect(d.notices.map((n: { kind: string }) => n.kind)).toEqual(['accept', 'decide']);
    expect(d.license.typeName).toBe('营业执照');
    const food = await clerk.request('POST', '/api/cases', {
      itemId: C.foodItemId,
      applicantId,
      materials: [],
    });
    const businessLicense = food.body.materials.find((m: { name: string }) => m.name === '营业执照');
    expect(businessLicense).toMatchObject({ status: 'from_license', licenseId: d.license.id });
    expect((await act(clerk, food.body.id, 'instant-decision', { outcome: 'grant' })).body.code).toBe(
      'CASE_NOT_INSTANT',
    );
  });

  it('a stale version is refused with 409 and changes nothing', async () => {
    const c = await intake();
    const before = await Promise.all([countOf('auditLog'), countOf('caseEvent'), countOf('caseNotice')]);
    const r = await clerk.request('POST', `/api/cases/${c.id}/accept`, { version: c.version - 1 });
    expect(r.status).toBe(409);
    expect(r.body.code).toBe('CASE_STALE');
    expect(await Promise.all([countOf('auditLog'), countOf('caseEvent'), countOf('caseNotice')])).toEqual(
      before,
    );
    expect((await detail(c.id)).status).toBe('submitted');
    // Two requests on the same version: one wins, the other is told.
    const [x, y] = await Promise.all([
      clerk.request('POST', `/api/cases/${c.id}/accept`, { version: c.version }),
      clerk.request('POST', `/api/cases/${c.id}/accept`, { version: c.version }),
    ]);
    expect([x.status, y.status].sort()).toEqual([200, 409]);
    expect((await detail(c.id)).notices).toHaveLength(1);
  });

  it('Idempotency-Key: a double submission makes one case', async () => {
    const applicantId = await newPerson();
    const body = { itemId: C.foodItemId, applicantId, materials: FOOD_ALL };
    const cases = await countOf('serviceCase');
    const key = { 'idempotency-key': `dbl-click-${seq}` };
    const [a, b] = await Promise.all([
      clerk.request('POST', '/api/cases', body, key),
      clerk.request('POST', '/api/cases', body, key),
    ]);
    expect(a.status).toBe(201);
    expect(b.status).toBe(201);
    expect(a.body.id).toBe(b.body.id);
    expect([a.headers['idempotent-replayed'], b.headers['idempotent-replayed']].sort()).toEqual([
      'false',
      'true',
    ]);
    expect(await countOf('serviceCase')).toBe(cases + 1);
    const other = await clerk.request('POST', '/api/cases', { ...body, materials: [] }, key);
    expect(other.status).toBe(422);
    expect((await clerk.request('POST', '/api/cases', body, { 'idempotency-key': 'x' })).status).toBe(400);
  });

  it('case numbers are unique per region and day, allocated without gaps', async () => {
    const a = await intake();
    const failed = await clerk.request('POST', '/api/cases', {
      itemId: C.foodItemId,
      applicantId: await newPerson(),
      materials: [{ name: '不存在的材料', status: 'provided' }],
    });
    expect(failed.status).toBe(400);
    // A replayed submission (its key used already) takes no number either, though its opening
    // round trip asked for one with the key.
    const body = { itemId: C.foodItemId, applicantId: await newPerson(), materials: FOOD_ALL };
    const key = { 'idempotency-key': `gapless-${seq}` };
    const first = await clerk.request('POST', '/api/cases', body, key);
    const replay = await clerk.request('POST', '/api/cases', body, key);
    expect(replay.headers['idempotent-replayed']).toBe('true');
    expect(replay.body.caseNo).toBe(first.body.caseNo);
    const b = await intake();
    const serial = (no: string) => Number(no.split('-')[2]);
    expect(serial(first.body.caseNo)).toBe(serial(a.caseNo) + 1);
    a.caseNo = first.body.caseNo;
    expect(a.caseNo).toMatch(/^350999-20261120-\d{5}$/);
    expect(serial(b.caseNo)).toBe(serial(a.caseNo) + 1);
    const today = await t.deps.db
      .selectFrom('serviceCase')
      .select('caseNo')
      .where('caseNo', 'like', '350999-20261120-%')
      .execute();
    const serials = today.map((r) => serial(r.caseNo)).sort((x, y) => x - y);
    expect(serials).toEqual(serials.map((_, i) => i + 1));
    await withClock(1, async () => {
      expect((await intake()).caseNo).toBe('350999-20261121-00001');
    });
  });

  it('supervision: lists carry the clock; overdue per department; paused cases; urging (supervisor, head)', async () => {
    const overdue = await supervisor.request('GET', '/api/cases/overdue');
    expect(overdue.status).toBe(200);
    expect(
      overdue.body.items.some((i: { id: string }) => i.id === 'ca5e0000-0000-4000-8000-000000000006'),
    ).toBe(true);
    // The demo's overdue case 6 is 市场监管's (other modules' demo data add red cases elsewhere).
    expect((overdue.body.departments as { departmentName: string }[]).map((d) => d.departmentName)).toContain(
      '云溪县市场监督管理局',
    );
    // A count the screen can show ("3 件"), matching the cases listed for the department.
    for (const d of overdue.body.departments as { departmentId: string; cases: number }[]) {
      expect(d.cases).toBe(
        overdue.body.items.filter((i: { departmentId: string }) => i.departmentId === d.departmentId).length,
      );
    }
    // Every open case is read, a chunk at a time: one row per chunk finds the same red cases.
    const whole = await casesService.listOverdue(t.deps, SYSTEM_ACTOR);
    const byOne = await casesService.listOverdue(t.deps, SYSTEM_ACTOR, undefined, { chunk: 1 });
    expect(whole.items.length).toBeGreaterThan(0);
    expect(byOne.items.map((i) => i.id)).toEqual(whole.items.map((i) => i.id));
    const received = whole.items.map((i) => i.receivedAt ?? '');
    expect(received).toEqual([...received].sort());
    const paused = await supervisor.request('GET', '/api/cases?clock=paused');
    expect(
      paused.body.items.some((i: { id: string }) => i.id === 'ca5e0000-0000-4000-8000-000000000007'),
    ).toBe(true);
    // The clock filter reads past the first page of cases: one paused case per page of one.
    const newest = await supervisor.request('GET', '/api/cases?limit=1');
    expect(newest.body.items[0].clock?.state).not.toBe('paused');
    const firstPaused = await supervisor.request('GET', '/api/cases?clock=paused&limit=1');
    expect(firstPaused.body.items).toHaveLength(1);
    expect(firstPaused.body.items[0].clock.state).toBe('paused');
    const pausedByOne = await casesService.listCases(
      t.deps,
      SYSTEM_ACTOR,
      { clock: 'paused', limit: 100, offset: 0 },
      { chunk: 1 },
    );
    expect(pausedByOne.items.map((i) => i.id)).toEqual(
      (
        await casesService.listCases(t.deps, SYSTEM_ACTOR, { clock: 'paused', limit: 100, offset: 0 })
      ).items.map((i) => i.id),
    );
    const list = await approver.request('GET', '/api/cases?queue=review');
    expect(list.body.items.length).toBeGreaterThan(0);
    for (const i of list.body.items) {
      expect(i.status).toBe('accepted');
      expect(['green', 'yellow', 'red']).toContain(i.clock.state);
    }
    ok(await act(supervisor, DEMO_CASES.acceptedCaseId, 'urge', { note: '请尽快审查' }));
    // A process that has not seen the case guesses its region from the actor; a wrong guess (the
    // system actor has none) falls back to the case's own region: the same transition and audit.
    casesService.forgetCaseRegions();
    const before = await approver.request('GET', `/api/cases/${DEMO_CASES.acceptedCaseId}`);
    const urged = await casesService.urge(t.deps, SYSTEM_ACTOR, DEMO_CASES.acceptedCaseId, {
      version: before.body.version,
      note: '系统催办',
    });
    expect(urged.version).toBe(before.body.version + 1);
    expect((await verifyAuditChain(t.deps.db)).ok).toBe(true);
    const audit = await t.deps.db
      .selectFrom('auditLog')
      .select(['regionCode', 'action'])
      .where('entityId', '=', DEMO_CASES.acceptedCaseId)
      .orderBy('seq', 'desc')
      .executeTakeFirstOrThrow();
    expect(audit).toEqual({ regionCode: before.body.regionCode, action: 'case.urge' });
    // Department roles see only their own department's cases.
    const other = await clerk2.request('GET', `/api/cases/${DEMO_CASES.acceptedCaseId}`);
    expect(other.status).toBe(403);
  });

  it('inspector reads and writes nothing', async () => {
    expect((await inspector.request('GET', '/api/cases')).status).toBe(200);
    const c = await intake();
    expect(
      (
        await inspector.request('POST', '/api/cases', {
          itemId: C.foodItemId,
          applicantId: DEMO_CASES.personApplicantId,
        })
      ).status,
    ).toBe(403);
    const bodies: Record<string, Record<string, unknown>> = {
      accept: {},
      'complete-step': { opinion: '同意' },
      decide: { outcome: 'grant' },
      urge: { note: '催办' },
      delivery: { method: 'window' },
      'extension/decision': { approved: true },
    };
    for (const [name, body] of Object.entries(bodies)) {
      const r = await act(inspector, c.id, name, body);
      expect(r.status, name).toBe(403);
    }
    expect((await detail(c.id)).version).toBe(c.version);
  });

  it('applicant portal: draft, upload, submit once, track by case number + 查询码 (SEC-2), read notices', async () => {
    const draft = await call(t.app, 'POST', '/api/public/drafts', {
      itemId: C.foodItemId,
      data: { step: 1 },
    });
    expect(draft.status).toBe(201);
    const token: string = draft.body.token;
    expect((await call(t.app, 'GET', `/api/public/drafts/${token}`)).body.data).toEqual({ step: 1 });
    expect(
      (await call(t.app, 'PUT', `/api/public/drafts/${token}`, { itemId: C.foodItemId, data: { step: 2 } }))
        .body.data,
    ).toEqual({ step: 2 });
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF');
    for (const name of [
      '食品经营许可申请书',
      '营业执照',
      '经营场所平面布局图和设备布局、操作流程说明',
      '食品安全自查、从业人员健康管理、进货查验等管理制度',
    ]) {
      const { payload, contentType } = multipart(
        { name: 'a.pdf', type: 'application/pdf', bytes: pdf },
        { materialName: name },
      );
      const up = await t.app.inject({
        method: 'POST',
        url: `/api/public/drafts/${token}/materials`,
        payload,
        headers: { 'content-type': contentType },
      });
      expect(up.statusCode, up.body).toBe(201);
    }
    const wrong = multipart(
      { name: 'a.txt', type: 'text/plain', bytes: Buffer.from('hello') },
      { materialName: '营业执照' },
    );
    const refused = await t.app.inject({
      method: 'POST',
      url: `/api/public/drafts/${token}/materials`,
      payload: wrong.payload,
      headers: { 'content-type': wrong.contentType },
    });
    expect(refused.statusCode).toBe(400);
    const applicant = {
      kind: 'person',
      name: '网上申请人',
      idNumber: makeIdNumber('350102', '19920315', 88),
      phone: '13600001111',
    };
    const submitted = await call(t.app, 'POST', '/api/public/cases', { draftToken: token, applicant });
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(201);
    const caseNo: string = submitted.body.caseNo;
    const queryCode: string = submitted.body.queryCode;
    expect(queryCode).toMatch(/^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{10}$/);
    const again = await call(t.app, 'POST', '/api/public/cases', { draftToken: token, applicant });
    expect(again.body).toMatchObject({ caseNo, queryCode });
    expect((await call(t.app, 'PUT', `/api/public/drafts/${token}`, { itemId: C.foodItemId })).status).toBe(
      409,
    );
    const row = await t.deps.db
      .selectFrom('serviceCase')
      .selectAll()
      .where('caseNo', '=', caseNo)
      .executeTakeFirstOrThrow();
    expect(row.channel).toBe('online');
    const d = await detail(row.id);
    expect(d.materials.filter((m: { fileSha256: string | null }) => m.fileSha256)).toHaveLength(4);
    expect(d.visits).toBe(0);
    ok(await act(clerk, row.id, 'accept'));
    // The phone alone no longer opens a case: the 查询码 does (typed in lower case, with a hyphen).
    expect(
      (await call(t.app, 'POST', '/api/public/cases/track', { caseNo, queryCode: 'ABCDEFGHJK' })).status,
    ).toBe(404);
    const typed = `${queryCode.slice(0, 5)}-${queryCode.slice(5)}`.toLowerCase();
    const tracked = await call(t.app, 'POST', '/api/public/cases/track', { caseNo, queryCode: typed });
    expect(tracked.status).toBe(200);
    expect(tracked.body).toMatchObject({
      status: 'accepted',
      statusLabel: '办理中',
      itemName: '食品经营许可',
    });
    expect(tracked.body.notices[0].kind).toBe('accept');
    // The receipt tells the applicant the 查询码 (SEC-2), on screen and in print.
    expect(tracked.body.notices[0].content.queryCode).toBe(queryCode);
    expect(d.queryCode).toBe(queryCode);
    const doc = await t.app.inject({
      method: 'POST',
      url: '/api/public/cases/track/notice-docx',
      payload: { caseNo, queryCode, noticeId: tracked.body.notices[0].id },
    });
    expect(doc.statusCode).toBe(200);
    const text = (await mammoth.extractRawText({ buffer: doc.rawPayload })).value;
    expect(text).toContain(tracked.body.notices[0].noticeNo);
    expect(text).toContain(`查询码：${queryCode}`);
  });

  it('TRUTH-1: every case replayed from its events equals the stored projection', async () => {
    const rows = await t.deps.db.selectFrom('serviceCase').selectAll().execute();
    expect(rows.length).toBeGreaterThan(20);
    for (const r of rows) {
      const replayed = await casesService.replayFromEvents(t.deps.db, r.regionCode, r.id);
      expect(JSON.parse(JSON.stringify(replayed)), r.caseNo).toEqual(r.state);
      expect(r.status).toBe(replayed.status);
      expect(r.version).toBe(replayed.version);
      expect(r.visits).toBe(replayed.visits);
    }
    // The event log is append-only.
    await expect(t.deps.db.deleteFrom('caseEvent').where('seq', '=', 1).execute()).rejects.toThrow();
  });
});
