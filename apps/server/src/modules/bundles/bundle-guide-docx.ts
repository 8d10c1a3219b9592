// The bundle's guide as a Word file (一次告知), from the same record as the web and print views.
import type { BundleGuide } from '@tongban/contracts';
import { AlignmentType, Document, Packer, Paragraph, TextRun } from 'docx';

const FONT = { title: '方正小标宋简体', body: '仿宋_GB2312', heading: '黑体' } as const;
const p = (text: string, font: string = FONT.body, size = 32) =>
  new Paragraph({ spacing: { line: 578 }, children: [new TextRun({ text, font, size })] });

export async function renderBundleGuideDocx(g: BundleGuide): Promise<Buffer> {
  const d = g.definition;
  const children: Paragraph[] = [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      children: [new TextRun({ text: `“${d.name}”一件事办事指南`, font: FONT.title, size: 44 })],
    }),
    p('一、基本信息', FONT.heading),
    p(`${d.description}`),
    p(`包含事项：${d.items.map((i) => `${i.itemName}（${i.departmentName}）`).join('、')}`),
    p(
      `办理时限：一件事法定时限 ${g.legalLimitDays} 个工作日（可延长一次，不超过 15 个工作日）；各事项并联办理，预计 ${d.expectedDays} 个工作日内办结。`,
    ),
    ...(d.licenseTypeName
      ? [p(`办理结果：${d.licenseTypeName}（一业一证，载明所含各项许可）及各事项结果，一次性交付。`)]
      : []),
    p('二、一表申请（共用信息只填一次）', FONT.heading),
    ...d.formFields.map((f) => p(`${f.label}${f.shared ? '（各事项共用）' : ''}`)),
    p('三、一套材料（同一材料只交一次，各事项共用）', FONT.heading),
    ...d.materials.map((m, k) =>
      p(`${k + 1}. ${m.name}（${m.required ? '必要' : '非必要'}；用于：${m.itemNames.join('、')}）`),
    ),
    p('四、各事项办理条件与流程', FONT.heading),
    ...g.items.flatMap((i) => {
      const deps = d.items.find((x) => x.itemId === i.itemId)?.dependsOn ?? [];
      const after = deps.map((x) => d.items.find((y) => y.itemId === x)?.itemName).filter(Boolean);
      return [
        p(`${i.itemName}（${i.departmentName}）`, FONT.heading),
        p(`受理条件：${i.conditions}`),
        p(`办理流程：${i.process}${after.length ? `（须待“${after.join('、')}”准予后审批）` : ''}`),
        p(`咨询电话：${i.consultPhone}`),
      ];
    }),
  ];
  const doc = new Document({
    sections: [
      {
        properties: { page: { margin: { top: 2098, bottom: 1984, left: 1588, right: 1474 } } },
        children,
      },
    ],
  });
  return Packer.toBuffer(doc);
}
