import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CSRF_HEADER, SESSION_COOKIE } from '@tongban/contracts';
import { DEMO_LEDGER as L } from '../src/demo/seed-ledger-demo';
import { createTestApp, dbKinds, DEMO_PASSWORD, signIn, type Client, type TestApp } from './harness';
import { multipart } from './factories/http';

/**
 * The 整改台账 spreadsheet (docs/ledger-sheet.md): export in the layout offices know, read back
 * into another inspection unchanged, and a sheet with bad rows imports nothing.
 */

const HEADERS = [
  '序号',
  '问题',
  '整改措施',
  '责任领导',
  '责任部门',
  '责任人',
  '完成时限',
  '整改进展',
  '状态',
];
const HEADER_ROW = 3;

type Session = { cookie: string; csrf: string };

async function session(t: TestApp, username: string): Promise<Session> {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username, password: DEMO_PASSWORD },
  });
  const c = res.cookies.find((x) => x.name === SESSION_COOKIE)!;
  return { cookie: `${c.name}=${c.value}`, csrf: (res.json() as { csrfToken: string }).csrfToken };
}

async function download(t: TestApp, s: Session, inspectionId: string) {
  const res = await t.app.inject({
    method: 'GET',
    url: `/api/ledger/inspections/${inspectionId}/ledger.xlsx`,
    headers: { cookie: s.cookie },
  });
  return { status: res.statusCode, headers: res.headers, bytes: res.rawPayload };
}

async function upload(t: TestApp, s: Session, inspectionId: string, bytes: Buffer) {
  const { payload, contentType } = multipart({
    name: 'ledger.xlsx',
    type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    bytes,
  });
  const res = await t.app.inject({
    method: 'POST',
    url: `/api/ledger/inspections/${inspectionId}/import.xlsx`,
    payload,
    headers: {
      'content-type': contentType,
      cookie: s.cookie,
      [CSRF_HEADER]: s.csrf,
    },
  });
  return { status: res.statusCode, body: res.json() };
}

async function load(bytes: Buffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb.getWorksheet('整改台账')!;
}

const text = (c: ExcelJS.Cell) => (c.value instanceof Date ? c.value.toISOString().slice(0, 10) : c.text);

/** Rows below the header, columns 1..n, merged cells read at their top-left only. */
function grid(ws: ExcelJS.Worksheet, n: number): string[][] {
  const out: string[][] = [];
  for (let r = HEADER_ROW + 1; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    out.push(
      Array.from({ length: n }, (_, i) => {
        const c = row.getCell(i + 1);
        return c.master.address === c.address ? text(c) : '';
      }),
    );
  }
  return out;
}

describe.each(dbKinds())('ledger .xlsx export and import (%s)', (kind) => {
  let t: TestApp;
  let leader: Client;
  let sup: Session;
  beforeAll(async () => {
    t = await createTestApp(kind);
    leader = await signIn(t.app, 'leader');
    sup = await session(t, 'supervisor');
  });
  afterAll(() => t.close());

  const count = async (table: 'ledgerCategory' | 'ledgerFinding' | 'ledgerMeasure' | 'auditLog') =>
    Number(
      (
        await t.deps.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const newInspection = async (team: string) => {
    const r = await leader.request('POST', '/api/ledger/inspections', {
      kind: 'xuncha',
      team,
      inspectedUnit: '云溪县行政审批服务局',
    });
    expect(r.status).toBe(201);
    return r.body.id as string;
  };

  it('exports the layout offices know: headers, category rows, overdue in red, frozen header, A4 landscape', async () => {
    const r = await download(t, sup, L.inspectionId);
    expect(r.status).toBe(200);
    expect(r.headers['content-type']).toContain('spreadsheetml');
    expect(String(r.headers['content-disposition'])).toContain(encodeURIComponent('整改台账'));
    const ws = await load(r.bytes);
    expect(text(ws.getCell(1, 1))).toBe('云溪县行政审批服务局巡察反馈问题整改台账');
    expect(HEADERS.map((_, i) => text(ws.getCell(HEADER_ROW, i + 1)))).toEqual(HEADERS);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: HEADER_ROW });
    expect(ws.pageSetup).toMatchObject({ orientation: 'landscape', paperSize: 9, fitToPage: true });
    expect(ws.getColumn(2).width).toBeGreaterThan(30);
    expect(ws.getColumn(1).width).toBeLessThan(10);

    const rows = grid(ws, 9);
    // Three categories in order, 一、二、三、, each a merged row of its own.
    const cats = rows.filter((c) => /^[一二三]、/.test(c[0]!));
    expect(cats.map((c) => c[0]!.slice(0, 2))).toEqual(['一、', '二、', '三、']);
    expect(cats.every((c) => c.slice(1).every((x) => x === ''))).toBe(true);
    // 11 measures across 8 findings.
    expect(rows.filter((c) => c[2] !== '' && !/^[一二三]、/.test(c[0]!))).toHaveLength(11);
    expect(rows.filter((c) => /^\d+$/.test(c[0]!)).map((c) => Number(c[0]))).toEqual([
      1, 2, 3, 4, 5, 6, 7, 8,
    ]);

    // The overdue measure is red with its status; a signed-off one is not.
    const overdueRow =
      rows.findIndex((c) => c[2] === '对推诿情形建立通报制度，每月通报一次') + HEADER_ROW + 1;
    expect(text(ws.getCell(overdueRow, 9))).toBe('已逾期');
    expect(ws.getCell(overdueRow, 3).font?.color?.argb).toBe('FFC00000');
    const doneRow =
      rows.findIndex((c) => c[2] === '按办件来源自动统计网办率，停止人工汇总报表') + HEADER_ROW + 1;
    expect(text(ws.getCell(doneRow, 9))).toBe('已销号');
    expect(ws.getCell(doneRow, 3).font?.color?.argb).toBeUndefined();
    // 完成时限: a real date for 限期整改, the kind's name for 长期坚持.
    expect(ws.getCell(overdueRow, 7).value).toBeInstanceOf(Date);
    expect(rows.some((c) => c[6] === '长期坚持')).toBe(true);
    // The export is audited.
    const audit = await t.deps.db
      .selectFrom('auditLog')
      .select('action')
      .where('entityId', '=', L.inspectionId)
      .where('action', '=', 'ledger.sheet.export')
      .execute();
    expect(audit.length).toBeGreaterThan(0);
  });

  it('a department role exports only its own and its department’s measures', async () => {
    const r = await download(t, await session(t, 'clerk2'), L.inspectionId);
    expect(r.status).toBe(200);
    const rows = grid(await load(r.bytes), 9);
    const measures = rows.filter((c) => c[2] !== '' && !/^[一二三]、/.test(c[0]!));
    // clerk2 sits in 卫生健康局: only the health department's measure.
    expect(measures.map((c) => c[2])).toEqual(['办不成事反映窗口诉求全部录入系统，按月分析并闭环销号']);
    expect(measures.every((c) => c[4] === '云溪县卫生健康局')).toBe(true);
  });

  it('round trip: export → import into another inspection gives the same findings and measures', async () => {
    const exported = await download(t, sup, L.inspectionId);
    const target = await newInspection('县委第三巡察组');
    const r = await upload(t, sup, target, exported.bytes);
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect(r.body).toMatchObject({
      inspectionId: target,
      categories: 3,
      findings: 8,
      measures: 11,
      unchanged: 0,
    });

    const shape = async (id: string) => {
      const d = (await leader.request('GET', `/api/ledger/inspections/${id}`)).body;
      return {
        categories: d.categories.map((c: Record<string, unknown>) => [c.label, c.title, c.depth]),
        findings: d.findings.map((f: Record<string, unknown> & { measures: Record<string, unknown>[] }) => ({
          number: f.number,
          title: f.title,
          description: f.description,
          category: f.categoryLabel,
          measures: f.measures.map((m) => ({
            sortOrder: m.sortOrder,
            content: m.content,
            leader: m.leader,
            departmentId: m.departmentId,
            ownerUserId: m.ownerUserId,
            dueDate: m.dueDate,
            kind: m.kind,
          })),
        })),
      };
    };
    const a = await shape(L.inspectionId);
    const b = await shape(target);
    expect(b).toEqual(a);
    expect(b.findings.flatMap((f: { measures: unknown[] }) => f.measures)).toHaveLength(11);

    // And the sheets agree cell for cell up to 完成时限 (progress and states are not imported).
    const again = await download(t, sup, target);
    expect(grid(await load(again.bytes), 7)).toEqual(grid(await load(exported.bytes), 7));
    // Nothing was signed off by importing (REC-1): every imported measure is open.
    const view = await leader.request('GET', `/api/ledger/measures?inspectionId=${target}`);
    expect(view.body.items.some((m: { status: string }) => m.status === 'signed_off')).toBe(false);
  });

  const recordsGrid = async (bytes: Buffer) => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('问责及成果')!;
    const out: string[][] = [];
    // 问题序号 (column 1) is the finding's number in its own inspection: compared from 问题 on.
    for (let r = 2; r <= ws.rowCount; r++)
      out.push(Array.from({ length: 9 }, (_, i) => ws.getRow(r).getCell(i + 2).text));
    return out;
  };
  const recordCounts = async () => {
    const n = async (
      table:
        | 'ledgerAccountability'
        | 'ledgerRecovery'
        | 'ledgerRegulation'
        | 'ledgerRegulationFinding'
        | 'ledgerLead'
        | 'ledgerFinding'
        | 'ledgerMeasure',
    ) =>
      Number(
        (
          await t.deps.db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    return {
      a: await n('ledgerAccountability'),
      r: await n('ledgerRecovery'),
      g: await n('ledgerRegulation'),
      gf: await n('ledgerRegulationFinding'),
      l: await n('ledgerLead'),
      f: await n('ledgerFinding'),
      m: await n('ledgerMeasure'),
    };
  };

  it('问责、制度、追缴、移交线索 per finding: exported on their own sheet, re-imported, and a repeat adds nothing', async () => {
    const src = (await leader.request('GET', `/api/ledger/inspections/${L.inspectionId}`)).body;
    const findingId = src.findings[1].id as string;
    const lead = await leader.request('POST', `/api/ledger/inspections/${L.inspectionId}/leads`, {
      count: 2,
      date: '2026-11-02',
      findingId,
      receiver: '县纪委监委',
    });
    expect(lead.status, JSON.stringify(lead.body)).toBe(201);
    const rec = await leader.request('POST', `/api/ledger/inspections/${L.inspectionId}/recoveries`, {
      kind: 'recovered',
      amountFen: 123456,
      date: '2026-11-03',
      findingId,
      note: '违规收费',
    });
    expect(rec.status).toBe(201);
    const exported = await download(t, sup, L.inspectionId);
    const rows = await recordsGrid(exported.bytes);
    expect(rows).toContainEqual([
      src.findings[1].title,
      '移交线索',
      '',
      '2',
      '',
      '2026-11-02',
      '县纪委监委',
      '',
      '',
    ]);
    expect(rows).toContainEqual([
      src.findings[1].title,
      '追缴退还',
      '追缴',
      '',
      '1234.56',
      '2026-11-03',
      '',
      '',
      '违规收费',
    ]);
    expect(rows.some((r) => r[1] === '问责')).toBe(true);

    const target = await newInspection('县委第六巡察组');
    const first = await upload(t, sup, target, exported.bytes);
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    expect(first.body.records).toBeGreaterThanOrEqual(rows.length - 1);
    expect(await recordsGrid((await download(t, sup, target)).bytes)).toEqual(rows);
    const n = async (id: string) =>
      (await leader.request('GET', `/api/ledger/inspections/${id}/report`)).body.numbers;
    const [a, b] = [await n(L.inspectionId), await n(target)];
    expect(b.recoveredFen).toBe(a.recoveredFen);
    expect(b.accountabilityTotal ?? null).toEqual(a.accountabilityTotal ?? null);
    expect(b.leadsReferred).toBe(a.leadsReferred - src.inspection.leadsReferred);

    // Idempotent: the same file again adds nothing at all.
    const before = await recordCounts();
    const again = await upload(t, sup, target, exported.bytes);
    expect(again.status, JSON.stringify(again.body)).toBe(201);
    expect(again.body).toMatchObject({ findings: 0, measures: 0, records: 0, categories: 0 });
    expect(again.body.unchanged).toBeGreaterThan(0);
    expect(await recordCounts()).toEqual(before);
  });

  it('bad rows of the 问责及成果 sheet: each with its row and reason, nothing imported', async () => {
    const exported = await download(t, sup, L.inspectionId);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(exported.bytes as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('问责及成果')!;
    const base = ws.rowCount;
    ws.addRow(['', '', '表彰', '', '1', '', '2026-11-01']);
    ws.addRow(['', '', '问责', '罚款', '1', '', '2026-11-01']);
    ws.addRow(['', '', '追缴退还', '追缴', '', '-5', '2026-11-01']);
    ws.addRow(['', '不存在的问题', '移交线索', '', '1', '', '2026-11-01']);
    ws.addRow(['', '', '移交线索', '', '1', '', '2026-13-01']);
    const target = await newInspection('县委第七巡察组');
    const before = await recordCounts();
    const r = await upload(t, sup, target, Buffer.from(await wb.xlsx.writeBuffer()));
    expect(r.status).toBe(400);
    expect(r.body.code).toBe('LEDGER_BAD_SHEET');
    expect(r.body.message).toMatch(/未导入任何内容/);
    const details = r.body.details as { row: number; reason: string }[];
    expect(details.map((d) => d.row)).toEqual([base + 1, base + 2, base + 3, base + 4, base + 5]);
    expect(details[0]!.reason).toMatch(/类别“表彰”/);
    expect(details[1]!.reason).toMatch(/问责方式“罚款”/);
    expect(details[2]!.reason).toMatch(/金额“-5”/);
    expect(details[3]!.reason).toMatch(/问题“不存在的问题”不在本巡察/);
    expect(details[4]!.reason).toMatch(/日期“2026-13-01”/);
    expect(await recordCounts()).toEqual(before);
  });

  it('a bad row aborts the whole import with row numbers and Chinese reasons; nothing is saved', async () => {
    const exported = await download(t, sup, L.inspectionId);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(exported.bytes as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('整改台账')!;
    const rows = grid(ws, 9);
    const rowOf = (content: string) => rows.findIndex((c) => c[2] === content) + HEADER_ROW + 1;
    const badDate = rowOf('对推诿情形建立通报制度，每月通报一次');
    const badDept = rowOf('重新梳理容缺受理事项清单，在窗口和网上同步公布并培训到人');
    const badOwner = rowOf('在审批系统中设置勘验、审核、审批不得为同一人的校验');
    const noContent = rowOf('对上轮投诉台账逐件电话回访，未答复的重新办理');
    ws.getCell(badDate, 7).value = '2026-02-30';
    ws.getCell(badDept, 5).value = '云溪县不存在局';
    ws.getCell(badOwner, 6).value = '查无此人';
    ws.getCell(noContent, 3).value = null;
    const bytes = Buffer.from(await wb.xlsx.writeBuffer());

    const target = await newInspection('县委第四巡察组');
    const before = {
      c: await count('ledgerCategory'),
      f: await count('ledgerFinding'),
      m: await count('ledgerMeasure'),
      a: await count('auditLog'),
    };
    const r = await upload(t, sup, target, bytes);
    expect(r.status).toBe(400);
    expect(r.body.code).toBe('LEDGER_BAD_SHEET');
    expect(r.body.message).toMatch(/未导入任何内容/);
    const details = r.body.details as { row: number; reason: string }[];
    expect(details.map((d) => d.row)).toEqual([badDept, badDate, badOwner, noContent].sort((x, y) => x - y));
    const reasonOf = (row: number) => details.find((d) => d.row === row)!.reason;
    expect(reasonOf(badDate)).toMatch(/2026-02-30.*不是有效日期/);
    expect(reasonOf(badDept)).toMatch(/责任部门“云溪县不存在局”不存在/);
    expect(reasonOf(badOwner)).toMatch(/责任人“查无此人”/);
    expect(reasonOf(noContent)).toMatch(/整改措施不能为空/);
    expect({
      c: await count('ledgerCategory'),
      f: await count('ledgerFinding'),
      m: await count('ledgerMeasure'),
      a: await count('auditLog'),
    }).toEqual(before);
  });

  it('not a workbook, no header, or a measure before any finding: 400 and nothing saved', async () => {
    const target = await newInspection('县委第五巡察组');
    const before = await count('ledgerFinding');
    const garbage = await upload(t, sup, target, Buffer.from('PK\u0003\u0004 not really a zip'));
    expect(garbage.status).toBe(400);
    expect(garbage.body.code).toBe('LEDGER_BAD_SHEET');

    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Sheet1');
    ws.addRow(['随便', '什么']);
    const noHeader = await upload(t, sup, target, Buffer.from(await wb.xlsx.writeBuffer()));
    expect(noHeader.status).toBe(400);
    expect(noHeader.body.details[0].reason).toMatch(/未找到表头/);

    // A hand-made sheet: header on row 1, a measure row before any finding, a month-end date.
    const hand = new ExcelJS.Workbook();
    const s = hand.addWorksheet('台账');
    s.addRow(HEADERS);
    s.addRow(['', '', '先写了措施', '', '', '', '2026年12月底前', '', '']);
    s.addRow([1, '窗口推诿', '开展专项整治', '', '', '', '2026年12月底前', '', '']);
    const orphan = await upload(t, sup, target, Buffer.from(await hand.xlsx.writeBuffer()));
    expect(orphan.status).toBe(400);
    expect(orphan.body.details).toEqual([{ row: 2, reason: expect.stringMatching(/缺少所属问题/) }]);
    expect(await count('ledgerFinding')).toBe(before);

    // Without the bad row the same hand-made sheet imports; 年月底 reads as the month's last day.
    s.spliceRows(2, 1);
    const ok = await upload(t, sup, target, Buffer.from(await hand.xlsx.writeBuffer()));
    expect(ok.status, JSON.stringify(ok.body)).toBe(201);
    const d = (await leader.request('GET', `/api/ledger/inspections/${target}`)).body;
    expect(d.findings[0].measures[0]).toMatchObject({ dueDate: '2026-12-31', kind: 'deadline' });
  });

  it('only ledger writers import; readers may export', async () => {
    const inspector = await session(t, 'inspector');
    expect((await download(t, inspector, L.inspectionId)).status).toBe(200);
    const exported = await download(t, sup, L.inspectionId);
    const r = await upload(t, inspector, L.inspectionId, exported.bytes);
    expect(r.status).toBe(403);
  });
});
