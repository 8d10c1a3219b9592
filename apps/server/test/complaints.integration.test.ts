import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Open311Request } from '@tongban/contracts';
import { writeHotlineSheet } from '../src/modules/complaints/complaints-sheet';
import { importHotlineSheet } from '../src/modules/complaints/use-cases/import-hotline-sheet';
import { intakeComplaint } from '../src/modules/complaints/use-cases/intake-complaint';
import { countComplaintsAboutStaff, listOverdueComplaints } from '../src/modules/complaints';
import { SYSTEM_ACTOR, type Actor } from '../src/platform/access';
import { call, createTestApp, dbKinds, signIn, type Client, type TestApp } from './harness';
import { multipart } from './factories/http';

const DAY = 86_400_000;

function actorOf(c: Client, displayName: string): Actor {
  return {
    userId: c.user.id,
    regionCode: c.user.regionCode,
    departmentId: c.user.departmentId,
    username: displayName,
    displayName,
    role: c.user.role as Actor['role'],
    clientIp: '',
  };
}

describe.each(dbKinds())('complaints (%s)', (kind) => {
  let t: TestApp;
  let sup: Client;
  let head: Client;
  let clerk: Client;
  let clerk2: Client;
  let leader: Client;
  let market: string;
  let health: string;
  const start = new Date('2026-11-23T02:00:00Z'); // a Monday

  // Sessions expire on the test clock: moving it signs everyone in again.
  async function travel(ms: number) {
    t.clock.set(new Date(start.getTime() + ms));
    sup = await signIn(t.app, 'supervisor');
    head = await signIn(t.app, 'depthead');
    clerk = await signIn(t.app, 'clerk');
    clerk2 = await signIn(t.app, 'clerk2');
    leader = await signIn(t.app, 'leader');
  }

  beforeAll(async () => {
    t = await createTestApp(kind);
    t.clock.set(start);
    sup = await signIn(t.app, 'supervisor');
    head = await signIn(t.app, 'depthead');
    clerk = await signIn(t.app, 'clerk');
    clerk2 = await signIn(t.app, 'clerk2');
    leader = await signIn(t.app, 'leader');
    market = head.user.departmentId!;
    health = clerk2.user.departmentId!;
  });
  afterAll(async () => t.close());

  async function intake(over: Record<string, unknown> = {}) {
    const r = await clerk.request('POST', '/api/complaints', {
      source: 'window',
      type: 'complain',
      title: '窗口人员态度生硬',
      content: '办理营业执照时窗口人员态度生硬，不解释原因。',
      complainantName: '张三丰',
      phone: '13800001234',
      ...over,
    });
    expect(r.status).toBe(201);
    return r.body.id as string;
  }
  const detail = async (id: string, c: Client = sup) =>
    (await c.request('GET', `/api/complaints/${id}`)).body;

  it('12345 sheet: a bad row imports nothing and lists every bad row; a good sheet keeps the order numbers', async () => {
    const actor = actorOf(sup, '督查');
    const bad = await writeHotlineSheet([
      {
        工单编号: 'GD20261123001',
        诉求类型: '投诉',
        标题: '排队太久',
        诉求内容: '社保窗口排队两小时',
        姓名: '李四',
        电话: '13900001111',
      },
      {
        工单编号: 'GD20261123002',
        诉求类型: '抱怨',
        标题: '无',
        诉求内容: '内容',
        姓名: '王五',
        电话: '139',
      },
    ]);
    const before = (await sup.request('GET', '/api/complaints?source=hotline_12345')).body.total;
    await expect(importHotlineSheet(t.deps, actor, bad)).rejects.toMatchObject({
      code: 'COMPLAINT_SHEET_INVALID',
      details: { rows: [expect.objectContaining({ row: 3 })] },
    });
    expect((await sup.request('GET', '/api/complaints?source=hotline_12345')).body.total).toBe(before);
    const good = await writeHotlineSheet([
      {
        工单编号: 'GD20261123001',
        诉求类型: '投诉',
        标题: '排队太久',
        诉求内容: '社保窗口排队两小时',
        姓名: '李四',
        电话: '13900001111',
      },
      {
        工单编号: 'GD20261123003',
        诉求类型: '咨询',
        标题: '营业执照',
        诉求内容: '个体户执照怎么办',
        是否匿名: '是',
      },
    ]);
    const r = await importHotlineSheet(t.deps, actor, good);
    expect(r.imported).toBe(2);
    const list = await sup.request('GET', '/api/complaints?q=GD20261123001');
    expect(list.body.items[0].externalNo).toBe('GD20261123001');
    await expect(importHotlineSheet(t.deps, actor, good)).rejects.toMatchObject({
      code: 'COMPLAINT_SHEET_INVALID',
    });
  });

  it("CPL-1: the due date counts the type's working days from the settings", async () => {
    const s = await sup.request('POST', '/api/complaints/settings', { limits: { consult: 3 } });
    expect(s.status).toBe(200);
    expect(s.body.limits.consult).toBe(3);
    const id = await intake({
      type: 'consult',
      title: '咨询',
      anonymous: true,
      complainantName: '',
      phone: '',
    });
    expect((await detail(id)).dueDate).toBe('2026-11-26');
  });

  it('personal data is masked on screen and absent from the Open311 view', async () => {
    const id = await intake();
    const d = await detail(id);
    expect(d.complainantNameMasked).toBe('张**');
    expect(d.phoneMasked).toBe('138****1234');
    expect(JSON.stringify(d)).not.toContain('13800001234');
  });

  it('CPL-2 + SOD-2: dispatch, 退单 in time, 改派, reply, callback by another person, close', async () => {
    const id = await intake({ subjectKind: 'department', subjectId: market, subjectLabel: '市场监管' });
    let d = await detail(id);
    // the reply by the wrong department before anything: 403
    expect(
      (
        await sup.request('POST', `/api/complaints/${id}/dispatch`, {
          version: d.version,
          leadDepartmentId: market,
        })
      ).status,
    ).toBe(200);
    d = await detail(id, head);
    expect(d.actions).toContain('return');
    const wrong = await clerk2.request('POST', `/api/complaints/${id}/reply`, {
      version: d.version,
      text: '已处理',
    });
    expect(wrong.status).toBe(403);
    expect(wrong.body.code).toBe('COMPLAINT_NOT_HOLDER');
    await travel(2 * DAY); // Wednesday: the 2nd working day after dispatch
    expect(
      (
        await head.request('POST', `/api/complaints/${id}/return`, {
          version: d.version,
          reason: '不属于本部门职责',
        })
      ).status,
    ).toBe(200);
    d = await detail(id);
    expect(d.returnPending).toBe(true);
    expect(d.actions).toContain('decide_return');
    const re = await sup.request('POST', `/api/complaints/${id}/decide-return`, {
      version: d.version,
      accept: true,
      leadDepartmentId: health,
      note: '改派卫健',
    });
    expect(re.status).toBe(200);
    d = await detail(id);
    expect(d.heldByDepartmentId).toBe(health);
    expect(d.holdings).toHaveLength(2);
    expect(d.holdings[0]).toMatchObject({ departmentId: market, endedBy: 'returned', workingDays: 2 });
    const noCallback = await sup.request('POST', `/api/complaints/${id}/close`, { version: d.version });
    expect(noCallback.status).toBe(409);
    expect(noCallback.body.code).toBe('COMPLAINT_NO_REPLY');
    expect(
      (
        await clerk2.request('POST', `/api/complaints/${id}/reply`, {
          version: d.version,
          text: '已约谈窗口人员并道歉',
        })
      ).status,
    ).toBe(200);
    d = await detail(id);
    const early = await sup.request('POST', `/api/complaints/${id}/close`, { version: d.version });
    expect(early.body.code).toBe('COMPLAINT_NO_CALLBACK');
    expect(
      (
        await clerk2.request('POST', `/api/complaints/${id}/callback`, {
          version: d.version,
          result: 'satisfied',
          note: 'x',
        })
      ).status,
    ).toBe(403);
    expect(
      (
        await sup.request('POST', `/api/complaints/${id}/callback`, {
          version: d.version,
          result: 'satisfied',
          note: '电话回访，满意',
        })
      ).status,
    ).toBe(200);
    d = await detail(id);
    expect((await sup.request('POST', `/api/complaints/${id}/close`, { version: d.version })).status).toBe(
      200,
    );
    d = await detail(id);
    expect(d.status).toBe('closed');
    expect(d.replyText).toBe('已约谈窗口人员并道歉');
    await travel(0);
  });

  it('CPL-2: a 退单 past 2 working days is refused and changes nothing', async () => {
    const id = await intake();
    let d = await detail(id);
    await sup.request('POST', `/api/complaints/${id}/dispatch`, {
      version: d.version,
      leadDepartmentId: market,
    });
    d = await detail(id);
    await travel(3 * DAY); // Thursday: the 3rd working day
    const r = await head.request('POST', `/api/complaints/${id}/return`, {
      version: d.version,
      reason: '非本部门',
    });
    expect(r.status).toBe(409);
    expect(r.body.code).toBe('COMPLAINT_RETURN_TOO_LATE');
    expect((await detail(id)).version).toBe(d.version);
    await travel(0);
  });

  it('SOD-2: the one who handled a matter does not call it back; not satisfied reopens once and flags', async () => {
    const id = await intake({ source: 'unresolved_window', type: 'help' });
    let d = await detail(id);
    const co = await sup.request('POST', `/api/complaints/${id}/coordinate`, {
      version: d.version,
      outcome: 'explained',
      note: '已解释政策',
    });
    expect(co.status).toBe(200);
    d = await detail(id);
    const self = await sup.request('POST', `/api/complaints/${id}/callback`, {
      version: d.version,
      result: 'satisfied',
      note: '自己回访',
    });
    expect(self.status).toBe(403);
    expect(self.body.code).toBe('COMPLAINT_CALLBACK_BY_HANDLER');
    expect((await detail(id)).version).toBe(d.version);

    const id2 = await intake();
    d = await detail(id2);
    await sup.request('POST', `/api/complaints/${id2}/dispatch`, {
      version: d.version,
      leadDepartmentId: market,
    });
    d = await detail(id2);
    await head.request('POST', `/api/complaints/${id2}/reply`, { version: d.version, text: '已整改' });
    d = await detail(id2);
    await leader.request('POST', `/api/complaints/${id2}/callback`, {
      version: d.version,
      result: 'unsatisfied',
      note: '仍不满意',
    });
    d = await detail(id2);
    expect(d).toMatchObject({
      status: 'handling',
      reopenCount: 1,
      flagged: true,
      heldByDepartmentId: market,
    });
    await head.request('POST', `/api/complaints/${id2}/reply`, { version: d.version, text: '再次整改' });
    d = await detail(id2);
    await leader.request('POST', `/api/complaints/${id2}/callback`, {
      version: d.version,
      result: 'unsatisfied',
      note: '还是不满意',
    });
    d = await detail(id2);
    expect(d).toMatchObject({ status: 'replied', reopenCount: 1, callbackResult: 'unsatisfied' });
  });

  it('CPL-3: merged duplicates keep their own reply and callback; close waits for every callback', async () => {
    const a = await intake({ title: '大厅空调不制冷' });
    const b = await intake({ title: '大厅太热', complainantName: '李莫愁', phone: '13700002222' });
    let db = await detail(b);
    expect(
      (await sup.request('POST', `/api/complaints/${b}/merge`, { version: db.version, intoId: a })).status,
    ).toBe(200);
    let da = await detail(a);
    await sup.request('POST', `/api/complaints/${a}/dispatch`, {
      version: da.version,
      leadDepartmentId: market,
    });
    da = await detail(a);
    await head.request('POST', `/api/complaints/${a}/reply`, { version: da.version, text: '已维修空调' });
    db = await detail(b);
    expect(db).toMatchObject({ status: 'merged', replyText: '已维修空调' });
    da = await detail(a);
    await sup.request('POST', `/api/complaints/${a}/callback`, {
      version: da.version,
      result: 'satisfied',
      note: '满意',
    });
    da = await detail(a);
    const r = await sup.request('POST', `/api/complaints/${a}/close`, { version: da.version });
    expect(r.body.code).toBe('COMPLAINT_MERGED_NOT_CALLED_BACK');
    await sup.request('POST', `/api/complaints/${b}/callback`, {
      version: db.version,
      result: 'satisfied',
      note: '满意',
    });
    expect((await sup.request('POST', `/api/complaints/${a}/close`, { version: da.version })).status).toBe(
      200,
    );
    expect((await detail(b)).callbackResult).toBe('satisfied');
  });

  it('CPL-3: a merge across regions is refused and changes nothing', async () => {
    const here = await intake();
    const there = await intakeComplaint(
      t.deps,
      SYSTEM_ACTOR,
      {
        source: 'window',
        type: 'complain',
        title: '乡镇便民中心',
        content: '便民中心无人值守',
        anonymous: true,
        complainantName: '',
        phone: '',
        externalNo: null,
        address: '',
        relatedCaseId: null,
        subjectKind: 'none',
        subjectId: null,
        subjectLabel: '',
      },
      '350999100000',
    );
    const d = await detail(here);
    const r = await sup.request('POST', `/api/complaints/${here}/merge`, {
      version: d.version,
      intoId: there.id,
    });
    expect(r.status).toBe(409);
    expect(r.body.code).toBe('COMPLAINT_MERGE_CROSS_REGION');
    expect((await detail(here)).status).toBe('received');
  });

  it('督办: a late order is listed for supervision and sends a to-do to the department head', async () => {
    const id = await intake({ type: 'consult', anonymous: true, complainantName: '', phone: '' });
    let d = await detail(id);
    await sup.request('POST', `/api/complaints/${id}/dispatch`, {
      version: d.version,
      leadDepartmentId: market,
    });
    await travel(14 * DAY);
    const overdue = await listOverdueComplaints(t.deps, actorOf(sup, '督查'));
    expect(overdue.map((o) => o.id)).toContain(id);
    d = await detail(id);
    expect(d.actions).toContain('supervise');
    expect(
      (await sup.request('POST', `/api/complaints/${id}/supervise`, { version: d.version })).status,
    ).toBe(200);
    const inbox = await head.request('GET', '/api/inbox?filter=todo');
    expect((inbox.body.items as { kind: string }[]).some((i) => i.kind === 'complaints.supervise')).toBe(
      true,
    );
    await travel(0);
  });

  it("complaints about a named staff member count in that person's record", async () => {
    const staffId = '00000000-0000-4000-8000-00000000aaaa';
    await intake({ subjectKind: 'staff', subjectId: staffId, subjectLabel: '某窗口人员' });
    t.clock.advance(60_000);
    await intake({ subjectKind: 'staff', subjectId: staffId, subjectLabel: '某窗口人员' });
    expect(await countComplaintsAboutStaff(t.deps, { regionCode: '350999', staffId })).toBe(2);
    const f = await sup.request('GET', '/api/complaints/figures?by=staff');
    expect(f.body.rows.find((r: { key: string }) => r.key === staffId)).toMatchObject({
      total: 2,
      repeat: 1,
    });
  });

  it('Open311 GeoReport v2: services, requests and a POST answer with the field list, no personal data', async () => {
    const s = await call(t.app, 'GET', '/open311/v2/services.json');
    expect(s.status).toBe(200);
    expect(s.body[0]).toEqual(
      expect.objectContaining({
        service_code: expect.any(String),
        service_name: expect.any(String),
        metadata: false,
        type: 'batch',
      }),
    );
    expect((await call(t.app, 'GET', '/open311/v2/services')).status).toBe(200);
    const p = await call(t.app, 'POST', '/open311/v2/requests.json', {
      service_code: 'suggest',
      description: '建议大厅增加自助复印机',
      lat: 26.1,
      long: 119.3,
      first_name: '一',
      last_name: '王',
      phone: '13600003333',
    });
    expect(p.status).toBe(201);
    const rid = p.body[0].service_request_id;
    const one = await call(t.app, 'GET', `/open311/v2/requests/${rid}.json`);
    expect(one.status).toBe(200);
    Open311Request.parse(one.body[0]);
    expect(one.body[0]).toMatchObject({
      service_request_id: rid,
      status: 'open',
      service_code: 'suggest',
      lat: 26.1,
      long: 119.3,
    });
    expect(JSON.stringify(one.body)).not.toMatch(/13600003333|王一/);
    const list = await call(t.app, 'GET', '/open311/v2/requests.json?status=open');
    expect(list.status).toBe(200);
    for (const r of list.body) Open311Request.parse(r);
    expect((await call(t.app, 'GET', '/open311/v2/requests/TS0000.json')).status).toBe(404);
  });

  it('the public online form files an order and is rate-limited (SEC-2)', async () => {
    const r = await call(t.app, 'POST', '/api/public/complaints', {
      regionCode: '350999',
      type: 'suggest',
      title: '建议延长午间服务',
      content: '中午也希望能办理',
      anonymous: true,
    });
    expect(r.status).toBe(201);
    expect(r.body.orderNo).toMatch(/^TS2026/);
    const unknown = await call(t.app, 'POST', '/api/public/complaints', {
      regionCode: '111111',
      type: 'suggest',
      title: 'x',
      content: 'y',
      anonymous: true,
    });
    expect(unknown.status).toBe(400);
  });

  it("意见簿: the page's photo is stored as the complaint's file; other channels and wrong files are refused", async () => {
    // WebP's signature is ASCII: the test client sends the body as text.
    const PAGE = Buffer.from('RIFF0000WEBPVP8 comment book page');
    const upload = (
      c: Client,
      id: string,
      version: number,
      file = { name: 'page.webp', type: 'image/webp', bytes: PAGE },
    ) => {
      const up = multipart(file);
      return c.request(
        'POST',
        `/api/complaints/${id}/photo?version=${version}`,
        up.payload.toString('latin1'),
        {
          'content-type': up.contentType,
        },
      );
    };
    const id = await intake({ source: 'comment_book', type: 'suggest', title: '意见簿：等候区座椅不足' });
    let d = await detail(id);
    // A renamed file (not a PNG) is refused and changes nothing.
    const fake = await upload(clerk, id, d.version, {
      name: 'x.png',
      type: 'image/png',
      bytes: Buffer.from('not a png'),
    });
    expect(fake.status).toBe(400);
    expect((await detail(id)).version).toBe(d.version);
    const ok = await upload(clerk, id, d.version);
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    d = await detail(id);
    expect(d.photoSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(d.events.map((e: { type: string }) => e.type)).toContain('photo_attached');
    // Whoever may read the complaint may see the photo; the holding-department-only roles may not.
    expect((await sup.request('GET', `/files/${d.photoSha256}`)).status).toBe(200);
    expect((await head.request('GET', `/files/${d.photoSha256}`)).status).toBe(404);
    // Only comment-book entries carry a page photo.
    const other = await intake();
    const o = await detail(other);
    const refused = await upload(clerk, other, o.version);
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('COMPLAINT_PHOTO_NOT_COMMENT_BOOK');
    expect((await detail(other)).photoSha256).toBeNull();
  });

  it('the leader decides what the 办不成事 window could not solve: assigned to a department, or decided and then called back by someone else', async () => {
    // Assigned: the order is dispatched to the department the leader names; the deadline runs against it.
    const a = await intake({ source: 'unresolved_window', type: 'help', title: '跨部门事项无人牵头' });
    let d = await detail(a);
    expect(
      (
        await clerk.request('POST', `/api/complaints/${a}/escalate`, {
          version: d.version,
          note: '需领导协调',
        })
      ).status,
    ).toBe(200);
    const board = (await leader.request('GET', '/api/complaints/leader')).body;
    const row = board.escalated.find((x: { id: string }) => x.id === a);
    expect(row).toMatchObject({ status: 'escalated', escalationNote: '需领导协调' });
    d = await detail(a, leader);
    expect(d.actions).toContain('lead');
    // Not the leader: refused, nothing changed.
    const bySup = await sup.request('POST', `/api/complaints/${a}/leader-decide`, {
      version: d.version,
      decision: 'decided',
      note: '越权',
    });
    expect(bySup.status).toBe(403);
    // 批示 is for orders under 督办, not for escalated ones.
    const wrong = await leader.request('POST', `/api/complaints/${a}/leader-decide`, {
      version: d.version,
      decision: 'instructed',
      note: '批示',
    });
    expect(wrong.status).toBe(409);
    expect(wrong.body.code).toBe('COMPLAINT_NOT_FOR_LEADER');
    const noDept = await leader.request('POST', `/api/complaints/${a}/leader-decide`, {
      version: d.version,
      decision: 'assigned',
      note: '交办',
    });
    expect(noDept.status).toBe(400);
    expect((await detail(a)).version).toBe(d.version);
    const assigned = await leader.request('POST', `/api/complaints/${a}/leader-decide`, {
      version: d.version,
      decision: 'assigned',
      departmentId: market,
      note: '由市场监管局牵头办理',
    });
    expect(assigned.status, JSON.stringify(assigned.body)).toBe(200);
    d = await detail(a);
    expect(d).toMatchObject({
      status: 'dispatched',
      heldByDepartmentId: market,
      leaderDecision: 'assigned',
      leaderNote: '由市场监管局牵头办理',
    });
    expect(d.holdings.at(-1)).toMatchObject({ departmentId: market, untilAt: null });

    // Decided: the decision is the reply; SOD-2: the leader who decided does not call it back.
    const b = await intake({ source: 'unresolved_window', type: 'help', title: '政策口径不一' });
    d = await detail(b);
    await clerk.request('POST', `/api/complaints/${b}/escalate`, {
      version: d.version,
      note: '窗口无法答复',
    });
    d = await detail(b);
    const decided = await leader.request('POST', `/api/complaints/${b}/leader-decide`, {
      version: d.version,
      decision: 'decided',
      note: '按新政策口径办理，已告知来访人',
    });
    expect(decided.status).toBe(200);
    d = await detail(b);
    expect(d).toMatchObject({
      status: 'replied',
      replyText: '按新政策口径办理，已告知来访人',
      leaderDecision: 'decided',
    });
    const self = await leader.request('POST', `/api/complaints/${b}/callback`, {
      version: d.version,
      result: 'satisfied',
      note: '自己回访',
    });
    expect(self.body.code).toBe('COMPLAINT_CALLBACK_BY_HANDLER');
    expect(
      (
        await sup.request('POST', `/api/complaints/${b}/callback`, {
          version: d.version,
          result: 'satisfied',
          note: '满意',
        })
      ).status,
    ).toBe(200);
    d = await detail(b);
    expect((await sup.request('POST', `/api/complaints/${b}/close`, { version: d.version })).status).toBe(
      200,
    );
    expect((await detail(b)).status).toBe('closed');
    const decidedList = (await leader.request('GET', '/api/complaints/leader')).body.decided;
    expect(decidedList.map((x: { id: string }) => x.id)).toEqual(expect.arrayContaining([a, b]));
  });

  it('派单目录: every published version is kept and can be read; publishing is audited', async () => {
    const before = (await sup.request('GET', '/api/complaints/catalog/versions')).body.items.length;
    const v1 = await sup.request('POST', '/api/complaints/catalog', {
      note: '第一版',
      rules: [{ type: 'complain', leadDepartmentId: market, explanation: '投诉由市场监管局主办' }],
    });
    expect(v1.status).toBe(201);
    const v2 = await sup.request('POST', '/api/complaints/catalog', {
      note: '第二版',
      rules: [
        {
          type: 'complain',
          leadDepartmentId: health,
          assistDepartmentIds: [market],
          explanation: '改由卫健主办',
        },
      ],
    });
    expect(v2.body.version).toBe(v1.body.version + 1);
    const list = (await sup.request('GET', '/api/complaints/catalog/versions')).body.items;
    expect(list.length).toBe(before + 2);
    expect(list[0]).toMatchObject({ version: v2.body.version, note: '第二版', rules: 1 });
    const old = (await head.request('GET', `/api/complaints/catalog/versions/${v1.body.version}`)).body;
    expect(old.rules[0]).toMatchObject({ leadDepartmentId: market, explanation: '投诉由市场监管局主办' });
    expect((await sup.request('GET', '/api/complaints/catalog')).body.version).toBe(v2.body.version);
    expect((await sup.request('GET', '/api/complaints/catalog/versions/999999')).status).toBe(404);
    // A rule naming no known department: refused, no new version.
    const bad = await sup.request('POST', '/api/complaints/catalog', {
      rules: [{ type: 'help', leadDepartmentId: '00000000-0000-4000-8000-0000000000c9', explanation: 'x' }],
    });
    expect(bad.status).toBe(400);
    expect((await sup.request('GET', '/api/complaints/catalog/versions')).body.items.length).toBe(before + 2);
    const published = await t.deps.db
      .selectFrom('auditLog')
      .select('entityId')
      .where('action', '=', 'complaint.catalog.publish')
      .execute();
    expect(published.map((r) => r.entityId)).toEqual(
      expect.arrayContaining([`350999:${v1.body.version}`, `350999:${v2.body.version}`]),
    );
  });
});
