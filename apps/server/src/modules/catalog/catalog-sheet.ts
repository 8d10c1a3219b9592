import {
  GuideLang,
  HANDLING_LABELS,
  ITEM_TYPE_LABELS,
  MATERIAL_FORM_LABELS,
  MATERIAL_REQUIREMENT_LABELS,
  ONLINE_LEVEL_LABELS,
  SPECIAL_PROCEDURE_LABELS,
  type CatalogContent,
  type CatalogImportProblem,
} from '@tongban/contracts';
import type ExcelJS from 'exceljs';

/** exceljs, loaded on first use: it is large and only sheet import and export need it. */
const loadExcel = async () => (await import('exceljs')).default;

/**
 * The catalog spreadsheet (docs/catalog-sheet.md): sheet 事项, one row per item, and sheet 材料,
 * one row per material. Row 1 holds the headers, exactly as below and in this order.
 * Lists inside a cell are one entry per line, parts separated by "|".
 */
export const ITEM_SHEET = '事项';
export const MATERIAL_SHEET = '材料';

const GUIDE_PARTS = [
  ['name', '事项名称'],
  ['conditions', '受理条件'],
  ['process', '办理流程'],
  ['notes', '注意事项'],
] as const;

export const ITEM_HEADERS = [
  '事项编码',
  '事项名称',
  '事项类型',
  '实施部门',
  '设定依据',
  '受理条件',
  '办件类型',
  '法定时限（工作日）',
  '承诺时限（工作日）',
  '特殊环节',
  '收费',
  '办理地点',
  '办理时间',
  '咨询电话',
  '监督投诉电话',
  '到现场次数',
  '网办深度',
  '不进驻大厅理由',
  '办理环节',
  ...GuideLang.options.flatMap((l) => GUIDE_PARTS.map(([, label]) => `指南（${l}）${label}`)),
] as const;

export const MATERIAL_HEADERS = [
  '事项编码',
  '序号',
  '材料名称',
  '必要性',
  '适用情形',
  '材料形式',
  '份数',
  '容缺',
  '免提交证照类型',
  '样表文件',
] as const;

const STEP_SEPARATOR = '→';

export type SheetRow = { itemCode: string; departmentName: string; content: CatalogContent };

function yuan(fen: number): string {
  return `${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, '0')}`;
}

export async function writeCatalogWorkbook(rows: readonly SheetRow[]): Promise<Buffer> {
  const wb = new (await loadExcel()).Workbook();
  wb.creator = '通办';
  const items = wb.addWorksheet(ITEM_SHEET, { views: [{ state: 'frozen', ySplit: 1 }] });
  items.addRow([...ITEM_HEADERS]);
  const materials = wb.addWorksheet(MATERIAL_SHEET, { views: [{ state: 'frozen', ySplit: 1 }] });
  materials.addRow([...MATERIAL_HEADERS]);
  for (const { itemCode, departmentName, content: c } of rows) {
    items.addRow([
      itemCode,
      c.name,
      ITEM_TYPE_LABELS[c.itemType],
      departmentName,
      c.legalBasis.map((b) => (b.article ? `${b.name}|${b.article}` : b.name)).join('\n'),
      c.acceptanceConditions,
      c.handling ? HANDLING_LABELS[c.handling] : '',
      c.legalLimitDays,
      c.promisedLimitDays,
      c.specialProcedures
        .map(
          (p) =>
            `${SPECIAL_PROCEDURE_LABELS[p.kind]}|${p.days}|${p.countsInLimit ? '计入时限' : '不计入时限'}|${p.legalBasis}`,
        )
        .join('\n'),
      c.fees.map((f) => `${f.name}|${yuan(f.amountFen)}|${f.basis}`).join('\n'),
      c.location,
      c.hours,
      c.consultPhone,
      c.complaintPhone,
      c.maxVisits,
      c.onlineLevel ? ONLINE_LEVEL_LABELS[c.onlineLevel] : '',
      c.hallExemption ?? '',
      c.steps.join(STEP_SEPARATOR),
      ...GuideLang.options.flatMap((l) => GUIDE_PARTS.map(([k]) => c.guides[l]?.[k] ?? '')),
    ]);
    c.materials.forEach((m, i) =>
      materials.addRow([
        itemCode,
        i + 1,
        m.name,
        MATERIAL_REQUIREMENT_LABELS[m.requirement],
        m.condition,
        MATERIAL_FORM_LABELS[m.form],
        m.copies,
        m.deferrable ? '是' : '否',
        m.licenseTypeCode ?? '',
        m.templateFile ?? '',
      ]),
    );
  }
  for (const ws of [items, materials]) {
    ws.getRow(1).font = { bold: true };
    ws.columns.forEach((col) => {
      col.width = 18;
    });
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

// ── Reading ───────────────────────────────────────────────────────────────

export type SheetItem = {
  row: number;
  itemCode: string;
  departmentName: string;
  /** Not yet validated: the service resolves the department and parses it with the contract. */
  content: Record<string, unknown>;
  /** Row numbers of the item's materials, in order, to report material problems where they are. */
  materialRows: number[];
};

function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v.trim();
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    if ('richText' in v)
      return v.richText
        .map((r) => r.text)
        .join('')
        .trim();
    if ('text' in v && typeof v.text === 'string') return v.text.trim();
    if ('result' in v) return cellText((v as { result?: ExcelJS.CellValue }).result ?? null);
  }
  return '';
}

const reverse = <K extends string>(labels: Record<K, string>) =>
  new Map(Object.entries(labels).map(([k, v]) => [v as string, k as K]));
const ITEM_TYPES = reverse(ITEM_TYPE_LABELS);
const HANDLINGS = reverse(HANDLING_LABELS);
const ONLINE_LEVELS = reverse(ONLINE_LEVEL_LABELS);
const PROCEDURES = reverse(SPECIAL_PROCEDURE_LABELS);
const REQUIREMENTS = reverse(MATERIAL_REQUIREMENT_LABELS);
const FORMS = reverse(MATERIAL_FORM_LABELS);

class CellError extends Error {}

const lines = (s: string) =>
  s
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
const parts = (line: string) => line.split(/[|｜]/).map((p) => p.trim());

function int(s: string, label: string): number | null {
  if (s === '') return null;
  if (!/^\d{1,5}$/.test(s)) throw new CellError(`${label}应为非负整数：“${s}”`);
  return Number(s);
}

function label<K>(map: Map<string, K>, s: string, what: string): K | null {
  if (s === '') return null;
  const v = map.get(s);
  if (v === undefined) throw new CellError(`${what}“${s}”无效，可选：${[...map.keys()].join('、')}`);
  return v;
}

function fen(s: string): number {
  const m = /^(\d{1,9})(?:\.(\d{1,2}))?$/.exec(s);
  if (!m) throw new CellError(`收费金额应为以元为单位、最多两位小数的数字：“${s}”`);
  return Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
}

function checkHeaders(
  ws: ExcelJS.Worksheet,
  expected: readonly string[],
  sheet: string,
): CatalogImportProblem[] {
  const row = ws.getRow(1);
  const problems: CatalogImportProblem[] = [];
  expected.forEach((h, i) => {
    const got = cellText(row.getCell(i + 1).value);
    if (got !== h) problems.push({ sheet, row: 1, reason: `第 ${i + 1} 列表头应为“${h}”，实为“${got}”` });
  });
  return problems;
}

function rowValues(r: ExcelJS.Row, n: number): string[] {
  return Array.from({ length: n }, (_, i) => cellText(r.getCell(i + 1).value));
}

export async function readCatalogWorkbook(
  bytes: Buffer,
): Promise<{ items: SheetItem[]; problems: CatalogImportProblem[] }> {
  const wb = new (await loadExcel()).Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    return {
      items: [],
      problems: [{ sheet: '', row: 0, reason: '无法读取文件，请上传 .xlsx 格式的事项清单' }],
    };
  }
  const itemsWs = wb.getWorksheet(ITEM_SHEET);
  const materialsWs = wb.getWorksheet(MATERIAL_SHEET);
  const problems: CatalogImportProblem[] = [];
  if (!itemsWs) problems.push({ sheet: ITEM_SHEET, row: 0, reason: '缺少工作表“事项”' });
  if (!materialsWs) problems.push({ sheet: MATERIAL_SHEET, row: 0, reason: '缺少工作表“材料”' });
  if (!itemsWs || !materialsWs) return { items: [], problems };
  const headerProblems = [
    ...checkHeaders(itemsWs, ITEM_HEADERS, ITEM_SHEET),
    ...checkHeaders(materialsWs, MATERIAL_HEADERS, MATERIAL_SHEET),
  ];
  if (headerProblems.length > 0) return { items: [], problems: headerProblems };

  const items: SheetItem[] = [];
  const byCode = new Map<string, SheetItem>();
  itemsWs.eachRow((r, rowNo) => {
    if (rowNo === 1) return;
    const v = rowValues(r, ITEM_HEADERS.length);
    if (v.every((x) => x === '')) return;
    const at = (h: (typeof ITEM_HEADERS)[number]) => v[ITEM_HEADERS.indexOf(h)] ?? '';
    try {
      const itemCode = at('事项编码');
      if (!itemCode) throw new CellError('事项编码不能为空');
      const guides: Record<string, Record<string, string>> = {};
      for (const l of GuideLang.options) {
        const g = Object.fromEntries(GUIDE_PARTS.map(([k, lbl]) => [k, at(`指南（${l}）${lbl}` as never)]));
        if (Object.values(g).some((x) => x !== '')) guides[l] = g;
      }
      const stepsText = at('办理环节');
      const item: SheetItem = {
        row: rowNo,
        itemCode,
        departmentName: at('实施部门'),
        materialRows: [],
        content: {
          name: at('事项名称'),
          itemType: label(ITEM_TYPES, at('事项类型'), '事项类型'),
          legalBasis: lines(at('设定依据')).map((l) => {
            const [name = '', ...rest] = parts(l);
            return { name, article: rest.join('|') };
          }),
          acceptanceConditions: at('受理条件'),
          handling: label(HANDLINGS, at('办件类型'), '办件类型'),
          legalLimitDays: int(at('法定时限（工作日）'), '法定时限'),
          promisedLimitDays: int(at('承诺时限（工作日）'), '承诺时限'),
          specialProcedures: lines(at('特殊环节')).map((l) => {
            const [kind = '', days = '', counts = '', basis = ''] = parts(l);
            if (!['计入时限', '不计入时限'].includes(counts))
              throw new CellError(`特殊环节“${l}”第三项应为“计入时限”或“不计入时限”`);
            return {
              kind: label(PROCEDURES, kind, '特殊环节'),
              days: int(days, '特殊环节天数') ?? 0,
              countsInLimit: counts === '计入时限',
              legalBasis: basis,
            };
          }),
          fees: lines(at('收费')).map((l) => {
            const [name = '', amount = '', basis = ''] = parts(l);
            return { name, amountFen: fen(amount), basis };
          }),
          location: at('办理地点'),
          hours: at('办理时间'),
          consultPhone: at('咨询电话'),
          complaintPhone: at('监督投诉电话'),
          maxVisits: int(at('到现场次数'), '到现场次数'),
          onlineLevel: label(ONLINE_LEVELS, at('网办深度'), '网办深度'),
          hallExemption: at('不进驻大厅理由') || null,
          steps: stepsText ? stepsText.split(/→|->/).map((s) => s.trim()) : undefined,
          materials: [],
          guides,
        },
      };
      items.push(item);
      if (!byCode.has(itemCode)) byCode.set(itemCode, item);
    } catch (e) {
      if (!(e instanceof CellError)) throw e;
      problems.push({ sheet: ITEM_SHEET, row: rowNo, reason: e.message });
    }
  });

  const pending: { item: SheetItem; order: number; row: number; material: Record<string, unknown> }[] = [];
  materialsWs.eachRow((r, rowNo) => {
    if (rowNo === 1) return;
    const v = rowValues(r, MATERIAL_HEADERS.length);
    if (v.every((x) => x === '')) return;
    const at = (h: (typeof MATERIAL_HEADERS)[number]) => v[MATERIAL_HEADERS.indexOf(h)] ?? '';
    try {
      const item = byCode.get(at('事项编码'));
      if (!item) throw new CellError(`事项编码“${at('事项编码')}”不在“事项”表中`);
      const deferrable = at('容缺');
      if (!['', '是', '否'].includes(deferrable)) throw new CellError(`容缺应为“是”或“否”：“${deferrable}”`);
      pending.push({
        item,
        order: int(at('序号'), '序号') ?? rowNo,
        row: rowNo,
        material: {
          name: at('材料名称'),
          requirement: label(REQUIREMENTS, at('必要性'), '必要性'),
          condition: at('适用情形'),
          form: label(FORMS, at('材料形式'), '材料形式'),
          copies: int(at('份数'), '份数') ?? 1,
          deferrable: deferrable === '是',
          licenseTypeCode: at('免提交证照类型') || null,
          templateFile: at('样表文件') || null,
        },
      });
    } catch (e) {
      if (!(e instanceof CellError)) throw e;
      problems.push({ sheet: MATERIAL_SHEET, row: rowNo, reason: e.message });
    }
  });
  pending.sort((a, b) => a.order - b.order || a.row - b.row);
  for (const p of pending) {
    (p.item.content.materials as unknown[]).push(p.material);
    p.item.materialRows.push(p.row);
  }
  return { items, problems };
}
