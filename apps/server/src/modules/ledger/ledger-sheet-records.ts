import {
  ACCOUNTABILITY_KIND_LABELS,
  AccountabilityKind,
  RECOVERY_KIND_LABELS,
  RecoveryKind,
  type LedgerSheetProblem,
} from '@tongban/contracts';
import type ExcelJS from 'exceljs';
import { cellText, parseSheetDate } from './ledger-sheet';

/**
 * The second sheet of the 整改台账 workbook: what else the findings led to — 问责 by kind and person
 * count, 建章立制, 追缴/退还 and 移交线索 — one row each, tied to a finding by its 问题 (or 序号).
 * Names of those held accountable never leave the system in it.
 */

export const RECORDS_SHEET_NAME = '问责及成果';
export const RECORDS_COLUMNS = [
  { header: '问题序号', width: 9 },
  { header: '问题', width: 36 },
  { header: '类别', width: 12 },
  { header: '方式', width: 12 },
  { header: '人数/件数', width: 10 },
  { header: '金额（元）', width: 14 },
  { header: '日期', width: 12 },
  { header: '名称/接收单位', width: 30 },
  { header: '文号', width: 18 },
  { header: '说明', width: 30 },
] as const;
type RHeader = (typeof RECORDS_COLUMNS)[number]['header'];
const RHEADERS = RECORDS_COLUMNS.map((c) => c.header);
export const RECORD_TYPE_LABELS = {
  accountability: '问责',
  regulation: '建章立制',
  recovery: '追缴退还',
  lead: '移交线索',
} as const;
export type RecordType = keyof typeof RECORD_TYPE_LABELS;

type Common = { row?: number; findingNumber: number | null; findingTitle: string; date: string };
export type SheetRecord =
  | (Common & { type: 'accountability'; kind: AccountabilityKind; count: number })
  | (Common & { type: 'regulation'; name: string; docNumber: string })
  | (Common & { type: 'recovery'; kind: RecoveryKind; amountFen: number; note: string })
  | (Common & { type: 'lead'; count: number; receiver: string; note: string });

const yuan = (fen: number) => `${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, '0')}`;

export function writeRecordsSheet(wb: ExcelJS.Workbook, records: SheetRecord[]): void {
  const ws = wb.addWorksheet(RECORDS_SHEET_NAME, { views: [{ state: 'frozen', ySplit: 1, xSplit: 0 }] });
  ws.columns = RECORDS_COLUMNS.map((c) => ({ width: c.width }));
  const header = ws.getRow(1);
  header.values = [...RHEADERS];
  header.eachCell((c) => {
    c.font = { bold: true };
    c.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } };
  });
  for (const r of records) {
    const cells: Partial<Record<RHeader, string | number>> = {
      问题序号: r.findingNumber ?? '',
      问题: r.findingTitle,
      类别: RECORD_TYPE_LABELS[r.type],
      日期: r.date,
    };
    if (r.type === 'accountability') {
      cells['方式'] = ACCOUNTABILITY_KIND_LABELS[r.kind];
      cells['人数/件数'] = r.count;
    } else if (r.type === 'regulation') {
      cells['名称/接收单位'] = r.name;
      cells['文号'] = r.docNumber;
    } else if (r.type === 'recovery') {
      cells['方式'] = RECOVERY_KIND_LABELS[r.kind];
      cells['金额（元）'] = yuan(r.amountFen);
      cells['说明'] = r.note;
    } else {
      cells['人数/件数'] = r.count;
      cells['名称/接收单位'] = r.receiver;
      cells['说明'] = r.note;
    }
    ws.addRow(RHEADERS.map((h) => cells[h] ?? ''));
  }
}

const labelKey = <K extends string>(labels: Record<K, string>, text: string): K | undefined =>
  (Object.keys(labels) as K[]).find((k) => labels[k] === text);

/** 12,345.6 元 as fen, or null when it is not a positive sum with at most two decimals. */
export function parseYuan(text: string): number | null {
  const t = text.replace(/[,，\s元]/g, '');
  if (!/^\d{1,11}(\.\d{1,2})?$/.test(t)) return null;
  const [int, dec = ''] = t.split('.');
  const fen = Number(int) * 100 + Number(dec.padEnd(2, '0'));
  return fen > 0 ? fen : null;
}

/** Reads the second sheet, if the workbook has one; every bad row becomes a problem. */
export function readRecordsSheet(wb: ExcelJS.Workbook): {
  records: SheetRecord[];
  problems: LedgerSheetProblem[];
} {
  const ws = wb.getWorksheet(RECORDS_SHEET_NAME);
  const records: SheetRecord[] = [];
  const problems: LedgerSheetProblem[] = [];
  if (!ws) return { records, problems };
  const colOf = new Map<RHeader, number>();
  ws.getRow(1).eachCell((c, col) => {
    const t = cellText(c.value).replace(/\s+/g, '') as RHeader;
    if (RHEADERS.includes(t)) colOf.set(t, col);
  });
  const where = `“${RECORDS_SHEET_NAME}”表`;
  if (!colOf.has('类别') || !colOf.has('日期')) {
    problems.push({ row: 1, reason: `${where}第 1 行应为表头：${RHEADERS.join('、')}` });
    return { records, problems };
  }
  if (ws.rowCount > 5001) {
    problems.push({ row: 5001, reason: `${where}一次最多导入 5000 行` });
    return { records, problems };
  }
  for (let r = 2; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    const text = (h: RHeader) => {
      const col = colOf.get(h);
      return col === undefined ? '' : cellText(row.getCell(col).value).trim();
    };
    if (RHEADERS.every((h) => text(h) === '')) continue;
    const bad = (reason: string) => problems.push({ row: r, reason: `${where}：${reason}` });
    const type = labelKey(RECORD_TYPE_LABELS, text('类别').replace('追缴/退还', '追缴退还'));
    if (!type) {
      bad(`类别“${text('类别')}”应为问责、建章立制、追缴退还或移交线索`);
      continue;
    }
    const numberText = text('问题序号');
    const findingNumber = numberText === '' ? null : Number(numberText);
    if (findingNumber !== null && !(Number.isInteger(findingNumber) && findingNumber > 0)) {
      bad(`问题序号“${numberText}”应为正整数`);
      continue;
    }
    const date = parseSheetDate(text('日期'));
    if (!date) {
      bad(`日期“${text('日期')}”不是有效日期（如 2026-11-20）`);
      continue;
    }
    const findingTitle = text('问题').split(/\r?\n/)[0]!.trim();
    const common = { row: r, findingNumber, findingTitle, date };
    const count = Number(text('人数/件数'));
    const countOk = Number.isInteger(count) && count >= 1 && count <= 10000;
    const long = (h: RHeader, max: number) => text(h).length > max && `${h}不超过 ${max} 个字`;
    if (type === 'accountability') {
      const kind = labelKey(ACCOUNTABILITY_KIND_LABELS, text('方式'));
      if (!kind)
        bad(`问责方式“${text('方式')}”应为${Object.values(ACCOUNTABILITY_KIND_LABELS).join('、')}之一`);
      else if (!countOk) bad('问责人数应为 1 至 10000 的整数');
      else records.push({ ...common, type, kind, count });
    } else if (type === 'regulation') {
      const problem = !text('名称/接收单位')
        ? '制度名称不能为空'
        : long('名称/接收单位', 200) || long('文号', 100);
      if (problem) bad(problem);
      else records.push({ ...common, type, name: text('名称/接收单位'), docNumber: text('文号') });
    } else if (type === 'recovery') {
      const kind = labelKey(RECOVERY_KIND_LABELS, text('方式'));
      const amountFen = parseYuan(text('金额（元）'));
      if (!kind) bad(`资金方式“${text('方式')}”应为追缴或退还`);
      else if (amountFen === null) bad(`金额“${text('金额（元）')}”应为大于 0 的数，最多两位小数`);
      else if (long('说明', 500)) bad(long('说明', 500) as string);
      else records.push({ ...common, type, kind, amountFen, note: text('说明') });
    } else {
      const problem = !countOk
        ? '移交线索件数应为 1 至 10000 的整数'
        : long('名称/接收单位', 100) || long('说明', 500);
      if (problem) bad(problem);
      else records.push({ ...common, type, count, receiver: text('名称/接收单位'), note: text('说明') });
    }
  }
  return { records, problems };
}

/** The identity of a record for a repeated import: the same row twice in the ledger is one too many. */
export function recordKey(r: SheetRecord, findingId: string | null): string {
  const base = [r.type, findingId ?? '', r.date];
  if (r.type === 'accountability') base.push(r.kind, String(r.count));
  else if (r.type === 'regulation') base.push(r.name, r.docNumber);
  else if (r.type === 'recovery') base.push(r.kind, String(r.amountFen), r.note);
  else base.push(String(r.count), r.receiver, r.note);
  return base.join('\u0000');
}
