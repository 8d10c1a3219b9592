import { NOTICE_KIND_LABELS, type NoticeKind } from '@tongban/contracts';

/**
 * ACC-2: the written notices of a case (受理、不予受理、补正、中止、延期、决定). One content record per
 * notice, stored as issued; the print view (JSON) and the .docx are both rendered from it.
 */
export type NoticeContent = {
  title: string;
  noticeNo: string;
  caseNo: string;
  itemName: string;
  /** The applicant, as addressed on the notice. */
  addressee: string;
  paragraphs: string[];
  /** Listed items (materials to supplement, deferred materials …). */
  list: { name: string; note: string }[];
  issuer: string;
  /** 2026年11月20日 */
  dateText: string;
  issuedOn: string;
} & Record<string, unknown>;

const KIND_ABBR: Record<NoticeKind, string> = {
  accept: '受',
  refuse: '不受',
  supplement: '补',
  suspend: '中',
  extend: '延',
  decide: '决',
};

/** 云溪受字〔2026〕第00012号 — unique per region, kind and year. */
export function formatNoticeNo(regionShort: string, kind: NoticeKind, year: number, serial: number): string {
  return `${regionShort}${KIND_ABBR[kind]}字〔${year}〕第${String(serial).padStart(5, '0')}号`;
}

export function chineseDate(isoDate: string): string {
  const [y, m, d] = isoDate.split('-');
  return `${y}年${Number(m)}月${Number(d)}日`;
}

export function noticeTitle(kind: NoticeKind): string {
  return NOTICE_KIND_LABELS[kind];
}

/** The remedies a refusal or denial must state (行政复议法 Art. 20, 行政诉讼法 Art. 46). */
export function remediesText(issuer: string): string {
  return `申请人如对本决定不服，可以自收到本决定书之日起六十日内依法申请行政复议，或者自收到本决定书之日起六个月内依法向人民法院提起行政诉讼。（作出机关：${issuer}）`;
}

const FONT = { title: '方正小标宋简体', body: '仿宋_GB2312' } as const;
const mm = (v: number) => Math.round((v * 1440) / 25.4);

/** The notice as a Word file in the layout of an official letter (GB/T 9704: A4, 仿宋 3号). */
export async function renderNoticeDocx(c: NoticeContent): Promise<Buffer> {
  // Loaded on first use: docx is large and most processes never render a notice.
  const { AlignmentType, Document, Packer, Paragraph, TextRun } = await import('docx');
  const body = (text: string, opts: { indent?: boolean; align?: 'right' | 'center' } = {}) =>
    new Paragraph({
      alignment:
        opts.align === 'right'
          ? AlignmentType.RIGHT
          : opts.align === 'center'
            ? AlignmentType.CENTER
            : AlignmentType.JUSTIFIED,
      indent: opts.indent ? { firstLine: 640 } : undefined,
      spacing: { line: 578, lineRule: 'exact' },
      children: [new TextRun({ text, font: FONT.body, size: 32 })],
    });
  const doc = new Document({
    creator: '通办',
    title: `${c.title} ${c.noticeNo}`,
    sections: [
      {
        properties: {
          page: {
            size: { width: mm(210), height: mm(297) },
            margin: { top: mm(37), bottom: mm(35), left: mm(28), right: mm(26) },
          },
        },
        children: [
          new Paragraph({
            alignment: AlignmentType.CENTER,
            spacing: { after: 200 },
            children: [new TextRun({ text: c.title, font: FONT.title, size: 44 })],
          }),
          body(c.noticeNo, { align: 'center' }),
          body(`${c.addressee}：`),
          ...c.paragraphs.map((p) => body(p, { indent: true })),
          ...c.list.map((x, i) =>
            body(`${i + 1}. ${x.name}${x.note ? `（${x.note}）` : ''}`, { indent: true }),
          ),
          body(
            typeof c.queryCode === 'string'
              ? `办件编号：${c.caseNo}；查询码：${c.queryCode}（凭办件编号和查询码可在网上查询办理进度）；事项：${c.itemName}`
              : `办件编号：${c.caseNo}；事项：${c.itemName}`,
            { indent: true },
          ),
          body(''),
          body(c.issuer, { align: 'right' }),
          body(c.dateText, { align: 'right' }),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
