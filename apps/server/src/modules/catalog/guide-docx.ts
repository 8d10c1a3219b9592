import {
  HANDLING_LABELS,
  ITEM_TYPE_LABELS,
  MATERIAL_FORM_LABELS,
  ONLINE_LEVEL_LABELS,
  SPECIAL_PROCEDURE_LABELS,
  type GuideLang,
} from '@tongban/contracts';
import { AlignmentType, Document, Footer, LineRuleType, Packer, PageNumber, Paragraph, TextRun } from 'docx';
import type { PublicGuide } from './catalog.service';

/**
 * The 办事指南 as a Word file, laid out after GB/T 9704-2012: A4, margins 37/35/28/26 mm, title in
 * 2号小标宋, body in 3号仿宋 at a fixed 28.9 pt line, 一、 headings in 黑体, "— 1 —" page numbers.
 * Same content as the online guide (one record, rendered everywhere).
 */

const FONT = { title: '方正小标宋简体', body: '仿宋_GB2312', heading: '黑体', page: '宋体' } as const;
const SIZE = { title: 44, body: 32, page: 28 } as const;
const LINE = 578;
const mm = (v: number) => Math.round((v * 1440) / 25.4);

type Labels = {
  basics: string;
  code: string;
  type: string;
  department: string;
  legalBasis: string;
  handling: string;
  legalLimit: string;
  promisedLimit: string;
  days: (n: number) => string;
  special: string;
  fees: string;
  free: string;
  visits: string;
  online: string;
  location: string;
  hours: string;
  consult: string;
  complaint: string;
  conditions: string;
  materials: string;
  copies: (n: number) => string;
  deferrable: string;
  exemptByLicense: string;
  process: string;
  steps: string;
  notes: string;
  version: (n: number, date: string) => string;
};

const ZH: Labels = {
  basics: '一、基本信息',
  code: '事项编码',
  type: '事项类型',
  department: '实施部门',
  legalBasis: '设定依据',
  handling: '办件类型',
  legalLimit: '法定办结时限',
  promisedLimit: '承诺办结时限',
  days: (n) => `${n} 个工作日`,
  special: '特殊环节',
  fees: '收费标准',
  free: '不收费',
  visits: '到现场次数',
  online: '网办深度',
  location: '办理地点',
  hours: '办理时间',
  consult: '咨询电话',
  complaint: '监督投诉电话',
  conditions: '二、受理条件',
  materials: '三、申请材料',
  copies: (n) => `${n} 份`,
  deferrable: '可容缺后补',
  exemptByLicense: '可用电子证照免提交',
  process: '四、办理流程',
  steps: '办理环节',
  notes: '五、注意事项',
  version: (n, d) => `本指南依据第 ${n} 版事项清单生成，发布日期 ${d}。`,
};

const EN: Labels = {
  basics: '1. Basic information',
  code: 'Item code',
  type: 'Type',
  department: 'Department',
  legalBasis: 'Legal basis',
  handling: 'Handling',
  legalLimit: 'Statutory time limit',
  promisedLimit: 'Promised time limit',
  days: (n) => `${n} working day${n === 1 ? '' : 's'}`,
  special: 'Special procedures',
  fees: 'Fees',
  free: 'Free of charge',
  visits: 'Visits in person',
  online: 'Online service',
  location: 'Where',
  hours: 'Opening hours',
  consult: 'Enquiries',
  complaint: 'Complaints',
  conditions: '2. Conditions',
  materials: '3. Documents required',
  copies: (n) => `${n} cop${n === 1 ? 'y' : 'ies'}`,
  deferrable: 'may be handed in later',
  exemptByLicense: 'not needed if held as an e-license',
  process: '4. Process',
  steps: 'Steps',
  notes: '5. Notes',
  version: (n, d) => `Generated from version ${n} of the catalog entry, published ${d}.`,
};

// Headings in Russian and Korean; the element names below them stay bilingual via the English set.
const RU: Labels = {
  ...EN,
  basics: '1. Основные сведения',
  conditions: '2. Условия',
  materials: '3. Необходимые документы',
  process: '4. Порядок',
  notes: '5. Примечания',
};
const KO: Labels = {
  ...EN,
  basics: '1. 기본 정보',
  conditions: '2. 접수 조건',
  materials: '3. 제출 서류',
  process: '4. 처리 절차',
  notes: '5. 유의 사항',
};

const LABELS: Record<GuideLang, Labels> = { zh: ZH, en: EN, ru: RU, ko: KO };

function run(text: string, font: string, size: number, bold = false) {
  return new TextRun({ text, bold, font: { ascii: font, eastAsia: font, hAnsi: font, cs: font }, size });
}
const spacing = { line: LINE, lineRule: LineRuleType.EXACT, before: 0, after: 0 } as const;
const body = (text: string) =>
  new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    spacing,
    indent: { firstLine: 640 },
    children: [run(text, FONT.body, SIZE.body)],
  });
const heading = (text: string) =>
  new Paragraph({
    spacing,
    keepNext: true,
    indent: { firstLine: 640 },
    children: [run(text, FONT.heading, SIZE.body)],
  });
const field = (label: string, value: string) =>
  new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    spacing,
    indent: { firstLine: 640 },
    children: [run(`${label}：`, FONT.body, SIZE.body, true), run(value, FONT.body, SIZE.body)],
  });

function footer() {
  const font = { ascii: FONT.page, eastAsia: FONT.page, hAnsi: FONT.page };
  return new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], font, size: SIZE.page })],
      }),
    ],
  });
}

const textBlock = (s: string) =>
  s
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean)
    .map(body);

export async function renderGuideDocx(g: PublicGuide): Promise<Buffer> {
  const L = LABELS[g.lang];
  const v = g.item;
  const enumLabel = (zh: string, other?: string) => (g.lang === 'zh' || !other ? zh : `${other}（${zh}）`);
  const yuan = (fen: number) => `${(fen / 100).toFixed(2)} ${g.lang === 'zh' ? '元' : 'CNY'}`;
  const children: Paragraph[] = [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { line: 700, lineRule: LineRuleType.EXACT, after: LINE },
      children: [run(g.guide.name, FONT.title, SIZE.title)],
    }),
    heading(L.basics),
    field(L.code, v.itemCode),
    field(L.type, enumLabel(ITEM_TYPE_LABELS[v.itemType])),
    field(L.department, v.departmentName),
    field(L.legalBasis, v.legalBasis.map((b) => `${b.name}${b.article ? ` ${b.article}` : ''}`).join('；')),
    field(L.handling, v.handling ? enumLabel(HANDLING_LABELS[v.handling], v.handling) : ''),
    field(L.legalLimit, L.days(v.legalLimitDays ?? 0)),
    field(L.promisedLimit, L.days(v.promisedLimitDays ?? 0)),
  ];
  if (v.specialProcedures.length > 0)
    children.push(
      field(
        L.special,
        v.specialProcedures
          .map((p) => `${enumLabel(SPECIAL_PROCEDURE_LABELS[p.kind], p.kind)} ${L.days(p.days)}`)
          .join('；'),
      ),
    );
  children.push(
    field(
      L.fees,
      v.fees.length === 0
        ? L.free
        : v.fees.map((f) => `${f.name} ${yuan(f.amountFen)}（${f.basis}）`).join('；'),
    ),
    field(L.visits, String(v.maxVisits ?? '')),
    field(L.online, v.onlineLevel ? enumLabel(ONLINE_LEVEL_LABELS[v.onlineLevel], v.onlineLevel) : ''),
    field(L.location, v.location),
    field(L.hours, v.hours),
    field(L.consult, v.consultPhone),
    field(L.complaint, v.complaintPhone),
    heading(L.conditions),
    ...textBlock(g.guide.conditions || v.acceptanceConditions),
    heading(L.materials),
    ...v.materials.map((m, i) => {
      const extra = [
        enumLabel(MATERIAL_FORM_LABELS[m.form], m.form),
        L.copies(m.copies),
        m.requirement === 'conditional' ? m.condition : '',
        m.deferrable ? L.deferrable : '',
        m.licenseTypeCode ? L.exemptByLicense : '',
      ].filter(Boolean);
      return body(`${i + 1}. ${m.name}（${extra.join('，')}）`);
    }),
    heading(L.process),
    field(L.steps, v.steps.join(' → ')),
    ...textBlock(g.guide.process),
  );
  if (g.guide.notes) children.push(heading(L.notes), ...textBlock(g.guide.notes));
  children.push(body(L.version(v.versionNo, (v.publishedAt ?? '').slice(0, 10))));

  const doc = new Document({
    title: g.guide.name,
    creator: '通办',
    styles: { default: { document: { run: { font: FONT.body, size: SIZE.body }, paragraph: { spacing } } } },
    sections: [
      {
        properties: {
          page: {
            size: { width: mm(210), height: mm(297) },
            margin: {
              top: mm(37),
              bottom: mm(35),
              left: mm(28),
              right: mm(26),
              footer: mm(23),
              header: mm(15),
            },
          },
        },
        footers: { default: footer() },
        children,
      },
    ],
  });
  return Packer.toBuffer(doc);
}
