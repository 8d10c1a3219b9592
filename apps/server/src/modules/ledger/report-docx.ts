import {
  AlignmentType,
  Document,
  Footer,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  TextRun,
  type IParagraphOptions,
} from 'docx';
import { formatCnDate, type ReportModel } from './report-model';

/**
 * The public report as a Word file laid out per GB/T 9704-2012 (党政机关公文格式): A4, 版心
 * 156 × 225 mm, title in 2号小标宋, body in 3号仿宋, 一、 headings in 黑体 and （一） in 楷体, fixed
 * line spacing, "— 1 —" page numbers in 4号宋体 (odd pages right, even pages left).
 */

const FONT = {
  title: '方正小标宋简体',
  body: '仿宋_GB2312',
  heading1: '黑体',
  heading2: '楷体_GB2312',
  pageNumber: '宋体',
} as const;

// Sizes in half-points: 2号 = 22 pt, 3号 = 16 pt, 4号 = 14 pt.
const SIZE = { title: 44, body: 32, pageNumber: 28 } as const;

// Fixed line spacing of 28.9 pt gives the standard's 22 lines in the 225 mm text block.
const LINE_TWIPS = 578;
// First-line indent of two 3号 characters: 2 × 16 pt = 32 pt = 640 twips.
const INDENT_TWIPS = 640;

/** Rounded, not truncated (docx's own helper floors 210 mm to 11905 twips instead of A4's 11906). */
function mm(millimetres: number): number {
  return Math.round((millimetres * 1440) / 25.4);
}

const A4 = { width: mm(210), height: mm(297) };
const MARGIN = {
  top: mm(37),
  bottom: mm(35),
  left: mm(28),
  right: mm(26),
  // Page number line sits 7 mm below the text block (§7.5).
  footer: mm(35 - 7 - 5),
  header: mm(15),
} as const;

const bodySpacing = { line: LINE_TWIPS, lineRule: LineRuleType.EXACT, before: 0, after: 0 } as const;

function run(text: string, font: string, size: number): TextRun {
  return new TextRun({ text, font: { ascii: font, eastAsia: font, hAnsi: font, cs: font }, size });
}

function paragraph(
  runs: TextRun[],
  options: Omit<IParagraphOptions, 'children' | 'text'> & { indent?: boolean } = {},
): Paragraph {
  const { indent = true, ...rest } = options;
  return new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    spacing: bodySpacing,
    ...(indent ? { indent: { firstLine: INDENT_TWIPS, firstLineChars: 200 } } : {}),
    ...rest,
    children: runs,
  });
}

function bodyParagraph(text: string): Paragraph {
  return paragraph([run(text, FONT.body, SIZE.body)]);
}

function heading1(text: string): Paragraph {
  return paragraph([run(text, FONT.heading1, SIZE.body)], { keepNext: true });
}

function heading2(text: string): Paragraph {
  return paragraph([run(text, FONT.heading2, SIZE.body)], { keepNext: true });
}

function pageNumberFooter(alignment: 'right' | 'left'): Footer {
  const font = { ascii: FONT.pageNumber, eastAsia: FONT.pageNumber, hAnsi: FONT.pageNumber };
  return new Footer({
    children: [
      new Paragraph({
        alignment: alignment === 'right' ? AlignmentType.RIGHT : AlignmentType.LEFT,
        // 单页码居右空一字，双页码居左空一字 (§7.5): one 4号 character = 280 twips.
        indent: alignment === 'right' ? { right: 280 } : { left: 280 },
        children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], font, size: SIZE.pageNumber })],
      }),
    ],
  });
}

function buildBody(model: ReportModel): Paragraph[] {
  const out: Paragraph[] = [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { line: 700, lineRule: LineRuleType.EXACT, after: LINE_TWIPS },
      children: [run(model.title, FONT.title, SIZE.title)],
    }),
    bodyParagraph(model.opening),
  ];

  out.push(heading1('一、整改工作开展情况'));
  for (const text of model.workDone) out.push(bodyParagraph(text));
  out.push(bodyParagraph(model.summary));

  out.push(heading1('二、反馈问题整改落实情况'));
  for (const section of model.sections) {
    out.push(heading2(`${section.label}${section.title}`));
    for (const finding of section.findings) {
      out.push(bodyParagraph(`${finding.number}.${finding.title}`));
      if (finding.description) out.push(bodyParagraph(`问题表现：${finding.description}`));
      const actions = finding.actions.map(
        (a, i) => `${finding.actions.length > 1 ? `（${i + 1}）` : ''}${a}`,
      );
      out.push(bodyParagraph(`整改情况：${actions.length > 0 ? actions.join('') : '尚未制定整改措施。'}`));
    }
  }

  out.push(heading1('三、问题线索处理情况'));
  for (const text of model.leads) out.push(bodyParagraph(text));

  out.push(heading1('四、下一步工作'));
  for (const text of model.nextSteps) out.push(bodyParagraph(text));

  out.push(bodyParagraph(model.contact));
  // 落款 (§7.3.5): the issuing unit and the date, right-aligned four characters in, after a blank line.
  const signature = (text: string) =>
    new Paragraph({
      alignment: AlignmentType.RIGHT,
      spacing: bodySpacing,
      indent: { right: (4 * INDENT_TWIPS) / 2 },
      children: [run(text, FONT.body, SIZE.body)],
    });
  out.push(paragraph([], { indent: false }));
  out.push(signature(model.issuer));
  out.push(signature(formatCnDate(model.asOf)));
  return out;
}

export async function renderReportDocx(model: ReportModel): Promise<Buffer> {
  const doc = new Document({
    title: model.title,
    creator: '通办',
    evenAndOddHeaderAndFooters: true,
    styles: {
      default: {
        document: {
          run: { font: FONT.body, size: SIZE.body },
          paragraph: { spacing: bodySpacing },
        },
      },
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: A4.width, height: A4.height },
            margin: MARGIN,
          },
        },
        footers: { default: pageNumberFooter('right'), even: pageNumberFooter('left') },
        children: buildBody(model),
      },
    ],
  });
  return Packer.toBuffer(doc);
}
