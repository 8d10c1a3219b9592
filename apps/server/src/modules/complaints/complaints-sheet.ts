// The 12345 platform's daily sheet (.xlsx) and the figures export. exceljs is loaded on first use.
import type ExcelJS from 'exceljs';
import { COMPLAINT_TYPE_LABELS, ComplaintType, type ComplaintFigures } from '@tongban/contracts';

const loadExcel = async () => (await import('exceljs')).default;

/** The columns of the 12345 daily sheet (header names; order is free, extra columns ignored). */
export const HOTLINE_HEADERS = [
  '工单编号',
  '诉求类型',
  '标题',
  '诉求内容',
  '姓名',
  '电话',
  '是否匿名',
  '地址',
  '反映对象',
] as const;
type Header = (typeof HOTLINE_HEADERS)[number];

export type HotlineRow = { row: number; values: Partial<Record<Header, string>> };

const text = (c: ExcelJS.Cell) => {
  const v = c.value as unknown;
  if (v == null) return '';
  if (typeof v === 'object' && v && 'richText' in v)
    return (v as { richText: { text: string }[] }).richText.map((r) => r.text).join('');
  if (typeof v === 'object' && v && 'text' in v) return String((v as { text: unknown }).text);
  return String(v).trim();
};

/** Reads the rows; null when the bytes are not a workbook or the header row is missing. */
export async function readHotlineSheet(bytes: Buffer): Promise<HotlineRow[] | null> {
  const wb = new (await loadExcel()).Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    return null;
  }
  const ws = wb.worksheets[0];
  if (!ws) return null;
  const cols = new Map<Header, number>();
  ws.getRow(1).eachCell((cell, col) => {
    const h = text(cell) as Header;
    if (HOTLINE_HEADERS.includes(h)) cols.set(h, col);
  });
  if (!cols.has('工单编号') || !cols.has('诉求内容')) return null;
  const rows: HotlineRow[] = [];
  for (let r = 2; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    const values: HotlineRow['values'] = {};
    for (const [h, c] of cols) values[h] = text(row.getCell(c));
    if (Object.values(values).every((v) => !v)) continue;
    rows.push({ row: r, values });
  }
  return rows;
}

export const typeFromLabel = (label: string): ComplaintType | undefined =>
  ComplaintType.options.find((t) => COMPLAINT_TYPE_LABELS[t] === label || t === label);

/** A sheet in the 12345 layout (the import template and the demo use it). */
export async function writeHotlineSheet(rows: Partial<Record<Header, string>>[]): Promise<Buffer> {
  const wb = new (await loadExcel()).Workbook();
  const ws = wb.addWorksheet('12345工单');
  ws.addRow([...HOTLINE_HEADERS]);
  for (const r of rows) ws.addRow(HOTLINE_HEADERS.map((h) => r[h] ?? ''));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const pct = (v: number | null) => (v == null ? '—' : `${(v * 100).toFixed(1)}%`);

export async function writeFiguresSheet(f: ComplaintFigures, dimensionLabel: string): Promise<Buffer> {
  const wb = new (await loadExcel()).Workbook();
  const ws = wb.addWorksheet('投诉统计');
  ws.addRow([
    dimensionLabel,
    '受理',
    '办结',
    '按时办结',
    '回访',
    '满意',
    '重复投诉',
    '按时办结率',
    '回访率',
    '满意率',
  ]);
  for (const r of [...f.rows, { ...f.total, label: '合计' }])
    ws.addRow([
      r.label,
      r.total,
      r.closed,
      r.onTime,
      r.calledBack,
      r.satisfied,
      r.repeat,
      pct(r.onTimeRate),
      pct(r.callbackRate),
      pct(r.satisfactionRate),
    ]);
  ws.addRow([]);
  for (const [k, v] of Object.entries(f.definitions)) ws.addRow([k, v]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
