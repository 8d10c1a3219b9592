import ExcelJS from 'exceljs';
import mammoth from 'mammoth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CSRF_HEADER, SESSION_COOKIE } from '@tongban/contracts';
import { call, createTestApp, dbKinds, DEMO_PASSWORD, signIn, type Client, type TestApp } from './harness';
import { countRows, multipart as multipartBody } from './factories/http';
import { DEMO_CASES } from '../src/demo/seed-cases-demo';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The upload of a catalog sheet, as a browser sends it. */
const multipart = (bytes: Buffer, filename = 'catalog.xlsx') =>
  multipartBody({ name: filename, type: XLSX_TYPE, bytes });

describe.each(dbKinds())('catalog (%s)', (kind) => {
  let t: TestApp;
  let admin: Client;
  let supervisor: Client;
  let depthead: Client;
  let marketId: string;
  let healthId: string;

  const audits = async (action: string) =>
    (await t.deps.db.selectFrom('auditLog').select('entityId').where('action', '=', action).execute()).length;

  const catalogRows = async () => ({
    items: await countRows(t.deps.db, 'catalog_item'),
    versions: await countRows(t.deps.db, 'catalog_item_version'),
    materials: await countRows(t.deps.db, 'catalog_material'),
  });

  /** Raw session headers, for binary bodies and replies (the harness client speaks JSON). */
  async function session(username: string) {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username, password: DEMO_PASSWORD },
    });
    const cookie = res.cookies.find((c) => c.name === SESSION_COOKIE)!.value;
    return {
      cookie: `${SESSION_COOKIE}=${cookie}`,
      [CSRF_HEADER]: (res.json() as { csrfToken: string }).csrfToken,
    };
  }

  async function importSheet(username: string, bytes: Buffer) {
    const { payload, contentType } = multipart(bytes);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/catalog/import',
      payload,
      headers: { ...(await session(username)), 'content-type': contentType },
    });
    return { status: res.statusCode, body: res.json() };
  }

  async function exportSheet(username: string) {
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/catalog/export.xlsx',
      headers: await session(username),
    });
    expect(res.statusCode, res.body).toBe(200);
    return res.rawPayload;
  }

  function fullItem(code: string, over: Record<string, unknown> = {}) {
    return {
      itemCode: code,
      name: '食品生产许可（测试）',
      itemType: 'licensing',
      departmentId: marketId,
      legalBasis: [{ name: '《中华人民共和国食品安全法》', article: '第三十五条' }],
      acceptanceConditions: '具有与生产的食品品种、数量相适应的生产场所',
      handling: 'promised',
      legalLimitDays: 20,
      promisedLimitDays: 10,
      location: '云溪县政务服务中心二楼',
      hours: '工作日',
      consultPhone: '0599-7712301',
      complaintPhone: '12345',
      maxVisits: 0,
      onlineLevel: 'full_online',
      materials: [
        { name: '食品生产许可申请书', requirement: 'required', form: 'original' },
        { name: '委托书', requirement: 'conditional', condition: '委托他人办理的', form: 'copy' },
      ],
      guides: { zh: { name: '食品生产许可', conditions: '具备生产条件', process: '受理→审查→决定→办结' } },
      ...over,
    };
  }

  beforeAll(async () => {
    t = await createTestApp(kind);
    admin = await signIn(t.app, 'admin');
    supervisor = await signIn(t.app, 'supervisor');
    depthead = await signIn(t.app, 'depthead');
    const depts = await t.deps.db.selectFrom('department').select(['id', 'name']).execute();
    marketId = depts.find((d) => d.name === '云溪县市场监督管理局')!.id;
    healthId = depts.find((d) => d.name === '云溪县卫生健康局')!.id;
  });
  afterAll(() => t.close());

  it('the demo catalog is seeded and published, with a pending draft of 食品经营许可', async () => {
    const r = await admin.request('GET', '/api/catalog/items?pageSize=100');
    expect(r.status).toBe(200);
    expect(r.body.total).toBeGreaterThanOrEqual(28);
    const food = r.body.items.find((i: { name: string }) => i.name === '食品经营许可');
    expect(food).toMatchObject({
      status: 'published',
      hasPendingDraft: true,
      latestVersionNo: 2,
      publishedVersionNo: 1,
    });
  });

  it('create → publish → edit makes draft v2 while v1 stays live and unchanged → publish v2 supersedes v1', async () => {
    const created = await depthead.request('POST', '/api/catalog/items', fullItem('T-0001'));
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body).toMatchObject({ versionNo: 1, status: 'draft', namePinyinInitials: 'spscxkcs' });
    const itemId = created.body.itemId as string;
    const v1Id = created.body.id as string;

    // dept_head may write but not publish.
    expect(
      (await depthead.request('POST', `/api/catalog/items/${itemId}/publish`, { versionId: v1Id })).status,
    ).toBe(403);
    const pub1 = await supervisor.request('POST', `/api/catalog/items/${itemId}/publish`, {
      versionId: v1Id,
    });
    expect(pub1.status, JSON.stringify(pub1.body)).toBe(200);
    expect(pub1.body.status).toBe('published');
    expect(await audits('catalog.item.publish')).toBeGreaterThan(0);

    // A published version cannot be patched.
    const refused = await depthead.request('PATCH', `/api/catalog/versions/${v1Id}`, {
      promisedLimitDays: 8,
    });
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('CATALOG_VERSION_IMMUTABLE');

    const draft = await depthead.request('POST', `/api/catalog/items/${itemId}/drafts`, {
      fromVersionId: v1Id,
      changes: { promisedLimitDays: 7 },
    });
    expect(draft.status, JSON.stringify(draft.body)).toBe(201);
    expect(draft.body).toMatchObject({ versionNo: 2, status: 'draft', promisedLimitDays: 7 });
    const v2Id = draft.body.id as string;
    // A second draft is refused; the draft itself is editable.
    expect(
      (await depthead.request('POST', `/api/catalog/items/${itemId}/drafts`, { fromVersionId: v1Id })).body
        .code,
    ).toBe('CATALOG_DRAFT_EXISTS');
    const patched = await depthead.request('PATCH', `/api/catalog/versions/${v2Id}`, {
      materials: [
        { name: '食品生产许可申请书', requirement: 'required', form: 'original', copies: 2 },
        { name: '营业执照', requirement: 'required', form: 'electronic' },
      ],
    });
    expect(patched.status, JSON.stringify(patched.body)).toBe(200);

    // The public still sees v1, unchanged.
    const live = await call(t.app, 'GET', `/api/public/catalog/items/${itemId}/guide`);
    expect(live.status).toBe(200);
    expect(live.body.item).toMatchObject({ versionNo: 1, promisedLimitDays: 10 });
    expect(live.body.item.materials).toHaveLength(2);

    const diff = await admin.request('GET', `/api/catalog/items/${itemId}/diff?from=${v1Id}&to=${v2Id}`);
    expect(diff.status).toBe(200);
    expect(diff.body.fields.map((f: { field: string }) => f.field)).toEqual(['promisedLimitDays']);
    expect(diff.body.materials).toEqual({
      added: ['营业执照'],
      removed: ['委托书'],
      changed: [{ name: '食品生产许可申请书', fields: [{ field: 'copies', label: '份数', from: 1, to: 2 }] }],
    });

    const pub2 = await admin.request('POST', `/api/catalog/items/${itemId}/publish`, { versionId: v2Id });
    expect(pub2.status).toBe(200);
    const v1 = await admin.request('GET', `/api/catalog/versions/${v1Id}`);
    expect(v1.body).toMatchObject({ status: 'superseded', promisedLimitDays: 10 });
    expect(v1.body.materials.map((m: { name: string }) => m.name)).toEqual(['食品生产许可申请书', '委托书']);
    // A superseded version is history: refused too.
    expect((await admin.request('PATCH', `/api/catalog/versions/${v1Id}`, { name: '改名' })).status).toBe(
      409,
    );
    const versions = await admin.request('GET', `/api/catalog/items/${itemId}/versions`);
    expect(versions.body.items.map((v: { status: string }) => v.status)).toEqual(['published', 'superseded']);
    const guide = await call(t.app, 'GET', `/api/public/catalog/items/${itemId}/guide`);
    expect(guide.body.item).toMatchObject({ versionNo: 2, promisedLimitDays: 7 });

    // Stale edit: starting from v1 after v2 went live.
    expect(
      (await depthead.request('POST', `/api/catalog/items/${itemId}/drafts`, { fromVersionId: v1Id })).body
        .code,
    ).toBe('CATALOG_STALE_VERSION');

    // Retire: nothing stays live.
    const retired = await supervisor.request('POST', `/api/catalog/items/${itemId}/retire`, {
      reason: '事项已合并',
    });
    expect(retired.status).toBe(200);
    expect((await call(t.app, 'GET', `/api/public/catalog/items/${itemId}/guide`)).status).toBe(404);
    expect(await audits('catalog.item.retire')).toBe(1);
  });

  it('an application is filed under the version published now, also after this process saw an earlier one; a retired item takes none', async () => {
    const clerk = await signIn(t.app, 'clerk');
    const created = await depthead.request('POST', '/api/catalog/items', fullItem('T-0009'));
    const itemId = created.body.itemId as string;
    const v1Id = created.body.id as string;
    expect(
      (await supervisor.request('POST', `/api/catalog/items/${itemId}/publish`, { versionId: v1Id })).status,
    ).toBe(200);
    const apply = () =>
      clerk.request('POST', '/api/cases', {
        itemId,
        applicantId: DEMO_CASES.personApplicantId,
        materials: [{ name: '食品生产许可申请书', status: 'provided' }],
      });
    const first = await apply();
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    expect(first.body.itemVersionId).toBe(v1Id);
    // v2 goes live: the next application names it (the process's remembered v1 is checked, not trusted).
    const v2Id = (
      await depthead.request('POST', `/api/catalog/items/${itemId}/drafts`, { fromVersionId: v1Id })
    ).body.id as string;
    expect(
      (await depthead.request('PATCH', `/api/catalog/versions/${v2Id}`, { promisedLimitDays: 7 })).status,
    ).toBe(200);
    expect(
      (await supervisor.request('POST', `/api/catalog/items/${itemId}/publish`, { versionId: v2Id })).status,
    ).toBe(200);
    const second = await apply();
    expect(second.status, JSON.stringify(second.body)).toBe(201);
    expect(second.body.itemVersionId).toBe(v2Id);
    // Retired: refused, and no case, event or number is left behind.
    expect(
      (await supervisor.request('POST', `/api/catalog/items/${itemId}/retire`, { reason: '事项已合并' }))
        .status,
    ).toBe(200);
    const before = {
      cases: await countRows(t.deps.db, 'service_case'),
      events: await countRows(t.deps.db, 'case_event'),
    };
    const third = await apply();
    expect(third.status).toBe(404);
    expect(third.body.code).toBe('CATALOG_NOT_PUBLISHED');
    expect({
      cases: await countRows(t.deps.db, 'service_case'),
      events: await countRows(t.deps.db, 'case_event'),
    }).toEqual(before);
  });

  it('rules are enforced on save, each with its code', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ promisedLimitDays: 30 }, 'CATALOG_PROMISED_EXCEEDS_LEGAL'],
      [{ handling: 'instant' }, 'CATALOG_INSTANT_LIMITS'],
      [{ steps: ['受理', '初审', '复审', '决定', '办结'] }, 'CATALOG_STEPS_3_PLUS_1'],
      [
        { materials: [{ name: '委托书', requirement: 'conditional', form: 'copy' }] },
        'CATALOG_MATERIAL_CONDITION_MISSING',
      ],
    ];
    for (const [over, code] of cases) {
      const r = await admin.request('POST', '/api/catalog/items', fullItem(`RULE-${code}`, over));
      expect(r.status, code).toBe(400);
      expect(r.body.code).toBe(code);
      expect(r.body.message).toMatch(/[\u4e00-\u9fa5]/);
    }
    await admin.request('POST', '/api/catalog/items', fullItem('DUP-1'));
    const dup = await admin.request('POST', '/api/catalog/items', fullItem('DUP-1'));
    expect(dup.status).toBe(409);
    expect(dup.body.code).toBe('CATALOG_DUPLICATE_CODE');
  });

  it('publishing an incomplete draft lists every missing element', async () => {
    const r = await admin.request('POST', '/api/catalog/items', {
      itemCode: 'INCOMPLETE-1',
      name: '不完整事项',
      itemType: 'filing',
      departmentId: healthId,
    });
    expect(r.status).toBe(201);
    const before = await audits('catalog.item.publish');
    const p = await admin.request('POST', `/api/catalog/items/${r.body.itemId}/publish`, {
      versionId: r.body.id,
    });
    expect(p.status).toBe(400);
    expect(p.body.code).toBe('CATALOG_INCOMPLETE');
    expect(p.body.details.missing.map((m: { field: string }) => m.field)).toEqual(
      expect.arrayContaining(['legalBasis', 'acceptanceConditions', 'handling', 'materials', 'guides.zh']),
    );
    expect(p.body.message).toContain('设定依据');
    expect(await audits('catalog.item.publish')).toBe(before);
  });

  it('public search: name, pinyin initials spjy, full pinyin, filters, pagination', async () => {
    const spjy = await call(t.app, 'GET', '/api/public/catalog/items?q=spjy');
    expect(spjy.status).toBe(200);
    expect(spjy.body.items.map((i: { name: string }) => i.name)).toContain('食品经营许可');
    const full = await call(t.app, 'GET', '/api/public/catalog/items?q=shipinjingying');
    expect(full.body.items.map((i: { name: string }) => i.name)).toContain('食品经营许可');
    const byName = await call(t.app, 'GET', `/api/public/catalog/items?q=${encodeURIComponent('婚')}`);
    expect(byName.body.items.map((i: { name: string }) => i.name).sort()).toEqual(['离婚登记', '结婚登记']);
    // Drafts are never public: the pending v2 of 食品经营许可 is not what is found.
    const food = spjy.body.items.find((i: { name: string }) => i.name === '食品经营许可');
    const guide = await call(t.app, 'GET', `/api/public/catalog/items/${food.itemId}/guide`);
    expect(guide.body.item.versionNo).toBe(1);

    const zero = await call(
      t.app,
      'GET',
      '/api/public/catalog/items?maxVisits=0&onlineLevel=full_online&pageSize=100',
    );
    expect(zero.body.total).toBeGreaterThan(5);
    expect(
      zero.body.items.every(
        (i: { maxVisits: number; onlineLevel: string }) =>
          i.maxVisits === 0 && i.onlineLevel === 'full_online',
      ),
    ).toBe(true);
    const dept = await call(
      t.app,
      'GET',
      `/api/public/catalog/items?departmentId=${healthId}&itemType=licensing`,
    );
    expect(dept.body.items.length).toBeGreaterThan(0);
    expect(dept.body.items.every((i: { departmentId: string }) => i.departmentId === healthId)).toBe(true);
    const page2 = await call(t.app, 'GET', '/api/public/catalog/items?pageSize=5&page=2');
    expect(page2.body.items).toHaveLength(5);
    expect(page2.body.total).toBeGreaterThan(10);
    const bad = await call(t.app, 'GET', '/api/public/catalog/items?onlineLevel=teleport');
    expect(bad.status).toBe(400);
    expect(bad.body.message).toMatch(/[\u4e00-\u9fa5]/);
  });

  it('public search shows a renamed department at once: the rename moves the catalog revision (ADR 0006, no trigger)', async () => {
    const hits = async () =>
      (await call(t.app, 'GET', `/api/public/catalog/items?departmentId=${healthId}&pageSize=100`)).body
        .items as {
        departmentName: string;
      }[];
    expect((await hits())[0]!.departmentName).toBe('云溪县卫生健康局');
    const renamed = await admin.request('PATCH', `/api/org/departments/${healthId}`, {
      name: '云溪县卫生健康委员会',
    });
    expect(renamed.status).toBe(200);
    expect(new Set((await hits()).map((i) => i.departmentName))).toEqual(new Set(['云溪县卫生健康委员会']));
    await admin.request('PATCH', `/api/org/departments/${healthId}`, { name: '云溪县卫生健康局' });
    expect((await hits())[0]!.departmentName).toBe('云溪县卫生健康局');
  });

  it('guides per language, 404 naming the available ones, .docx and QR code', async () => {
    const hits = await call(t.app, 'GET', `/api/public/catalog/items?q=${encodeURIComponent('居留')}`);
    const permit = hits.body.items[0];
    expect(permit.languages).toEqual(['zh', 'en', 'ru', 'ko']);
    const ru = await call(t.app, 'GET', `/api/public/catalog/items/${permit.itemId}/guide?lang=ru`);
    expect(ru.status).toBe(200);
    expect(ru.body.guide.name).toContain('Вид на жительство');

    const divorce = (await call(t.app, 'GET', `/api/public/catalog/items?q=lhdj`)).body.items[0];
    const missing = await call(t.app, 'GET', `/api/public/catalog/items/${divorce.itemId}/guide?lang=en`);
    expect(missing.status).toBe(404);
    expect(missing.body.code).toBe('CATALOG_GUIDE_LANG_MISSING');
    expect(missing.body.details.availableLangs).toEqual(['zh']);

    const docx = await t.app.inject({
      method: 'GET',
      url: `/api/public/catalog/items/${permit.itemId}/guide.docx?lang=en`,
    });
    expect(docx.statusCode).toBe(200);
    const text = (await mammoth.extractRawText({ buffer: docx.rawPayload })).value;
    expect(text).toContain('Residence Permit for Foreigners');
    expect(text).toContain('Documents required');
    const zhDocx = await t.app.inject({
      method: 'GET',
      url: `/api/public/catalog/items/${divorce.itemId}/guide.docx`,
    });
    const zhText = (await mammoth.extractRawText({ buffer: zhDocx.rawPayload })).value;
    expect(zhText).toContain('离婚登记');
    expect(zhText).toContain('离婚协议书');

    const qr = await t.app.inject({
      method: 'GET',
      url: `/api/public/catalog/items/${permit.itemId}/qr.svg`,
    });
    expect(qr.statusCode).toBe(200);
    expect(qr.headers['content-type']).toContain('image/svg+xml');
    expect(qr.body).toContain('<svg');
    expect(String(qr.headers['x-guide-url'])).toMatch(new RegExp(`/guide/${permit.itemId}$`));
  });

  it('figures are computed from the published catalog', async () => {
    const f = await admin.request('GET', '/api/catalog/figures');
    expect(f.status).toBe(200);
    const published = (await call(t.app, 'GET', '/api/public/catalog/items?regionCode=350999&pageSize=1'))
      .body.total;
    expect(f.body.total).toBe(published);
    expect(f.body.byType.reduce((s: number, x: { count: number }) => s + x.count, 0)).toBe(published);
    expect(f.body.byDepartment.reduce((s: number, x: { count: number }) => s + x.count, 0)).toBe(published);
    const online = (
      await call(
        t.app,
        'GET',
        '/api/public/catalog/items?onlineLevel=full_online&regionCode=350999&pageSize=1',
      )
    ).body.total;
    expect(f.body.fullyOnline.count).toBe(online);
    expect(f.body.fullyOnline.share).toBeCloseTo(online / published, 3);
    const zero = (
      await call(t.app, 'GET', '/api/public/catalog/items?maxVisits=0&regionCode=350999&pageSize=1')
    ).body.total;
    expect(f.body.zeroVisit.count).toBe(zero);
    expect(f.body.hallExempt.items.map((i: { name: string }) => i.name)).toContain('民用枪支持枪证件核发');
  });

  it('export then re-import is a no-op; a changed row publishes a new version', async () => {
    const exp = await exportSheet('admin');
    const before = await catalogRows();
    const again = await importSheet('admin', exp);
    expect(again.status, JSON.stringify(again.body)).toBe(200);
    expect(again.body.created).toEqual([]);
    expect(again.body.updated).toEqual([]);
    expect(again.body.unchanged.length).toBeGreaterThanOrEqual(28);
    expect(await catalogRows()).toEqual(before);

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(exp as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('事项')!;
    let row = 0;
    ws.eachRow((r, n) => {
      if (r.getCell(2).value === '结婚登记') row = n;
    });
    ws.getRow(row).getCell(13).value = '工作日 8:30—17:30（周六上午预约办理）';
    // A brand-new item, with its material on the 材料 sheet.
    const newRow = ws.addRow([...(ws.getRow(row).values as unknown[]).slice(1)]);
    newRow.getCell(1).value = 'NEW-0001';
    newRow.getCell(2).value = '补领结婚证';
    wb.getWorksheet('材料')!.addRow(['NEW-0001', 1, '申请人居民身份证', '必要', '', '原件', 1, '否', '', '']);
    const changed = await importSheet('admin', Buffer.from(await wb.xlsx.writeBuffer()));
    expect(changed.status, JSON.stringify(changed.body)).toBe(200);
    expect(changed.body.updated).toHaveLength(1);
    expect(changed.body.created).toEqual(['NEW-0001']);
    const hit = (await call(t.app, 'GET', `/api/public/catalog/items?q=${encodeURIComponent('补领结婚证')}`))
      .body.items[0];
    expect(hit).toBeDefined();
    expect(await audits('catalog.import')).toBe(1);
  });

  it('import is all-or-nothing: a bad row aborts everything and reports sheet and row', async () => {
    const exp = await exportSheet('supervisor');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(exp as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('事项')!;
    ws.getRow(2).getCell(2).value = '改过名字的事项'; // a good change that must not be saved
    ws.getRow(4).getCell(9).value = 999; // promised > legal
    ws.getRow(6).getCell(4).value = '不存在的局';
    wb.getWorksheet('材料')!.addRow(['NO-SUCH-ITEM', 1, '某材料', '必要', '', '原件', 1, '否', '', '']);
    const before = await catalogRows();
    const catalogAudits = async () =>
      (await t.deps.db.selectFrom('auditLog').select('seq').where('action', 'like', 'catalog.%').execute())
        .length;
    const auditBefore = await catalogAudits();
    const r = await importSheet('supervisor', Buffer.from(await wb.xlsx.writeBuffer()));
    expect(r.status).toBe(400);
    expect(r.body.code).toBe('CATALOG_IMPORT_INVALID');
    const problems = r.body.details.problems as { sheet: string; row: number; reason: string }[];
    expect(problems.map((p) => `${p.sheet}:${p.row}`)).toEqual(
      expect.arrayContaining(['事项:4', '事项:6', expect.stringMatching(/^材料:\d+$/)]),
    );
    expect(problems.find((p) => p.row === 4)!.reason).toContain('承诺时限');
    expect(await catalogRows()).toEqual(before);
    expect(await catalogAudits()).toBe(auditBefore);
    const found = await call(t.app, 'GET', `/api/public/catalog/items?q=${encodeURIComponent('改过名字')}`);
    expect(found.body.total).toBe(0);
    // Not a spreadsheet at all.
    const junk = await importSheet('admin', Buffer.from('not a workbook'));
    expect(junk.status).toBe(400);
  });

  it('access: clerk and inspector cannot write; dept_head only its own department', async () => {
    for (const username of ['clerk', 'inspector']) {
      const c = await signIn(t.app, username);
      expect((await c.request('GET', '/api/catalog/items')).status).toBe(200);
      const r = await c.request('POST', '/api/catalog/items', fullItem(`X-${username}`));
      expect(r.status).toBe(403);
      const food = (await c.request('GET', '/api/catalog/items?q=spjy')).body.items[0];
      expect(
        (await c.request('PATCH', `/api/catalog/versions/${food.latestVersionId}`, { hours: '全天' })).status,
      ).toBe(403);
      expect((await c.request('POST', `/api/catalog/items/${food.id}/retire`, { reason: '试' })).status).toBe(
        403,
      );
    }
    const other = await depthead.request(
      'POST',
      '/api/catalog/items',
      fullItem('X-OTHER-DEPT', { departmentId: healthId }),
    );
    expect(other.status).toBe(403);
    // Anonymous: staff routes need sign-in.
    expect((await call(t.app, 'GET', '/api/catalog/items')).status).toBe(401);
  });
});
