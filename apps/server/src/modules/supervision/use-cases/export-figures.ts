import { FIGURE_LABELS, type FigureGroup, type FiguresQuery } from '@tongban/contracts';
import type { Actor } from '../../../platform/access';
import type { Deps } from '../../../platform/app-types';
import { FIGURES } from '../supervision-figures';
import { getFigures } from './read-figures';

const CUT_TITLES = {
  none: '合计',
  region: '区县',
  department: '部门',
  hall: '大厅',
  township: '乡镇（街道）',
  item: '事项',
  channel: '渠道',
  month: '月份',
} as const;

function cell(g: FigureGroup, i: number): number | string {
  const f = g.figures[i]!;
  if (f.value === null) return FIGURES[f.key].kind === 'later' ? '待评价模块' : '—';
  return FIGURES[f.key].kind === 'average'
    ? Math.round(f.value * 100) / 100
    : Math.round(f.value * 10000) / 100;
}

/** RATE-1: the figures of a period as a spreadsheet: one row per group, rates in per cent. */
export async function exportFiguresXlsx(deps: Deps, actor: Actor, q: FiguresQuery) {
  const figures = await getFigures(deps, actor, q);
  const ExcelJS = (await import('exceljs')).default;
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('办件指标');
  const keys = figures.total.figures.map((f) => f.key);
  sheet.addRow([`办件指标 ${q.from} 至 ${q.to}（区划 ${figures.regionCode}）`]);
  sheet.addRow([
    CUT_TITLES[q.cut],
    '受理量',
    '办结量',
    ...keys.map((k) => (FIGURES[k].kind === 'average' ? FIGURE_LABELS[k] : `${FIGURE_LABELS[k]}（%）`)),
  ]);
  for (const g of [...figures.groups, figures.total])
    sheet.addRow([g.label, g.received, g.concluded, ...keys.map((_, i) => cell(g, i))]);
  sheet.getRow(2).font = { bold: true };
  sheet.columns.forEach((c) => (c.width = 14));
  sheet.addRow([]);
  sheet.addRow(['口径见 docs/figures.md：每个指标的分子、分母、统计期间与所依据的日期。']);
  const buffer = Buffer.from(await book.xlsx.writeBuffer());
  return { title: `办件指标_${q.from}_${q.to}`, buffer };
}
