// Wording and layout of the 卷宗评查通报 and the 季度考核通报 (.docx, GB/T 9704 fonts and sizes as the
// ledger's report). Every figure comes from the computed record passed in.
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
import {
  INDICATOR_DEFINITIONS,
  INDICATOR_STATUS_LABELS,
  RUBRIC_ITEM_LABELS,
  type Assessment,
  type ReviewPlanDetail,
} from '@tongban/contracts';

const run = (text: string, font = '仿宋_GB2312', size = 32, bold = false) =>
  new TextRun({ text, font: { ascii: font, eastAsia: font, hAnsi: font, cs: font }, size, bold });
const title = (t: string) =>
  new Paragraph({ alignment: AlignmentType.CENTER, children: [run(t, '方正小标宋简体', 44)] });
const heading = (t: string) => new Paragraph({ children: [run(t, '黑体')] });
const body = (t: string) => new Paragraph({ indent: { firstLine: 640 }, children: [run(t)] });
const cell = (t: string) =>
  new TableCell({ children: [new Paragraph({ children: [run(t, '仿宋_GB2312', 24)] })] });
const table = (rows: string[][]) =>
  new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: rows.map((r) => new TableRow({ children: r.map(cell) })),
  });

const doc = (children: (Paragraph | Table)[]) =>
  Packer.toBuffer(new Document({ sections: [{ properties: {}, children }] }));

export function reviewReportTitle(p: ReviewPlanDetail) {
  return `关于${p.title}情况的通报`;
}

/** 卷宗评查通报: how the draw was made (seed, hash), results per department, the files that scored low. */
export function renderReviewReport(p: ReviewPlanDetail, lowBar: number): Promise<Buffer> {
  const scored = p.files.filter((f) => f.total !== null);
  const low = scored.filter((f) => f.total! < lowBar);
  return doc([
    title(reviewReportTitle(p)),
    body(
      `按照“双随机”要求，对 ${p.periodStart} 至 ${p.periodEnd} 期间 ${p.results.length} 个部门的办结件开展卷宗评查，每部门随机抽取 ${p.casesPerDepartment} 件，评查人员随机抽取且不评查本部门卷宗。抽取前公布种子摘要（SM3）${p.seedHash}，抽取后公开种子 ${p.seed ?? '（未抽取）'}，任何人可据此复现抽取结果。`,
    ),
    heading('一、各部门评查结果'),
    table([
      ['部门', '抽取卷宗', '已评查', '平均分', '最低分'],
      ...p.results.map((r) => [
        r.departmentName,
        String(r.files),
        String(r.scored),
        r.average === null ? '—' : r.average.toFixed(2),
        r.lowest === null ? '—' : String(r.lowest),
      ]),
    ]),
    heading('二、评查标准'),
    body(p.rubric.map((r) => `${RUBRIC_ITEM_LABELS[r.key]}（${r.maxPoints} 分）`).join('；') + '。'),
    heading(`三、得分低于 ${lowBar} 分的卷宗`),
    ...(low.length === 0
      ? [body('无。')]
      : low.map((f) => body(`${f.departmentName} 办件 ${f.caseNo}：${f.total} 分。${f.comment}`))),
    body(`共评查卷宗 ${scored.length} 件，得分低于 ${lowBar} 分的 ${low.length} 件已转入整改台账待处理。`),
  ]);
}

export function assessmentReportTitle(a: Assessment) {
  return `${a.periodLabel} ${a.unitKind === 'department' ? '进驻部门' : '乡镇（街道）'}考核通报`;
}

/** 季度考核通报: ranks (equal only for equal scores, ASSESS-1) and each unit's breakdown. */
export function renderAssessmentReport(a: Assessment): Promise<Buffer> {
  const keys = a.units[0]?.indicators.map((i) => i.key) ?? [];
  return doc([
    title(assessmentReportTitle(a)),
    body(
      `根据已公布的考核方案，依据 ${a.periodStart} 至 ${a.periodEnd}（不含）期间的业务记录计算得分，分数未经人工录入或调整；得分相同者名次相同。`,
    ),
    heading('一、得分与排名'),
    table([
      ['名次', '单位', '得分', ...keys.map((k) => INDICATOR_DEFINITIONS[k].label)],
      ...a.units.map((u) => [
        String(u.rank),
        u.unitName,
        u.score.toFixed(2),
        ...u.indicators.map((i) => (i.status === 'recorded' ? i.points.toFixed(2) : '—')),
      ]),
    ]),
    heading('二、指标口径'),
    ...keys.map((k) => body(`${INDICATOR_DEFINITIONS[k].label}：${INDICATOR_DEFINITIONS[k].definition}。`)),
    body(
      `标“—”的指标：${INDICATOR_STATUS_LABELS.no_data}，或${INDICATOR_STATUS_LABELS.not_recorded}；其权重按已计入指标的权重比例分摊，不以估计数代替。`,
    ),
  ]);
}
