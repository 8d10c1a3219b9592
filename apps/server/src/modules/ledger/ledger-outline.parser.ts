import { z } from 'zod';

/**
 * Import of a feedback document (巡察反馈意见) or a rectification report (整改情况通报) as an editable
 * draft of an inspection, its categories, findings and measures.
 *
 * The parser is written for the genre, not for particular files: Chinese official documents number
 * their levels 一、 > （一） > 1. > （1） (GB/T 9704-2012 §7.3.3), authors mix full- and half-width
 * brackets, write 1、 or 1． for 1., add stray spaces, skip levels, and enumerate inline with 一是…二是….
 * Whatever cannot be placed is returned in `unplaced` with its line number — never dropped — so the
 * reviewer sees it before saving.
 */

export const InspectionKind = z.enum([
  'xuncha', // 巡察
  'xunshi', // 巡视
  'audit', // 审计
  'special_supervision', // 专项督查
  'unannounced', // 暗访
  'self_check', // 自查
  'revisit', // 上轮回头看
]);
export type InspectionKind = z.infer<typeof InspectionKind>;

export const inspectionKindLabels: Record<InspectionKind, string> = {
  xuncha: '巡察',
  xunshi: '巡视',
  audit: '审计',
  special_supervision: '专项督查',
  unannounced: '暗访',
  self_check: '自查',
  revisit: '回头看',
};

export const MeasureKind = z.enum(['immediate', 'deadline', 'ongoing']);
export type MeasureKind = z.infer<typeof MeasureKind>;

/** `YYYY-MM-DD`, or `YYYY-MM` when the text only names a month (e.g. "9月下旬"). */
const PartialIsoDate = z.string().regex(/^\d{4}-\d{2}(-\d{2})?$/);

export const ParsedInspection = z.object({
  kind: InspectionKind.optional(),
  title: z.string().optional(),
  team: z.string().optional(),
  inspectedUnit: z.string().optional(),
  periodStart: PartialIsoDate.optional(),
  periodEnd: PartialIsoDate.optional(),
  feedbackDate: PartialIsoDate.optional(),
  /** The opening paragraph the fields above were read from. */
  opening: z.string().optional(),
});
export type ParsedInspection = z.infer<typeof ParsedInspection>;

export const ParsedCategory = z.object({
  /** Stable within one parse: the chain of labels, e.g. "二、/（一）". */
  key: z.string(),
  label: z.string(),
  title: z.string(),
  parentKey: z.string().optional(),
  depth: z.number().int().min(0),
  line: z.number().int().positive(),
});
export type ParsedCategory = z.infer<typeof ParsedCategory>;

export const ParsedMeasure = z.object({
  content: z.string(),
  leader: z.string().optional(),
  department: z.string().optional(),
  deadlineText: z.string().optional(),
  dueDate: PartialIsoDate.optional(),
  kind: MeasureKind.optional(),
  line: z.number().int().positive(),
});
export type ParsedMeasure = z.infer<typeof ParsedMeasure>;

export const ParsedFinding = z.object({
  key: z.string(),
  label: z.string(),
  number: z.number().int().optional(),
  title: z.string(),
  /** 问题表现. */
  description: z.string(),
  categoryKey: z.string().optional(),
  measures: z.array(ParsedMeasure),
  line: z.number().int().positive(),
});
export type ParsedFinding = z.infer<typeof ParsedFinding>;

export const UnplacedLine = z.object({
  line: z.number().int().positive(),
  text: z.string(),
  reason: z.string(),
});
export type UnplacedLine = z.infer<typeof UnplacedLine>;

export const ParsedOutline = z.object({
  /** 'report' when the text reports what was done (整改情况); 'feedback' when it only lists problems. */
  genre: z.enum(['report', 'feedback']),
  inspection: ParsedInspection,
  categories: z.array(ParsedCategory),
  findings: z.array(ParsedFinding),
  narratives: z.object({ workDone: z.string(), leads: z.string(), nextSteps: z.string() }),
  contact: z.object({
    phone: z.string().optional(),
    email: z.string().optional(),
    address: z.string().optional(),
    postcode: z.string().optional(),
  }),
  signature: z.string().optional(),
  reportDate: PartialIsoDate.optional(),
  unplaced: z.array(UnplacedLine),
  warnings: z.array(z.string()),
});
export type ParsedOutline = z.infer<typeof ParsedOutline>;

// ---------------------------------------------------------------------------------------------
// Lines and markers

type SourceLine = { line: number; text: string };

type StructuralStyle = 'cn' | 'cnParen' | 'num' | 'numParen';

/** GB/T 9704 order of levels; a document may skip levels but does not invert them. */
const STYLE_RANK: Record<StructuralStyle, number> = { cn: 0, cnParen: 1, num: 2, numParen: 3 };

const CN_NUMERAL = '一二三四五六七八九十';
const SPACE = '[\\s\\u3000\\u00a0]';

const STRUCTURAL_MARKERS: { style: StructuralStyle; re: RegExp }[] = [
  { style: 'cnParen', re: new RegExp(`^[（(]${SPACE}*([${CN_NUMERAL}]{1,3})${SPACE}*[)）]${SPACE}*`) },
  { style: 'numParen', re: new RegExp(`^[（(]${SPACE}*([0-9０-９]{1,3})${SPACE}*[)）]${SPACE}*`) },
  // "1.32万元" or "4.15日" at the start of a line is a number, not a marker.
  { style: 'num', re: new RegExp(`^([0-9０-９]{1,3})${SPACE}*[.．、](?![0-9０-９])${SPACE}*`) },
  { style: 'cn', re: new RegExp(`^([${CN_NUMERAL}]{1,3})${SPACE}*[、．.]${SPACE}*`) },
];

/** Item markers below the outline: 1) and ① list measures or departments, never findings. */
const HALF_PAREN_ITEM = new RegExp(`^([0-9０-９]{1,2})${SPACE}*[)）]${SPACE}*`);
const CIRCLED_ITEM = new RegExp(`^([①-⑳])${SPACE}*`);
/** "1)医保局:" — a department heading its own list of measures (the 2018 report does this). */
const DEPARTMENT_ITEM = new RegExp(
  `^[0-9０-９]{1,2}${SPACE}*[)）]${SPACE}*([^:：，,。；;]{2,14})[:：]${SPACE}*`,
);
const MEASURE_LABEL = new RegExp(`^整改(?:落实|完成)?(?:情况|措施|进展情况|进展)${SPACE}*[:：]?${SPACE}*`);

function trimLine(text: string): string {
  return text.replace(/^[\s\u3000\u00a0\ufeff]+|[\s\u3000\u00a0]+$/g, '');
}

function parseNumeral(token: string): number {
  const ascii = token.replace(/[０-９]/g, (d) => String(d.charCodeAt(0) - 0xff10));
  if (/^\d+$/.test(ascii)) return Number(ascii);
  // Chinese numerals up to 99 are all an outline needs.
  const digit = (c: string | undefined) => (c ? CN_NUMERAL.indexOf(c) + 1 : 0);
  const tenAt = token.indexOf('十');
  if (tenAt < 0) return digit(token[0]);
  const tens = tenAt === 0 ? 1 : digit(token[tenAt - 1]);
  return tens * 10 + digit(token[tenAt + 1]);
}

function toCnNumeral(n: number): string {
  if (n <= 10) return n === 10 ? '十' : (CN_NUMERAL[n - 1] ?? String(n));
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? '' : (CN_NUMERAL[tens - 1] ?? '')}十${ones ? (CN_NUMERAL[ones - 1] ?? '') : ''}`;
}

type Marker = { style: StructuralStyle; n: number; label: string; rest: string };

function matchStructural(text: string): Marker | undefined {
  for (const { style, re } of STRUCTURAL_MARKERS) {
    const m = re.exec(text);
    if (!m?.[1]) continue;
    const rest = text.slice(m[0].length);
    // "一、" followed by nothing is a stray numeral, and "1.5" etc. were excluded above.
    if (rest.length === 0) continue;
    return { style, n: parseNumeral(m[1]), label: m[0].replace(/[\s\u3000\u00a0]/g, ''), rest };
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Inline 一是…二是… enumeration

type Segment = { ordinal?: number; text: string };

const LEADING_ORDINAL = /^([一二三四五六七八九十]{1,3})是/;

/**
 * Splits "一是A。二是B；三是C" into ordinal segments. Only the next expected ordinal splits, so
 * "这是" or an out-of-sequence "三是" stays in the text. `expected` carries the sequence across the
 * lines of one body; an ordinal opening a line resynchronises it.
 */
function splitOrdinals(text: string, state: { expected: number } = { expected: 1 }): Segment[] {
  const segments: Segment[] = [];
  let cursor = 0;
  let current: Segment | undefined;
  const leading = LEADING_ORDINAL.exec(text);
  if (leading?.[1]) state.expected = parseNumeral(leading[1]);
  for (;;) {
    const token = `${toCnNumeral(state.expected)}是`;
    let at = text.indexOf(token, cursor);
    // The first ordinal must open the text or follow a clause end; once the sequence has started
    // a missing full stop ("给予调整二是") is common in published reports and tolerated.
    while (at > 0 && state.expected === 1 && !/[。；;：:，,\s]/.test(text[at - 1] ?? '')) {
      at = text.indexOf(token, at + 1);
    }
    if (at < 0) break;
    const before = text.slice(cursor, at).trim();
    if (current) current.text = (current.text + before).trim();
    else if (before) segments.push({ text: before });
    current = { ordinal: state.expected, text: text.slice(at, at + token.length) };
    segments.push(current);
    cursor = at + token.length;
    state.expected += 1;
  }
  const tail = text.slice(cursor).trim();
  if (current) current.text = (current.text + tail).trim();
  else if (tail) segments.push({ text: tail });
  return segments;
}

// ---------------------------------------------------------------------------------------------
// Dates, people, places

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

function formatPartialDate(year: number, month: number, day?: number): string | undefined {
  if (month < 1 || month > 12) return undefined;
  if (day === undefined) return `${year}-${pad2(month)}`;
  if (day < 1 || day > 31) return undefined;
  return `${year}-${pad2(month)}-${pad2(day)}`;
}

const DATE_RE = /(?:(\d{4})\s*年\s*)?(\d{1,2})\s*月\s*(?:(\d{1,2})\s*日|(底|末|上旬|中旬|下旬))?/g;

type FoundDate = { iso: string; index: number; end: number };

function findDates(text: string, defaultYear?: number): FoundDate[] {
  const found: FoundDate[] = [];
  let year = defaultYear;
  for (const m of text.matchAll(DATE_RE)) {
    if (m[1]) year = Number(m[1]);
    if (year === undefined) continue;
    const month = Number(m[2]);
    let iso: string | undefined;
    if (m[3]) iso = formatPartialDate(year, month, Number(m[3]));
    else if (m[4] === '底' || m[4] === '末') iso = formatPartialDate(year, month, daysInMonth(year, month));
    else iso = formatPartialDate(year, month);
    if (iso) found.push({ iso, index: m.index, end: m.index + m[0].length });
  }
  return found;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function guessInspectionKind(text: string): InspectionKind | undefined {
  const order: [RegExp, InspectionKind][] = [
    [/回头看/, 'revisit'],
    [/巡视/, 'xunshi'],
    [/巡察/, 'xuncha'],
    [/审计/, 'audit'],
    [/督查|督导/, 'special_supervision'],
    [/暗访/, 'unannounced'],
    [/自查/, 'self_check'],
  ];
  return order.find(([re]) => re.test(text))?.[1];
}

function readInspection(title: string | undefined, opening: string | undefined): ParsedInspection {
  const inspection: ParsedInspection = {};
  if (title) inspection.title = title;
  const kind = guessInspectionKind(`${title ?? ''}${opening ?? ''}`);
  if (kind) inspection.kind = kind;
  if (!opening) return inspection;
  inspection.opening = opening;

  const team = /([\u4e00-\u9fff]*?(?:巡察|巡视|督查|审计|检查|督导)[\u4e00-\u9fff]*?组)/.exec(opening);
  if (team?.[1]) inspection.team = team[1].replace(/^(?:根据|按照|经)/, '');

  const unit = /对\s*([^，,。；;]{2,40}?)\s*(?:开展了?|进行了?|实施了?)/.exec(opening);
  if (unit?.[1]) inspection.inspectedUnit = unit[1].split(/[“"‘]/)[0]?.trim() ?? unit[1];

  // Period: the first "X至Y" date range; feedback: the date in the sentence that says 反馈.
  const firstYear = /(\d{4})\s*年/.exec(opening);
  const dates = findDates(opening, firstYear ? Number(firstYear[1]) : undefined);
  const range = dates.findIndex((d, i) => {
    const next = dates[i + 1];
    return next !== undefined && /^\s*(?:至|到|—|-|－|~)\s*$/.test(opening.slice(d.end, next.index));
  });
  if (range >= 0) {
    inspection.periodStart = dates[range]?.iso;
    inspection.periodEnd = dates[range + 1]?.iso;
  }
  for (const sentence of opening.split(/[。；;]/)) {
    if (!/反馈/.test(sentence)) continue;
    const clauses = sentence.split(/[，,]/);
    const withFeedback = clauses.findIndex((c) => /反馈/.test(c));
    // The date sits in the clause that says 反馈 or just before it ("2024年5月16日,…反馈了…").
    for (const clause of [clauses[withFeedback], clauses[withFeedback - 1]]) {
      const d = clause ? findDates(clause, firstYear ? Number(firstYear[1]) : undefined)[0] : undefined;
      if (d && d.iso.length === 10) {
        inspection.feedbackDate = d.iso;
        break;
      }
    }
    if (inspection.feedbackDate) break;
  }
  return inspection;
}

function readMeasureFields(content: string, line: number, department?: string): ParsedMeasure {
  const measure: ParsedMeasure = { content, line };
  const leader = /责任领导\s*[:：]\s*([^；;，,。\s）)]+)/.exec(content);
  if (leader?.[1]) measure.leader = leader[1];
  const dept = /责任(?:部门|单位|科室|股室)\s*[:：]\s*([^；;，,。\s）)]+)/.exec(content);
  if (dept?.[1]) measure.department = dept[1];
  else if (department) measure.department = department;
  const deadline = /(?:完成时限|整改时限|完成时间)\s*[:：]\s*([^；;。\n]+)/.exec(content);
  if (deadline?.[1]) {
    measure.deadlineText = deadline[1].trim();
    const due = findDates(measure.deadlineText)[0];
    if (due) measure.dueDate = due.iso;
  }
  if (/立行立改|立即整改|立说立改|立知立改/.test(content)) measure.kind = 'immediate';
  else if (/长期坚持|长期推进|常抓不懈/.test(measure.deadlineText ?? content)) measure.kind = 'ongoing';
  else if (measure.dueDate) measure.kind = 'deadline';
  return measure;
}

function readContact(text: string): ParsedOutline['contact'] {
  const contact: ParsedOutline['contact'] = {};
  const phone = /(?:电话|联系方式|热线)\s*[:：]?\s*((?:\d[\d\s\-－—]{5,}\d))/.exec(text);
  const anyPhone = /\b(0\d{2,3}[-－]\d{7,8}|1[3-9]\d{9})\b/.exec(text);
  if (phone?.[1]) contact.phone = phone[1].replace(/\s/g, '');
  else if (anyPhone?.[1]) contact.phone = anyPhone[1];
  const email = /([\w.+-]+@[\w-]+(?:\.[\w-]+)+)/.exec(text);
  if (email?.[1]) contact.email = email[1];
  const address = /(?:联系|通信|通讯)?地址\s*[:：]\s*([^，,。；;\n]+)/.exec(text);
  if (address?.[1]) contact.address = address[1].trim();
  const postcode = /邮政编码\s*[:：]?\s*(\d{6})/.exec(text);
  if (postcode?.[1]) contact.postcode = postcode[1];
  return contact;
}

// ---------------------------------------------------------------------------------------------
// Headings

type SectionKind = 'leads' | 'nextSteps' | 'workDone' | 'requirements' | 'container' | 'category' | 'plain';

/** Words by which a heading names a problem rather than an activity. */
const PROBLEM_WORDS =
  /问题|不力|不到位|不足|不够|不严|不实|不强|不高|不准|不清|不规范|不完善|不明显|差距|薄弱|缺乏|欠缺|缺少|缺失|滞后|缓慢|随意|混乱|偏差|走形式|形同虚设|有待|脱节|未建立|未落实|未按|未发挥/;

function classifyHeading(heading: string): SectionKind {
  const h = heading.split(/[。]/)[0] ?? heading;
  if (/问题线索|信访件|线索.{0,4}(处理|办理)/.test(h)) return 'leads';
  if (/下一步|下步|努力方向|进一步整改的事项|今后.{0,6}(打算|工作)|工作打算/.test(h)) return 'nextSteps';
  // A feedback text's closing demands (整改要求) are not findings, and the ledger has no place for them.
  if (/^整改(要求|意见|建议)$/.test(h)) return 'requirements';
  if (/方面$/.test(h)) return 'category';
  if (
    /反馈(意见|问题)|巡[察视](意见|反馈)|(发现|涉及|指出)的?问题.{0,6}整改|问题的?整改(落实)?情况|(发现|存在)的?(主要)?问题$/.test(
      h,
    )
  ) {
    return 'container';
  }
  if (PROBLEM_WORDS.test(h)) return 'category';
  if (/整改|工作(开展|推进)情况|组织领导|责任落实/.test(h)) return 'workDone';
  return 'plain';
}

/** "关于X问题整改落实情况。" → "X"; "个别问题整改不到位。如…" → title and the rest. */
function splitTitle(text: string): { title: string; description: string } {
  const stop = text.search(/[。；;]/);
  let title = stop >= 0 ? text.slice(0, stop) : text;
  const description = stop >= 0 ? text.slice(stop + 1).trim() : '';
  title = title
    .replace(/^关于\s*/, '')
    .replace(/(?:的)?(?:问题)?(?:的)?整改(?:落实|进展)?情况$/, '')
    .replace(/问题$/, '')
    .trim();
  return { title: title || text.trim(), description };
}

// ---------------------------------------------------------------------------------------------
// The outline tree

type OutlineNode = {
  style: StructuralStyle;
  rank: number;
  n: number;
  label: string;
  head: string;
  source: SourceLine;
  body: SourceLine[];
  children: OutlineNode[];
};

function buildTree(lines: SourceLine[]): OutlineNode[] {
  const roots: OutlineNode[] = [];
  const stack: OutlineNode[] = [];
  for (const line of lines) {
    const marker = matchStructural(line.text);
    if (!marker) {
      stack.at(-1)?.body.push(line);
      continue;
    }
    const node: OutlineNode = {
      style: marker.style,
      rank: STYLE_RANK[marker.style],
      n: marker.n,
      label: marker.label,
      head: marker.rest,
      source: line,
      body: [],
      children: [],
    };
    while (stack.length > 0 && (stack.at(-1)?.rank ?? -1) >= node.rank) stack.pop();
    const parent = stack.at(-1);
    if (parent) parent.children.push(node);
    else roots.push(node);
    stack.push(node);
  }
  return roots;
}

function flattenLines(node: OutlineNode, includeHead: boolean): SourceLine[] {
  const out: SourceLine[] = includeHead ? [node.source, ...node.body] : [...node.body];
  for (const child of node.children) out.push(...flattenLines(child, true));
  return out;
}

// ---------------------------------------------------------------------------------------------
// The parser

type Draft = {
  genre: 'report' | 'feedback';
  categories: ParsedCategory[];
  findings: ParsedFinding[];
  narratives: { workDone: string[]; leads: string[]; nextSteps: string[] };
  unplaced: UnplacedLine[];
  warnings: string[];
};

const CONTACT_LINE = /欢迎.{0,40}(监督|反映|意见)|联系(方式|电话|地址|人)|电子(信箱|邮箱)|邮政编码|^邮箱/;

export function parseFeedbackText(text: string): ParsedOutline {
  const all: SourceLine[] = text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((raw, i) => ({ line: i + 1, text: trimLine(raw) }))
    .filter((l) => l.text.length > 0);

  const unplaced: UnplacedLine[] = [];
  const warnings: string[] = [];

  // 1. Title and opening paragraph come before the first numbered heading.
  const firstHeading = all.findIndex((l) => matchStructural(l.text) !== undefined);
  const preamble = firstHeading < 0 ? all : all.slice(0, firstHeading);
  let title: string | undefined;
  let opening: string | undefined;
  for (const l of preamble) {
    if (
      !title &&
      !opening &&
      l.text.length <= 80 &&
      !/[。]$/.test(l.text) &&
      /整改|巡察|巡视|审计|督查|反馈|检查/.test(l.text) &&
      /(通报|报告|情况|意见|公告|公示)$/.test(l.text)
    ) {
      title = l.text;
    } else if (!opening && /巡察|巡视|审计|督查|督导|检查|暗访|自查/.test(l.text) && l.text.length > 30) {
      opening = l.text;
    } else {
      unplaced.push({ line: l.line, text: l.text, reason: '正文前的文字，未能识别为标题或开头段' });
    }
  }
  const rest = firstHeading < 0 ? [] : all.slice(firstHeading);

  // 2. The closing block: contact paragraph, signature, date. It follows the last section, so it
  //    is cut off before the tree is built, or it would end up in the last section's text.
  const contactAt = rest.findIndex((l) => CONTACT_LINE.test(l.text) && matchStructural(l.text) === undefined);
  const outlineLines = contactAt < 0 ? rest : rest.slice(0, contactAt);
  const closing = contactAt < 0 ? [] : rest.slice(contactAt);
  const contactTexts: string[] = [];
  let signature: string | undefined;
  let reportDate: string | undefined;
  for (const l of closing) {
    const date = /^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日$/.exec(l.text);
    if (CONTACT_LINE.test(l.text) || /@|^\d{3,4}[-－]\d{7,8}|^电话|^地址/.test(l.text))
      contactTexts.push(l.text);
    else if (date) reportDate = formatPartialDate(Number(date[1]), Number(date[2]), Number(date[3]));
    else if (!signature && l.text.length <= 40 && /[\u4e00-\u9fff]/.test(l.text) && !/[。，,]/.test(l.text)) {
      signature = l.text;
    } else unplaced.push({ line: l.line, text: l.text, reason: '落款部分无法识别的文字' });
  }
  const contact = readContact(contactTexts.join('\n'));

  // 3. The outline.
  const roots = buildTree(outlineLines);
  const isReport =
    /整改/.test(title ?? '') ||
    outlineLines.some((l) => MEASURE_LABEL.test(l.text)) ||
    roots.some((r) => /整改.{0,6}(情况|进展)|工作开展情况/.test(r.head));
  const draft: Draft = {
    genre: isReport ? 'report' : 'feedback',
    categories: [],
    findings: [],
    narratives: { workDone: [], leads: [], nextSteps: [] },
    unplaced,
    warnings,
  };

  const findingRoots: OutlineNode[] = [];
  for (const root of roots) {
    const kind = classifyHeading(root.head);
    switch (kind) {
      case 'leads':
      case 'nextSteps':
      case 'workDone':
        // A 一、 heading only names the section; a lower-level heading standing in for it is text.
        pushNarrative(draft, kind, flattenLines(root, root.rank > 0));
        break;
      case 'requirements':
        for (const l of flattenLines(root, true)) {
          draft.unplaced.push({ line: l.line, text: l.text, reason: '整改要求不是问题，台账中没有对应位置' });
        }
        break;
      case 'container':
        placeGroup(draft, root.children, undefined, true);
        for (const l of root.body) {
          draft.unplaced.push({ line: l.line, text: l.text, reason: '问题部分开头的说明文字' });
        }
        break;
      case 'category':
      case 'plain':
        findingRoots.push(root);
        break;
    }
  }
  // Categories (or findings) standing at the top without a 二、 section around them.
  placeGroup(draft, findingRoots, undefined, true);

  checkNumbering(draft);
  return {
    genre: draft.genre,
    inspection: readInspection(title, opening),
    categories: draft.categories,
    findings: draft.findings,
    narratives: {
      workDone: draft.narratives.workDone.join('\n'),
      leads: draft.narratives.leads.join('\n'),
      nextSteps: draft.narratives.nextSteps.join('\n'),
    },
    contact,
    ...(signature ? { signature } : {}),
    ...(reportDate ? { reportDate } : {}),
    unplaced: draft.unplaced.sort((a, b) => a.line - b.line),
    warnings: draft.warnings,
  };
}

function pushNarrative(draft: Draft, kind: 'leads' | 'nextSteps' | 'workDone', lines: SourceLine[]): void {
  draft.narratives[kind].push(...lines.map((l) => l.text));
}

/**
 * Decides, for a set of sibling headings, which are categories and which are findings. Siblings
 * that have numbered children are categories, and so is every sibling of the same style; the
 * others are findings. When no sibling has children, a top-level group whose headings read like
 * categories ("…方面", or a body that lists 一是…二是…) holds its findings inline; any other group
 * is a list of findings.
 */
function placeGroup(
  draft: Draft,
  siblings: OutlineNode[],
  parent: ParsedCategory | undefined,
  topLevel: boolean,
): void {
  const nested = siblings.filter((s) => s.children.length > 0);
  const categoryStyles = new Set(nested.map((s) => s.style));
  const inlineCategories =
    topLevel &&
    nested.length === 0 &&
    siblings.length > 0 &&
    siblings.every((s) => /方面[。：:]?$/.test(s.head.split('。')[0] ?? '') || countOrdinals(s.body) >= 2);

  for (const node of siblings) {
    const kind = classifyHeading(node.head);
    if (kind === 'requirements') {
      for (const l of flattenLines(node, true)) {
        draft.unplaced.push({ line: l.line, text: l.text, reason: '整改要求不是问题，台账中没有对应位置' });
      }
      continue;
    }
    // Inside a category every heading names problems ("整改与日常工作脱节…"); only directly under a
    // section can a heading be an account of the work itself.
    const narrative = kind === 'leads' || kind === 'nextSteps' || (topLevel && kind === 'workDone');
    if (narrative && (kind !== 'workDone' || node.children.length > 0)) {
      pushNarrative(draft, kind, flattenLines(node, true));
      continue;
    }
    if (categoryStyles.has(node.style) || inlineCategories) placeCategory(draft, node, parent);
    else placeFinding(draft, node, parent);
  }
}

function countOrdinals(body: SourceLine[]): number {
  const state = { expected: 1 };
  return body.flatMap((l) => splitOrdinals(l.text, state)).filter((s) => s.ordinal !== undefined).length;
}

function placeCategory(draft: Draft, node: OutlineNode, parent: ParsedCategory | undefined): void {
  // "一、窗口服务方面。一是…" — the findings may follow the heading on the same line.
  const stop = node.head.search(/[。：:]/);
  const inline = stop >= 0 ? node.head.slice(stop + 1).trim() : '';
  const body = inline ? [{ line: node.source.line, text: inline }, ...node.body] : node.body;
  const category: ParsedCategory = {
    key: parent ? `${parent.key}/${node.label}` : node.label,
    label: node.label,
    title: (stop >= 0 ? node.head.slice(0, stop) : node.head).trim(),
    depth: parent ? parent.depth + 1 : 0,
    line: node.source.line,
  };
  if (parent) category.parentKey = parent.key;
  draft.categories.push(category);

  if (node.children.length === 0) {
    // "一、…方面。一是…；二是…" — the body enumerates the findings.
    placeOrdinalFindings(draft, body, category);
    return;
  }
  for (const l of body) {
    draft.unplaced.push({ line: l.line, text: l.text, reason: '分类标题下、编号问题之前的说明文字' });
  }
  placeGroup(draft, node.children, category, false);
}

function placeOrdinalFindings(draft: Draft, body: SourceLine[], category: ParsedCategory): void {
  let index = 0;
  const state = { expected: 1 };
  for (const l of body) {
    for (const segment of splitOrdinals(l.text, state)) {
      if (segment.ordinal === undefined) {
        const last = draft.findings.at(-1);
        if (index > 0 && last?.categoryKey === category.key) {
          last.description = [last.description, segment.text].filter(Boolean).join('\n');
        } else {
          draft.unplaced.push({ line: l.line, text: segment.text, reason: '分类下未编号的文字' });
        }
        continue;
      }
      index += 1;
      const { title, description } = splitTitle(segment.text.replace(/^[一二三四五六七八九十]+是/, ''));
      draft.findings.push({
        key: `${category.key}/${segment.ordinal}是`,
        label: `${toCnNumeral(segment.ordinal)}是`,
        number: segment.ordinal,
        title,
        description,
        categoryKey: category.key,
        measures: [],
        line: l.line,
      });
    }
  }
}

function placeFinding(draft: Draft, node: OutlineNode, category: ParsedCategory | undefined): void {
  // An inline "整改情况：" in the heading starts the report of what was done.
  let head = node.head;
  const body = [...node.body];
  const inlineLabel = /整改(?:落实)?(?:情况|措施)\s*[:：]/.exec(head);
  if (inlineLabel && inlineLabel.index > 0) {
    body.unshift({ line: node.source.line, text: head.slice(inlineLabel.index) });
    head = head.slice(0, inlineLabel.index);
  }
  const { title, description } = splitTitle(head);
  const finding: ParsedFinding = {
    key: category ? `${category.key}/${node.label}` : node.label,
    label: node.label,
    number: node.n,
    title,
    description,
    measures: [],
    line: node.source.line,
  };
  if (category) finding.categoryKey = category.key;
  draft.findings.push(finding);

  readFindingBody(draft, finding, body);
  // Numbered children under a finding are deeper detail (rare): keep them as text of the finding.
  for (const child of node.children) {
    readFindingBody(draft, finding, flattenLines(child, true));
  }
}

/**
 * In a report the body of a finding says what was done: measures, listed with 一是…, 1), ① or as
 * plain paragraphs, optionally grouped by department ("2)医保局:"). In a feedback text the body is
 * more 问题表现, unless introduced by 整改措施.
 */
function readFindingBody(draft: Draft, finding: ParsedFinding, body: SourceLine[]): void {
  let inMeasures = draft.genre === 'report';
  let sawLabel = false;
  let orphaned = false;
  let department: string | undefined;
  let current: ParsedMeasure | undefined;
  const ordinals = { expected: 1 };

  const start = (text: string, line: number) => {
    current = readMeasureFields(text, line, department);
    finding.measures.push(current);
  };
  const append = (text: string) => {
    if (!current) return;
    current.content = `${current.content}\n${text}`;
    const merged = readMeasureFields(current.content, current.line, current.department ?? department);
    Object.assign(current, merged);
  };

  for (const l of body) {
    let text = l.text;
    const label = MEASURE_LABEL.exec(text);
    if (label) {
      // A second "整改情况" under one finding means the heading of the next finding is missing
      // (the 2024 report skips its (42)); attaching it here would misreport what was done.
      if (sawLabel && finding.measures.length > 0) orphaned = true;
      sawLabel = true;
      inMeasures = true;
      text = text.slice(label[0].length);
      if (!orphaned && !text) continue;
    }
    if (orphaned) {
      draft.unplaced.push({
        line: l.line,
        text: l.text,
        reason: `“整改情况”在问题${finding.label}下重复出现，疑似缺少问题标题`,
      });
      continue;
    }
    if (!inMeasures) {
      finding.description = [finding.description, text].filter(Boolean).join('\n');
      continue;
    }

    const dept = DEPARTMENT_ITEM.exec(text);
    let marked = false;
    if (dept?.[1]) {
      department = dept[1].trim();
      current = undefined;
      ordinals.expected = 1;
      text = text.slice(dept[0].length);
      if (!text) continue;
      marked = true;
    } else {
      const item = HALF_PAREN_ITEM.exec(text) ?? CIRCLED_ITEM.exec(text);
      if (item) marked = true;
    }

    const segments = splitOrdinals(text, ordinals);
    segments.forEach((segment, i) => {
      const opensItem = segment.ordinal !== undefined || (i === 0 && marked) || !current;
      if (opensItem) start(segment.text, l.line);
      else append(segment.text);
    });
  }
}

function checkNumbering(draft: Draft): void {
  let previous: ParsedFinding | undefined;
  for (const finding of draft.findings) {
    if (previous?.number !== undefined && finding.number !== undefined) {
      const continues = finding.number === previous.number + 1;
      const restarts = finding.number === 1 && finding.categoryKey !== previous.categoryKey;
      if (!continues && !restarts) {
        draft.warnings.push(
          `问题编号不连续：第${previous.line}行的${previous.label}之后是第${finding.line}行的${finding.label}`,
        );
      }
    }
    previous = finding;
  }
  const byParent = new Map<string, ParsedCategory[]>();
  for (const c of draft.categories) {
    const list = byParent.get(c.parentKey ?? '') ?? [];
    list.push(c);
    byParent.set(c.parentKey ?? '', list);
  }
  for (const c of draft.categories) {
    if (!draft.findings.some((f) => f.categoryKey === c.key || f.categoryKey?.startsWith(`${c.key}/`))) {
      draft.warnings.push(`分类“${c.label}${c.title}”（第${c.line}行）下没有找到问题`);
    }
  }
  for (const list of byParent.values()) {
    const first = list[0];
    if (
      first &&
      first.parentKey !== undefined &&
      !/^[(（]?(1|一)[)）.．、]?$/.test(first.label.replace(/\s/g, ''))
    ) {
      draft.warnings.push(`分类编号不从1开始：第${first.line}行是${first.label}，前面的分类标题可能缺失`);
    }
  }
}
