import {
  FindingInput,
  LEDGER_MEASURE_KIND_LABELS,
  MEASURE_STATUS_LABELS,
  MeasureInput,
  type LedgerMeasureKind,
  type LedgerSheetProblem,
  type MeasureStatus,
} from '@tongban/contracts';
import type ExcelJS from 'exceljs';
import { readRecordsSheet, writeRecordsSheet, type SheetRecord } from './ledger-sheet-records';

/** exceljs, loaded on first use: it is large and only sheet import and export need it. */
const loadExcel = async () => (await import('exceljs')).default;

/**
 * The 整改台账 spreadsheet (docs/ledger-sheet.md): the layout offices keep by hand — 序号、问题、
 * 整改措施、责任领导、责任部门、责任人、完成时限、整改进展、状态 — written from the ledger and read
 * back into findings and measures. Reading checks every row and reports each bad one with its row
 * number; the caller saves nothing unless there is no problem at all.
 */

export const LEDGER_SHEET_NAME = '整改台账';
export const LEDGER_SHEET_COLUMNS = [
  { header: '序号', width: 6 },
  { header: '问题', width: 42 },
  { header: '整改措施', width: 42 },
  { header: '责任领导', width: 14 },
  { header: '责任部门', width: 18 },
  { header: '责任人', width: 10 },
  { header: '完成时限', width: 14 },
  { header: '整改进展', width: 42 },
  { header: '状态', width: 12 },
] as const;
type Header = (typeof LEDGER_SHEET_COLUMNS)[number]['header'];
const HEADERS = LEDGER_SHEET_COLUMNS.map((c) => c.header);
/** Rows above the header: the title and a line saying when and how the states were computed. */
export const LEDGER_SHEET_HEADER_ROW = 3;
const MAX_DATA_ROWS = 5000;

export type SheetMeasure = {
  content: string;
  leader: string;
  department: string;
  owner: string;
  kind: LedgerMeasureKind;
  dueDate: string | null;
  progress: string;
  status: MeasureStatus;
};
export type SheetBlock =
  | { type: 'category'; label: string; title: string; depth: number }
  | { type: 'finding'; number: number; title: string; description: string; measures: SheetMeasure[] };
export type SheetModel = { title: string; note: string; blocks: SheetBlock[]; records?: SheetRecord[] };

const RED = 'FFC00000';
const thin = { style: 'thin' as const, color: { argb: 'FF808080' } };
const BORDER = { top: thin, left: thin, bottom: thin, right: thin };

/** 完成时限 as offices write it: a date for 限期整改, the kind's name (and a date if any) otherwise. */
export function formatDue(kind: LedgerMeasureKind, dueDate: string | null): string | Date {
  if (kind === 'deadline')
    return dueDate ? new Date(`${dueDate}T00:00:00Z`) : LEDGER_MEASURE_KIND_LABELS.deadline;
  const label = LEDGER_MEASURE_KIND_LABELS[kind];
  return dueDate ? `${label}（${dueDate}）` : label;
}

export async function writeLedgerWorkbook(model: SheetModel): Promise<Buffer> {
  const wb = new (await loadExcel()).Workbook();
  wb.creator = '通办';
  const ws = wb.addWorksheet(LEDGER_SHEET_NAME, {
    views: [{ state: 'frozen', ySplit: LEDGER_SHEET_HEADER_ROW, xSplit: 0 }],
    pageSetup: {
      paperSize: 9, // A4
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      printTitlesRow: `${LEDGER_SHEET_HEADER_ROW}:${LEDGER_SHEET_HEADER_ROW}`,
      margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    },
    headerFooter: { oddFooter: '&C第 &P 页，共 &N 页' },
  });
  ws.columns = LEDGER_SHEET_COLUMNS.map((c) => ({ width: c.width }));
  const last = LEDGER_SHEET_COLUMNS.length;

  ws.getCell(1, 1).value = model.title;
  ws.mergeCells(1, 1, 1, last);
  ws.getRow(1).height = 32;
  ws.getCell(1, 1).font = { name: '宋体', size: 16, bold: true };
  ws.getCell(1, 1).alignment = { horizontal: 'center', vertical: 'middle' };
  ws.getCell(2, 1).value = model.note;
  ws.mergeCells(2, 1, 2, last);
  ws.getCell(2, 1).font = { size: 9, color: { argb: 'FF595959' } };
  ws.getCell(2, 1).alignment = { horizontal: 'right' };

  const header = ws.getRow(LEDGER_SHEET_HEADER_ROW);
  header.values = [...HEADERS];
  header.height = 22;
  header.eachCell((c) => {
    c.font = { bold: true };
    c.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } };
    c.border = BORDER;
  });

  const centered = new Set<Header>(['序号', '责任领导', '责任部门', '责任人', '完成时限', '状态']);
  const style = (row: ExcelJS.Row, red: boolean) => {
    for (let i = 1; i <= last; i++) {
      const c = row.getCell(i);
      c.border = BORDER;
      c.alignment = {
        vertical: 'top',
        wrapText: true,
        horizontal: centered.has(HEADERS[i - 1]!) ? 'center' : 'left',
      };
      // Overdue measures in red from 整改措施 on; 序号 and 问题 are shared by the finding's rows.
      if (red && i >= 3) c.font = { color: { argb: RED }, bold: i === last };
    }
  };

  let r = LEDGER_SHEET_HEADER_ROW;
  for (const b of model.blocks) {
    if (b.type === 'category') {
      r++;
      const cell = ws.getCell(r, 1);
      cell.value = `${b.label}${b.title}`;
      ws.mergeCells(r, 1, r, last);
      cell.font = { bold: b.depth === 0, size: b.depth === 0 ? 12 : 11 };
      cell.alignment = { vertical: 'middle', indent: b.depth };
      cell.fill = {
        type: 'pattern',
        pattern: 'solid',
        fgColor: { argb: b.depth === 0 ? 'FFF2F2F2' : 'FFFAFAFA' },
      };
      cell.border = BORDER;
      continue;
    }
    const first = r + 1;
    const measures = b.measures.length > 0 ? b.measures : [undefined];
    for (const m of measures) {
      r++;
      const row = ws.getRow(r);
      if (r === first) {
        row.getCell(1).value = b.number;
        row.getCell(2).value = b.description
          ? {
              richText: [
                { font: { bold: true }, text: b.title.replace(/\s*\n\s*/g, ' ') },
                { text: `\n${b.description}` },
              ],
            }
          : b.title.replace(/\s*\n\s*/g, ' ');
      }
      if (m) {
        row.getCell(3).value = m.content;
        row.getCell(4).value = m.leader;
        row.getCell(5).value = m.department;
        row.getCell(6).value = m.owner;
        const due = formatDue(m.kind, m.dueDate);
        row.getCell(7).value = due;
        if (due instanceof Date) row.getCell(7).numFmt = 'yyyy-mm-dd';
        row.getCell(8).value = m.progress;
        row.getCell(9).value = MEASURE_STATUS_LABELS[m.status];
      }
      style(row, m?.status === 'overdue');
    }
    if (r > first) {
      ws.mergeCells(first, 1, r, 1);
      ws.mergeCells(first, 2, r, 2);
    }
  }
  if (model.records) writeRecordsSheet(wb, model.records);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

// ── Reading ──────────────────────────────────────────────────────────────

export type ParsedSheetMeasure = {
  row: number;
  content: string;
  leader: string;
  department: string;
  owner: string;
  kind: LedgerMeasureKind;
  dueDate: string | null;
};
export type ParsedSheetFinding = {
  row: number;
  title: string;
  description: string;
  categoryKey: string | null;
  measures: ParsedSheetMeasure[];
};
export type ParsedSheetCategory = { key: string; row: number; title: string; parentKey: string | null };
export type ParsedSheet = {
  categories: ParsedSheetCategory[];
  findings: ParsedSheetFinding[];
  problems: LedgerSheetProblem[];
  /** The second sheet (问责及成果), when there is one. */
  records?: SheetRecord[];
};

export class UnreadableSheetError extends Error {}

const isoOf = (d: Date) => d.toISOString().slice(0, 10);

function realDate(y: number, m: number, d: number): string | null {
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  if (y < 1990 || y > 2100) return null;
  return isoOf(date);
}
const lastDayOf = (y: number, m: number) =>
  m >= 1 && m <= 12 ? realDate(y, m, new Date(Date.UTC(y, m, 0)).getUTCDate()) : null;

/** A date written the ways offices write it; `undefined` when there is none, `null` when it is wrong. */
export function parseSheetDate(text: string): string | null | undefined {
  const t = text.replace(/\s+/g, '');
  let m = /(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?/.exec(t);
  if (m) return realDate(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /(\d{4})年(\d{1,2})月/.exec(t);
  if (m) return lastDayOf(Number(m[1]), Number(m[2]));
  m = /(\d{4})年(底|末)/.exec(t);
  if (m) return realDate(Number(m[1]), 12, 31);
  m = /(\d{4})[-/.](\d{1,2})(?!\d)/.exec(t);
  if (m) return lastDayOf(Number(m[1]), Number(m[2]));
  return /\d/.test(t) ? null : undefined;
}

/** 完成时限 back into a kind and a due date, or the reason it cannot be read. */
export function parseDue(
  value: ExcelJS.CellValue,
): { kind: LedgerMeasureKind; dueDate: string | null } | { reason: string } {
  if (value instanceof Date) return { kind: 'deadline', dueDate: isoOf(value) };
  // A date typed into a cell formatted as a number arrives as its Excel serial.
  if (typeof value === 'number') {
    if (value > 30000 && value < 80000)
      return { kind: 'deadline', dueDate: isoOf(new Date(Math.round((value - 25569) * 86_400_000))) };
    return { reason: `完成时限“${value}”无法识别` };
  }
  const text = cellText(value).trim();
  if (!text) return { reason: '完成时限不能为空（填写日期，或“立行立改”“长期坚持”）' };
  const kind: LedgerMeasureKind = /立行立改|立即整改/.test(text)
    ? 'immediate'
    : /长期坚持|长期/.test(text)
      ? 'ongoing'
      : 'deadline';
  const date = parseSheetDate(text);
  if (date === null) return { reason: `完成时限“${text}”不是有效日期` };
  if (date === undefined && kind === 'deadline' && !/^限期(整改)?$/.test(text))
    return { reason: `完成时限“${text}”无法识别，请填写日期（如 2026-12-31）、“立行立改”或“长期坚持”` };
  return { kind, dueDate: date ?? null };
}

/** The plain text of a cell value (rich text, hyperlinks and formula results included). */
export function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return isoOf(v);
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((p) => p.text).join('');
    if ('text' in v && typeof v.text === 'string') return v.text;
    if ('result' in v) return cellText((v.result ?? null) as ExcelJS.CellValue);
    return '';
  }
  return String(v);
}

const CN = '一二三四五六七八九十百零〇';
const CATEGORY_PATTERNS: { depth: number; re: RegExp }[] = [
  { depth: 0, re: new RegExp(`^[${CN}]+\\s*[、.．]\\s*(.+)$`) },
  { depth: 1, re: new RegExp(`^[（(]\\s*[${CN}]+\\s*[）)]\\s*[、.．]?\\s*(.+)$`) },
  { depth: 2, re: /^\d+\s*[.．、]\s*(\D.*)$/ },
  { depth: 3, re: /^[（(]\s*\d+\s*[）)]\s*(.+)$/ },
];

function categoryOf(text: string): { depth: number; title: string } | undefined {
  for (const p of CATEGORY_PATTERNS) {
    const m = p.re.exec(text.trim());
    if (m) return { depth: p.depth, title: m[1]!.trim() };
  }
  return undefined;
}

const zodReason = (issues: { message: string }[]) => issues.map((i) => i.message).join('；');

/** Reads the layout back. Throws `UnreadableSheetError` when the bytes are not a workbook at all. */
export async function readLedgerWorkbook(bytes: Buffer): Promise<ParsedSheet> {
  const wb = new (await loadExcel()).Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw new UnreadableSheetError('无法读取该 .xlsx 文件');
  }
  const ws = wb.getWorksheet(LEDGER_SHEET_NAME) ?? wb.worksheets[0];
  const problems: LedgerSheetProblem[] = [];
  const categories: ParsedSheetCategory[] = [];
  const findings: ParsedSheetFinding[] = [];
  if (!ws) return { categories, findings, problems: [{ row: 1, reason: '工作簿中没有工作表' }] };

  // The header row: the first of the top rows naming the columns (extra columns and order are free).
  const colOf = new Map<Header, number>();
  let headerRow = 0;
  for (let r = 1; r <= Math.min(20, ws.rowCount) && headerRow === 0; r++) {
    const found = new Map<Header, number>();
    ws.getRow(r).eachCell((c, col) => {
      const t = cellText(c.value).replace(/\s+/g, '') as Header;
      if (HEADERS.includes(t) && !found.has(t)) found.set(t, col);
    });
    if (found.has('问题') && found.has('整改措施') && found.has('完成时限')) {
      headerRow = r;
      for (const [k, v] of found) colOf.set(k, v);
    }
  }
  if (headerRow === 0)
    return {
      categories,
      findings,
      problems: [{ row: 1, reason: `未找到表头：前 20 行中应有“${HEADERS.join('、')}”各列` }],
    };
  if (ws.rowCount - headerRow > MAX_DATA_ROWS)
    return {
      categories,
      findings,
      problems: [{ row: headerRow + MAX_DATA_ROWS + 1, reason: `一次最多导入 ${MAX_DATA_ROWS} 行` }],
    };

  // A merged cell is read once, at its top-left cell; the others count as empty.
  const own = (row: ExcelJS.Row, h: Header): ExcelJS.CellValue => {
    const col = colOf.get(h);
    if (col === undefined) return null;
    const c = row.getCell(col);
    return c.master.address === c.address ? c.value : null;
  };
  const text = (row: ExcelJS.Row, h: Header) => cellText(own(row, h)).trim();

  const stack: ParsedSheetCategory[] = [];
  let current: ParsedSheetFinding | undefined;
  let currentKey = '';
  for (let r = headerRow + 1; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    const cells = HEADERS.map((h) => text(row, h));
    const nonEmpty = cells.filter((c) => c !== '');
    if (nonEmpty.length === 0) continue;

    // A category row: one numbered heading, nothing else in the row.
    const first = cells.find((c) => c !== '')!;
    const cat = nonEmpty.length === 1 ? categoryOf(first) : undefined;
    if (cat) {
      if (cat.depth > stack.length) {
        problems.push({ row: r, reason: `类别“${first}”缺少上级类别` });
        continue;
      }
      if (cat.title.length > 200) problems.push({ row: r, reason: '类别名称不超过 200 个字' });
      stack.length = cat.depth;
      const c = { key: `c${r}`, row: r, title: cat.title, parentKey: stack[cat.depth - 1]?.key ?? null };
      stack.push(c);
      categories.push(c);
      current = undefined;
      currentKey = '';
      continue;
    }

    const number = text(row, '序号');
    const problem = text(row, '问题');
    const key = `${number}\u0000${problem}`;
    if ((number !== '' || problem !== '') && key !== currentKey) {
      if (problem === '') {
        problems.push({ row: r, reason: '问题不能为空' });
        current = undefined;
        currentKey = '';
        continue;
      }
      const [title = '', ...rest] = problem.split(/\r?\n/);
      const description = rest
        .join('\n')
        .trim()
        .replace(/^问题表现[:：]\s*/, '');
      const checked = FindingInput.safeParse({ title, description });
      if (!checked.success) problems.push({ row: r, reason: zodReason(checked.error.issues) });
      current = {
        row: r,
        title: title.trim(),
        description,
        categoryKey: stack[stack.length - 1]?.key ?? null,
        measures: [],
      };
      currentKey = key;
      findings.push(current);
    } else if (!current) {
      problems.push({ row: r, reason: '整改措施之前缺少所属问题（序号、问题两列为空）' });
      continue;
    }

    const content = text(row, '整改措施');
    const measureCells = [content, text(row, '责任领导'), text(row, '责任部门'), text(row, '责任人')];
    const dueValue = own(row, '完成时限');
    if (measureCells.every((c) => c === '') && cellText(dueValue).trim() === '') continue;
    if (content === '') {
      problems.push({ row: r, reason: '整改措施不能为空' });
      continue;
    }
    const due = parseDue(dueValue);
    if ('reason' in due) {
      problems.push({ row: r, reason: due.reason });
      continue;
    }
    const m: ParsedSheetMeasure = {
      row: r,
      content,
      leader: text(row, '责任领导'),
      department: text(row, '责任部门'),
      owner: text(row, '责任人'),
      ...due,
    };
    const checked = MeasureInput.safeParse({
      content: m.content,
      leader: m.leader,
      kind: m.kind,
      dueDate: m.dueDate,
    });
    if (!checked.success) {
      problems.push({ row: r, reason: zodReason(checked.error.issues) });
      continue;
    }
    current.measures.push(m);
  }
  const more = readRecordsSheet(wb);
  problems.push(...more.problems);
  if (findings.length === 0 && more.records.length === 0 && problems.length === 0)
    problems.push({ row: headerRow + 1, reason: '表中没有任何问题' });
  return { categories, findings, problems, records: more.records };
}
