import {
  AlignmentType,
  Document,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import { PATROL_PROBLEM_LABELS, type PatrolProblem } from '@tongban/contracts';

/** The monthly 通报 of patrol results (PAT-1) as a Word document, in the GB/T 9704 fonts. */
export type PatrolReportModel = {
  hallName: string;
  month: string;
  patrolsPlanned: number;
  patrolsDone: number;
  problems: PatrolProblem[];
  notices: { noticeNo: string; departmentName: string; status: string; deadline: string }[];
};

const body = (text: string, opts: { bold?: boolean; font?: string; size?: number } = {}) =>
  new Paragraph({
    indent: { firstLine: 640 },
    spacing: { line: 578, lineRule: 'exact' },
    children: [
      new TextRun({
        text,
        font: opts.font ?? '仿宋_GB2312',
        size: opts.size ?? 32,
        bold: opts.bold ?? false,
      }),
    ],
  });

const cell = (text: string) =>
  new TableCell({
    children: [new Paragraph({ children: [new TextRun({ text, font: '仿宋_GB2312', size: 24 })] })],
  });

export async function renderPatrolReport(m: PatrolReportModel): Promise<Buffer> {
  const [y, mo] = m.month.split('-');
  const byDept = new Map<string, number>();
  for (const p of m.problems)
    byDept.set(p.departmentName ?? '未定部门', (byDept.get(p.departmentName ?? '未定部门') ?? 0) + 1);
  const byKind = new Map<string, number>();
  for (const p of m.problems)
    byKind.set(PATROL_PROBLEM_LABELS[p.kind], (byKind.get(PATROL_PROBLEM_LABELS[p.kind]) ?? 0) + 1);
  const repeats = m.problems.filter((p) => p.repeatCount > 1);
  const doc = new Document({
    sections: [
      {
        properties: {
          page: {
            size: { width: 11906, height: 16838 },
            margin: { top: 2098, bottom: 1984, left: 1588, right: 1474 },
          },
        },
        children: [
          new Paragraph({
            alignment: AlignmentType.CENTER,
            children: [
              new TextRun({
                text: `${m.hallName}${y}年${Number(mo)}月督查巡查情况通报`,
                font: '方正小标宋简体',
                size: 44,
              }),
            ],
          }),
          body(
            `${y}年${Number(mo)}月，督查人员按每日不少于四次、时间随机的要求对大厅进行巡查，计划 ${m.patrolsPlanned} 次，实际完成 ${m.patrolsDone} 次，发现问题 ${m.problems.length} 个，发出督查告知书 ${m.notices.length} 份。现将有关情况通报如下。`,
          ),
          body('一、问题分布', { font: '黑体' }),
          ...[...byDept].map(([d, n]) => body(`${d}：${n} 个`)),
          ...[...byKind].map(([k, n]) => body(`${k}：${n} 个`)),
          body('二、重复发生的问题', { font: '黑体' }),
          ...(repeats.length
            ? repeats.map((p) =>
                body(
                  `${p.windowNumber ?? ''} ${p.staffName ?? ''}：${PATROL_PROBLEM_LABELS[p.kind]}，近 30 天第 ${p.repeatCount} 次`,
                ),
              )
            : [body('本月未发现重复问题。')]),
          body('三、督查告知书整改情况', { font: '黑体' }),
          new Table({
            width: { size: 100, type: WidthType.PERCENTAGE },
            rows: [
              new TableRow({ children: ['文号', '部门', '状态', '整改期限'].map(cell) }),
              ...m.notices.map(
                (n) =>
                  new TableRow({ children: [n.noticeNo, n.departmentName, n.status, n.deadline].map(cell) }),
              ),
            ],
          }),
          body('请各进驻部门对照问题清单抓好整改，督查人员将逐项复查。'),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
