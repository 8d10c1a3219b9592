import { FigureDimension, type FigureQuery } from '@tongban/contracts';
import type { Actor } from '../../../platform/access';
import type { Deps } from '../../../platform/app-types';
import { getFigures } from './get-figures';

const loadExcel = async () => (await import('exceljs')).default;
const DIM_LABELS: Record<FigureDimension, string> = {
  staff: '按人员',
  window: '按窗口',
  department: '按部门',
  item: '按事项',
  channel: '按渠道',
  month: '按月份',
};
const pct = (v: number | null) => (v === null ? '—' : `${(v * 100).toFixed(1)}%`);

/** The figures by every dimension in one workbook, with each rate's written definition (RATE-1). */
export async function exportFiguresXlsx(
  deps: Deps,
  actor: Actor,
  q: Omit<FigureQuery, 'by'>,
): Promise<Buffer> {
  const wb = new (await loadExcel()).Workbook();
  let defs: Record<string, string> = {};
  for (const by of FigureDimension.options) {
    const f = await getFigures(deps, actor, { ...q, by });
    defs = f.definitions;
    const ws = wb.addWorksheet(DIM_LABELS[by]);
    ws.addRow([`好差评统计（${f.from} 至 ${f.to}）${DIM_LABELS[by]}`]);
    ws.addRow([
      '排名',
      '名称',
      '评价数',
      '好评',
      '差评',
      '好评率',
      '差评率',
      '办结件',
      '已评价件',
      '主动评价率',
      '差评件',
      '已整改',
      '整改率',
      '已回访',
      '回访率',
      '排名分',
    ]);
    for (const r of [...f.rows, f.total])
      ws.addRow([
        r.rank || '合计',
        r.label,
        r.ratings,
        r.good,
        r.bad,
        pct(r.goodRate),
        pct(r.badRate),
        r.concludedCases ?? '—',
        r.ratedCases ?? '—',
        pct(r.activeRate),
        r.badReviews,
        r.rectified,
        pct(r.rectifyRate),
        r.calledBack,
        pct(r.callbackRate),
        Number(r.score.toFixed(4)),
      ]);
    ws.getColumn(2).width = 28;
  }
  const d = wb.addWorksheet('口径说明');
  for (const [k, v] of Object.entries(defs)) d.addRow([k, v]);
  d.getColumn(2).width = 100;
  return Buffer.from(await wb.xlsx.writeBuffer());
}
