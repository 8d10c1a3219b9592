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

/**
 * How sure the parser is of an element's place (0..1): high when the text says what it is (方面,
 * 关于…问题, 问题表现/整改情况 labels, 一是… enumerations), lower when only nesting or numbering
 * decided it. The draft editor highlights the low ones.
 */
const Confidence = z.number().min(0).max(1);
export const LOW_CONFIDENCE = 0.7;

export const ParsedCategory = z.object({
  /** Stable within one parse: the chain of labels, e.g. "二、/（一）". */
  key: z.string(),
  label: z.string(),
  title: z.string(),
  parentKey: z.string().optional(),
  depth: z.number().int().min(0),
  line: z.number().int().positive(),
  confidence: Confidence,
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
  /** Every source line the content was read from. */
  lines: z.array(z.number().int().positive()),
  confidence: Confidence,
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
  /** 整改结果及成效, when the text states it apart from the measures. */
  result: z.string().optional(),
  measures: z.array(ParsedMeasure),
  line: z.number().int().positive(),
  /** The heading's line and those of its 问题表现. */
  lines: z.array(z.number().int().positive()),
  confidence: Confidence,
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

type StructuralStyle = 'cn' | 'article' | 'cnParen' | 'num' | 'numParen';

/**
 * GB/T 9704 order of levels; a document may skip levels but does not invert them. 第一条 (some
 * offices number findings like articles) sits between 一、 and （一）.
 */
const STYLE_RANK: Record<StructuralStyle, number> = { cn: 0, article: 0.5, cnParen: 1, num: 2, numParen: 3 };

const CN_NUMERAL = '一二三四五六七八九十';
const SPACE = '[\\s\\u3000\\u00a0]';

const STRUCTURAL_MARKERS: { style: StructuralStyle; re: RegExp }[] = [
  { style: 'cnParen', re: new RegExp(`^[（(]${SPACE}*([${CN_NUMERAL}]{1,3})${SPACE}*[)）]${SPACE}*`) },
  { style: 'numParen', re: new RegExp(`^[（(]${SPACE}*([0-9０-９]{1,3})${SPACE}*[)）]${SPACE}*`) },
  { style: 'num', re: new RegExp(`^([0-9０-９]{1,3})${SPACE}*[.．、]${SPACE}*`) },
  { style: 'cn', re: new RegExp(`^([${CN_NUMERAL}]{1,3})${SPACE}*[、．.]${SPACE}*`) },
  {
    style: 'article',
    re: new RegExp(
      `^(?:第${SPACE}*([${CN_NUMERAL}]{1,3}|[0-9０-９]{1,3})${SPACE}*(?:条|项|个问题)${SPACE}*[：:、.．]?|问题${SPACE}*([${CN_NUMERAL}]{1,3}|[0-9０-９]{1,3})${SPACE}*[：:、.．])${SPACE}*`,
    ),
  },
];

/** Item markers below the outline: 1) and ① list measures or departments, never findings. */
const HALF_PAREN_ITEM = new RegExp(`^([0-9０-９]{1,2})${SPACE}*[)）]${SPACE}*`);
const CIRCLED_ITEM = new RegExp(`^([①-⑳])${SPACE}*`);
/** "1)医保局:" — a department heading its own list of measures (the 2018 report does this). */
const DEPARTMENT_ITEM = new RegExp(
  `^[0-9０-９]{1,2}${SPACE}*[)）]${SPACE}*([^:：，,。；;]{2,14})[:：]${SPACE}*`,
);

/**
 * Labels say what a block is, whatever its numbering. A label needs its colon (or to stand alone
 * on its line): "(7)整改情况持续跟进不力" is a problem, not the start of measures.
 */
const LABEL_END = `${SPACE}*(?:[:：]${SPACE}*|$)`;
const FINDING_WORDS = '问题表现|存在问题|具体表现|主要问题|问题描述|反馈问题';
const MEASURE_WORDS = '整改(?:落实|完成|推进)?(?:情况|措施|进展情况|进展|举措)';
const RESULT_WORDS = '整改结果及成效|整改成效|整改结果|整改效果|取得成效';
const FINDING_LABEL = new RegExp(`^(?:${FINDING_WORDS})${LABEL_END}`);
const MEASURE_LABEL = new RegExp(`^${MEASURE_WORDS}${LABEL_END}`);
const RESULT_LABEL = new RegExp(`^(?:${RESULT_WORDS})${LABEL_END}`);
/** A label inside a line ("…的问题。问题表现：…。整改落实情况：①…") starts a block of its own. */
const INLINE_LABEL = new RegExp(`(?:${FINDING_WORDS}|${MEASURE_WORDS}|${RESULT_WORDS})${SPACE}*[:：]`, 'g');
/** A 整改情况 label anywhere in a line, and a finding's or a measure's label anywhere in it. */
const MEASURE_LABEL_INSIDE = new RegExp(`(?:${MEASURE_WORDS})${SPACE}*[:：]`);
const BLOCK_LABEL_INSIDE = new RegExp(`(?:${FINDING_WORDS}|${MEASURE_WORDS})${SPACE}*[:：]`);
const FIELD_LABEL = /(?:责任(?:领导|部门|单位|科室|股室|人)|牵头单位|完成时限|整改时限|完成时间)\s*[:：]/;

function isLabel(text: string): boolean {
  return FINDING_LABEL.test(text) || MEASURE_LABEL.test(text) || RESULT_LABEL.test(text);
}

/** Splits a line at every label inside it, so each label opens a piece of its own. */
function splitAtLabels(l: SourceLine): SourceLine[] {
  const cuts = [...l.text.matchAll(INLINE_LABEL)].map((m) => m.index).filter((i) => i > 0);
  if (cuts.length === 0) return [l];
  const pieces: SourceLine[] = [];
  let from = 0;
  for (const at of [...cuts, l.text.length]) {
    const text = l.text.slice(from, at).trim();
    if (text) pieces.push({ line: l.line, text });
    from = at;
  }
  return pieces;
}

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
    // 第一条 and 问题一： number in different groups of one pattern.
    const numeral = m?.[1] ?? m?.[2];
    if (!m || !numeral) continue;
    const rest = text.slice(m[0].length);
    // "一、" followed by nothing is a stray numeral.
    if (rest.length === 0) continue;
    // "1.32万元" or "4.15日" at the start of a line is a number, not a marker; "2.2022年…" is a
    // heading whose text starts with a year (numbers run into the text).
    if (style === 'num' && /^[0-9０-９]/.test(rest) && !/^[0-9０-９]{1,4}\s*[年月]/.test(rest)) continue;
    return { style, n: parseNumeral(numeral), label: m[0].replace(/[\s\u3000\u00a0]/g, ''), rest };
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

/** "（1）…；（2）…" or "①…；②…" inside one paragraph: numbered items, in sequence. */
const INLINE_ITEM_FAMILIES: { at: (n: number) => RegExp }[] = [
  Array.from({ length: 20 }, (_, i) => new RegExp(`[（(]${SPACE}*${i + 1}${SPACE}*[)）]${SPACE}*`, 'g')),
  Array.from({ length: 20 }, (_, i) => new RegExp(`${String.fromCharCode(0x2460 + i)}${SPACE}*`, 'g')),
].map((family) => ({ at: (n: number) => family[n - 1] ?? /$^/g }));

/**
 * Splits a measures paragraph into its items: 一是…二是… first (the sequence may run across the
 * lines of one body), else (1)(2) or ①② within the line. Items must follow each other in order and
 * the first must open the text or follow a clause end, so "（2）" quoted mid-sentence stays text.
 * Markers of numbered items are dropped (they are numbering, not content); 一是 is kept.
 */
function splitItems(text: string, state: { expected: number }): Segment[] {
  const ordinals = splitOrdinals(text, state);
  if (ordinals.some((s) => s.ordinal !== undefined)) return ordinals;
  if (!/[（(①-⑳]/.test(text)) return ordinals;
  for (const family of INLINE_ITEM_FAMILIES) {
    const hits: { index: number; end: number }[] = [];
    let from = 0;
    for (let n = 1; n <= 20; n++) {
      const re = family.at(n);
      re.lastIndex = from;
      let m = re.exec(text);
      while (m && n === 1 && m.index > 0 && !/[。；;：:，,\s]/.test(text[m.index - 1] ?? ''))
        m = re.exec(text);
      if (!m) break;
      hits.push({ index: m.index, end: m.index + m[0].length });
      from = m.index + m[0].length;
    }
    if (hits.length < 2 && !(hits.length === 1 && hits[0]?.index === 0)) continue;
    const segments: Segment[] = [];
    const lead = text.slice(0, hits[0]?.index ?? 0).trim();
    if (lead) segments.push({ text: lead });
    hits.forEach((h, i) => {
      const content = text
        .slice(h.end, hits[i + 1]?.index ?? text.length)
        .trim()
        .replace(/[；;，,]$/, '');
      segments.push({ ordinal: i + 1, text: content });
    });
    return segments;
  }
  return ordinals;
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

const DONE_WORDS = /已完成|已整改完成|已全部完成|已整改到位|立行立改|立即整改|立说立改|立知立改|即知即改/;
const ONGOING_WORDS = /长期坚持|长期推进|常抓不懈|持续推进|长期执行/;

function readMeasureFields(content: string, line: number, department?: string): ParsedMeasure {
  const measure: ParsedMeasure = { content, line, lines: [line], confidence: 0.8 };
  const leader = /责任领导\s*[:：]\s*([^；;，,。\s）)]+)/.exec(content);
  if (leader?.[1]) measure.leader = leader[1];
  const dept = /(?:责任(?:部门|单位|科室|股室)|牵头单位)\s*[:：]\s*([^；;，,。\s）)]+)/.exec(content);
  if (dept?.[1]) measure.department = dept[1];
  else if (department) measure.department = department;
  // The year of a bare "6月底前" is the year the text last named.
  const years = [...content.matchAll(/(\d{4})\s*年/g)];
  const lastYear = years.at(-1)?.[1];
  const deadline = /(?:完成时限|整改时限|完成时间)\s*[:：]\s*([^；;。\n）)，,]+)/.exec(content);
  if (deadline?.[1]) {
    measure.deadlineText = deadline[1].trim();
    const due = findDates(measure.deadlineText, lastYear ? Number(lastYear) : undefined)[0];
    if (due) measure.dueDate = due.iso;
  } else {
    // "2024年6月底前完成" written into the text: a date followed by 前 is a deadline; a date
    // without it is usually when something was done.
    const before =
      /((?:\d{4}\s*年\s*)?\d{1,2}\s*月\s*(?:\d{1,2}\s*日|底|末|上旬|中旬|下旬)?)\s*(?:之)?前/.exec(content);
    const due = before?.[1] ? findDates(before[1], lastYear ? Number(lastYear) : undefined)[0] : undefined;
    if (before && due) {
      measure.deadlineText = before[0];
      measure.dueDate = due.iso;
    }
  }
  const said = measure.deadlineText ?? '';
  if (ONGOING_WORDS.test(said)) measure.kind = 'ongoing';
  else if (DONE_WORDS.test(said)) measure.kind = 'immediate';
  else if (measure.dueDate) measure.kind = 'deadline';
  else if (DONE_WORDS.test(content)) measure.kind = 'immediate';
  else if (ONGOING_WORDS.test(content)) measure.kind = 'ongoing';
  return measure;
}

/**
 * "一是…；二是…。责任单位：X；完成时限：Y" — fields written once after the last item belong to
 * every item of the paragraph that does not name its own.
 */
function shareTrailingFields(measures: ParsedMeasure[]): void {
  const last = measures.at(-1);
  if (!last || measures.length < 2 || !FIELD_LABEL.test(last.content)) return;
  for (const m of measures.slice(0, -1)) {
    if (FIELD_LABEL.test(m.content)) continue;
    if (last.department && !m.department) m.department = last.department;
    if (last.leader && !m.leader) m.leader = last.leader;
    if (last.deadlineText && !m.deadlineText) {
      m.deadlineText = last.deadlineText;
      if (last.dueDate) m.dueDate = last.dueDate;
      if (last.kind) m.kind = last.kind;
    }
  }
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
  if (CATEGORY_HEAD.test(h)) return 'category';
  // "关于“…”问题的整改(情况)" names one finding, unless it is the whole section about them.
  if (/^关于/.test(h) && !/反馈(意见|问题)|巡[察视](意见|反馈|发现)|(发现|涉及|指出)的?问题/.test(h))
    return 'plain';
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

/** A heading that names a group of findings: "…方面", "…方面存在的问题". */
const CATEGORY_HEAD = /方面(?:存在的|的)?(?:主要)?(?:问题)?[：:]?$/;

/** "关于X问题整改落实情况。" → "X"; "个别问题整改不到位。如…" → title and the rest. */
function splitTitle(text: string): { title: string; description: string } {
  const stop = text.search(/[。；;]/);
  let title = stop >= 0 ? text.slice(0, stop) : text;
  const description = stop >= 0 ? text.slice(stop + 1).trim() : '';
  const about = /^关于/.test(title);
  title = title
    .replace(/^关于\s*/, '')
    .replace(/(?:的)?(?:问题)?(?:的)?整改(?:落实|进展)?情况$/, '')
    .trim();
  // "关于X的问题" / "关于X问题的整改": only a title that said 关于 ends with a bare 整改 to drop;
  // "为整改而整改" is a problem's own words.
  if (about) title = title.replace(/(?:的)?(?:问题)?(?:的)?整改$/, '').replace(/的?问题$/, '');
  else title = title.replace(/问题$/, '');
  title = title.trim();
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
  /** A 整改情况 label was seen in this node's own text: numbered lines after it are its measures. */
  labelled: boolean;
  /** How many numbered measure lines followed that label. */
  items: number;
};

/**
 * Nests numbered headings by their style's rank. After a 整改情况 label, numbered lines belong to
 * the finding as its measures, even in the finding's own style ("1.…问题。整改情况：1.… 2.…
 * 2.下一个问题"): a line continuing the measures' count is a measure unless it also continues the
 * findings' count and the text after it reads like a finding (a label before the next heading).
 */
function buildTree(lines: SourceLine[]): OutlineNode[] {
  const roots: OutlineNode[] = [];
  const stack: OutlineNode[] = [];
  lines.forEach((line, i) => {
    const marker = matchStructural(line.text);
    const top = stack.at(-1);
    if (!marker || isLabel(marker.rest)) {
      // "1.问题表现：…" numbers a label, not a heading.
      const text = marker ? marker.rest : line.text;
      if (top) {
        top.body.push(marker ? { line: line.line, text } : line);
        if (MEASURE_LABEL.test(text) || MEASURE_LABEL_INSIDE.test(text)) {
          top.labelled = true;
          top.items = 0;
        }
      }
      return;
    }
    if (top?.labelled && isMeasureItem(top, marker, lines, i)) {
      top.body.push(line);
      top.items = marker.n;
      return;
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
      labelled: MEASURE_LABEL_INSIDE.test(marker.rest),
      items: 0,
    };
    while (stack.length > 0 && (stack.at(-1)?.rank ?? -1) >= node.rank) stack.pop();
    const parent = stack.at(-1);
    if (parent) parent.children.push(node);
    else roots.push(node);
    stack.push(node);
  });
  return roots;
}

function isMeasureItem(top: OutlineNode, marker: Marker, lines: SourceLine[], at: number): boolean {
  const rank = STYLE_RANK[marker.style];
  if (rank < top.rank || marker.n !== top.items + 1) return false;
  if (rank > top.rank) return true;
  if (marker.style !== top.style) return false;
  if (marker.n !== top.n + 1) return true;
  // Both counts continue: a finding has its label before the next heading of its level.
  if (BLOCK_LABEL_INSIDE.test(marker.rest)) return false;
  for (const l of lines.slice(at + 1)) {
    const next = matchStructural(l.text);
    if (next && !isLabel(next.rest) && STYLE_RANK[next.style] <= rank) return true;
    if (isLabel(next ? next.rest : l.text)) return false;
  }
  return true;
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

const CONTACT_LINE =
  /^特此(?:通报|报告|公告|公示)|欢迎.{0,40}(监督|反映|意见)|^联系(方式|电话|地址|人)|[，,。；;\s]联系(方式|电话|地址)|^(监督|举报)电话|电子(信箱|邮箱)|邮政编码|^邮箱/;
/** Contact paragraph, address, e-mail, signature and date: a closing is never longer. */
const CLOSING_MAX_LINES = 10;

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
  //    Only the closing is the end: a 欢迎…监督 or 联系 inside a measure ("密切联系人民群众",
  //    "公布监督电话，欢迎群众监督") is followed by more headings or a long text, and is not it.
  const lastHeading = rest.findLastIndex((l) => matchStructural(l.text) !== undefined);
  const contactAt = rest.findIndex(
    (l, i) =>
      i > lastHeading &&
      rest.length - i <= CLOSING_MAX_LINES &&
      CONTACT_LINE.test(l.text) &&
      matchStructural(l.text) === undefined,
  );
  const closingAt = contactAt >= 0 ? contactAt : signatureAndDateAt(rest, lastHeading);
  const outlineLines = closingAt < 0 ? rest : rest.slice(0, closingAt);
  const closing = closingAt < 0 ? [] : rest.slice(closingAt);
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
    const kind = findingStrength(root, draft.genre) >= 0.9 ? 'plain' : classifyHeading(root.head);
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

const DATE_LINE = /^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日$/;

/**
 * A closing without contact details: [特此通报。] [signature] date, the last lines of the text. The
 * index where it starts, or -1.
 */
function signatureAndDateAt(rest: SourceLine[], lastHeading: number): number {
  let at = rest.length;
  if (!DATE_LINE.test(rest[at - 1]?.text ?? '')) return -1;
  at -= 1;
  const signature = rest[at - 1]?.text ?? '';
  if (
    at - 1 > lastHeading &&
    signature.length <= 40 &&
    /[\u4e00-\u9fff]/.test(signature) &&
    !/[。，,；;：:]/.test(signature) &&
    matchStructural(signature) === undefined
  )
    at -= 1;
  if (at - 1 > lastHeading && /^特此(?:通报|报告|公告|公示)/.test(rest[at - 1]?.text ?? '')) at -= 1;
  return at;
}

function pushNarrative(draft: Draft, kind: 'leads' | 'nextSteps' | 'workDone', lines: SourceLine[]): void {
  draft.narratives[kind].push(...lines.map((l) => l.text));
}

/** Verbs and openings by which a line says what was done, not what was wrong. */
const ACTION_START =
  /^(?:一是|\d{4}\s*年|\d{1,2}\s*月|建立|健全|完善|制定|修订|修改|出台|印发|下发|开展|组织|召开|加强|强化|严格|落实|推进|推行|推动|实行|实施|执行|规范|梳理|清理|整理|核查|排查|自查|对|将|在|把|由|向|安排|聘请|更换|更新|设置|设立|增设|开通|优化|简化|精简|压缩|明确|督促|要求|统一|编制|编印|公布|公开|公示|纳入|利用|依托|通过|针对|结合|按照|根据|对照|已|全面|逐项|逐一|及时|定期|每月|每周|每季度|每年|持续|深入|积极|认真|坚持|扎实|着力|切实|进一步|邀请|培训|约谈|上缴|退还|追缴|收回|补充|补办|完成|启用|升级|改造|配备|增加|扩充|提升|提高|重新|取消|撤销|调整|成立|签订|与|会同|联合|主动|全部|抽调|购置|张贴|印制)/;

function firstClause(text: string): string {
  return text.split(/[。；;，,]/)[0] ?? text;
}

function readsLikeMeasure(text: string): boolean {
  if (FIELD_LABEL.test(text) || DONE_WORDS.test(text) || ONGOING_WORDS.test(text)) return true;
  if (/^(?:针对|对照|按照|根据)/.test(text)) return true;
  return ACTION_START.test(text) && !PROBLEM_WORDS.test(firstClause(text));
}

/**
 * How plainly a heading says it is one finding: 关于…问题, or labels (问题表现, 整改情况) in its
 * own text. 0 when nothing says so.
 */
function findingStrength(node: OutlineNode, genre: Draft['genre']): number {
  const h = firstClause(node.head.split(/[。]/)[0] ?? node.head);
  if (CATEGORY_HEAD.test(node.head.split(/[。]/)[0] ?? '')) return 0;
  if (/^关于.{2,}(?:问题|整改)/.test(node.head) && !/反馈(意见|问题)/.test(h)) return 0.95;
  if (BLOCK_LABEL_INSIDE.test(node.head)) return 0.9;
  if (node.body.some((l) => FINDING_LABEL.test(l.text) || RESULT_LABEL.test(l.text))) return 0.95;
  if (genre === 'report' && node.body.some((l) => MEASURE_LABEL.test(l.text))) return 0.9;
  return 0;
}

/** In a report, a heading whose numbered children all say what was done is a finding, and they its measures. */
function childrenAreMeasures(node: OutlineNode, genre: Draft['genre']): boolean {
  if (genre !== 'report' || node.children.length === 0) return false;
  if (CATEGORY_HEAD.test(node.head.split(/[。]/)[0] ?? '')) return false;
  if (node.children.some((c) => c.children.length > 0 || findingStrength(c, genre) > 0)) return false;
  const measureLike = node.children.filter((c) => readsLikeMeasure(c.head)).length;
  return measureLike * 2 >= node.children.length + 1;
}

type Placement = { role: 'category' | 'finding'; confidence: number };

/**
 * Decides, for a set of sibling headings, which are categories and which are findings — from
 * what each heading says and what follows it, not from its numbering style: 方面 names a
 * category; 关于…问题 or a 问题表现/整改情况 label names a finding; a heading whose numbered
 * children read as findings is a category, one whose children say what was done is a finding
 * (its children are its measures). Leaves take their siblings' role (a category without
 * findings of its own), or are findings. When no sibling has children, a top-level group whose
 * headings read like categories ("…方面", or a body that lists 一是…二是…) holds its findings inline.
 */
function placeGroup(
  draft: Draft,
  siblings: OutlineNode[],
  parent: ParsedCategory | undefined,
  topLevel: boolean,
): void {
  const inlineCategories =
    topLevel &&
    siblings.every((s) => s.children.length === 0) &&
    siblings.length > 0 &&
    siblings.every((s) => CATEGORY_HEAD.test(s.head.split('。')[0] ?? '') || countOrdinals(s.body) >= 2) &&
    siblings.every((s) => findingStrength(s, draft.genre) === 0);

  const placement = new Map<OutlineNode, Placement>();
  for (const node of siblings) {
    const strength = findingStrength(node, draft.genre);
    const head = node.head.split(/[。]/)[0] ?? node.head;
    if (CATEGORY_HEAD.test(head)) placement.set(node, { role: 'category', confidence: 0.95 });
    else if (strength > 0) placement.set(node, { role: 'finding', confidence: strength });
    else if (node.children.length > 0) {
      placement.set(
        node,
        childrenAreMeasures(node, draft.genre)
          ? { role: 'finding', confidence: 0.75 }
          : { role: 'category', confidence: 0.85 },
      );
    }
  }
  const categoryStyles = new Set(
    siblings
      .filter((s) => s.children.length > 0 && placement.get(s)?.role === 'category')
      .map((s) => s.style),
  );
  for (const node of siblings) {
    if (placement.has(node)) continue;
    if (inlineCategories) placement.set(node, { role: 'category', confidence: 0.8 });
    // A bare heading beside categories of its style is one more (empty) category; one with text
    // under it is a finding.
    else if (categoryStyles.has(node.style) && node.body.length === 0)
      placement.set(node, { role: 'category', confidence: 0.5 });
    else {
      const problem = PROBLEM_WORDS.test(firstClause(node.head));
      const action = readsLikeMeasure(node.head);
      placement.set(node, { role: 'finding', confidence: problem ? 0.85 : action ? 0.5 : 0.6 });
    }
  }

  for (const node of siblings) {
    const kind = classifyHeading(node.head);
    const strength = findingStrength(node, draft.genre);
    if (kind === 'requirements') {
      for (const l of flattenLines(node, true)) {
        draft.unplaced.push({ line: l.line, text: l.text, reason: '整改要求不是问题，台账中没有对应位置' });
      }
      continue;
    }
    // Inside a category every heading names problems ("整改与日常工作脱节…"); only directly under a
    // section can a heading be an account of the work itself.
    const narrative = kind === 'leads' || kind === 'nextSteps' || (topLevel && kind === 'workDone');
    if (strength === 0 && narrative && (kind !== 'workDone' || node.children.length > 0)) {
      pushNarrative(draft, kind, flattenLines(node, true));
      continue;
    }
    const { role, confidence } = placement.get(node) ?? { role: 'finding', confidence: 0.5 };
    if (role === 'category') placeCategory(draft, node, parent, confidence);
    else placeFinding(draft, node, parent, confidence);
  }
}

function countOrdinals(body: SourceLine[]): number {
  const state = { expected: 1 };
  return body.flatMap((l) => splitOrdinals(l.text, state)).filter((s) => s.ordinal !== undefined).length;
}

function placeCategory(
  draft: Draft,
  node: OutlineNode,
  parent: ParsedCategory | undefined,
  confidence: number,
): void {
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
    confidence,
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
          if (!last.lines.includes(l.line)) last.lines.push(l.line);
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
        lines: [l.line],
        confidence: 0.75,
      });
    }
  }
}

function placeFinding(
  draft: Draft,
  node: OutlineNode,
  category: ParsedCategory | undefined,
  confidence: number,
): void {
  // Labels in the heading ("关于…的问题。问题表现：…。整改落实情况：①…") start blocks of their own.
  const [headPiece, ...labelled] = splitAtLabels({ line: node.source.line, text: node.head });
  const head = headPiece && !isLabel(headPiece.text) ? headPiece.text : '';
  const body = [...(headPiece && !head ? [headPiece] : []), ...labelled, ...node.body.flatMap(splitAtLabels)];
  const { title, description } = splitTitle(head || node.head);
  const finding: ParsedFinding = {
    key: category ? `${category.key}/${node.label}` : node.label,
    label: node.label,
    number: node.n,
    title,
    description: head ? description : '',
    measures: [],
    line: node.source.line,
    lines: [node.source.line],
    confidence,
  };
  if (category) finding.categoryKey = category.key;
  draft.findings.push(finding);

  // Numbered children under a finding are its measures in a report (they say what was done) and
  // more of its 问题表现 in a feedback text.
  const childLines = node.children.flatMap((c) => flattenLines(c, true));
  readFindingBody(draft, finding, [...body, ...childLines]);

  if (title.length > 80) finding.confidence = Math.min(finding.confidence, 0.5);
  if (draft.genre === 'report' && finding.measures.length === 0) {
    finding.confidence = Math.min(finding.confidence, 0.6);
  }
}

/** A line that opens an item: 1) ① (1) 1. 一是. */
function itemMarker(text: string): { marker: string; keep: boolean } | undefined {
  const ordinal = LEADING_ORDINAL.exec(text);
  if (ordinal) return { marker: ordinal[0], keep: true };
  const m = HALF_PAREN_ITEM.exec(text) ?? CIRCLED_ITEM.exec(text);
  if (m) return { marker: m[0], keep: false };
  const structural = matchStructural(text);
  if (structural) return { marker: text.slice(0, text.length - structural.rest.length), keep: false };
  return undefined;
}

/**
 * The body of a finding: 问题表现 and what was done. Labels say which is which; without labels,
 * a report's body is measures (listed with 一是…, 1), ①, (1) or as plain paragraphs, optionally
 * grouped by department, "2)医保局:") — except plain text before the first listed item, which
 * describes the problem. In a feedback text the body is more 问题表现, unless introduced by 整改措施.
 */
function readFindingBody(draft: Draft, finding: ParsedFinding, body: SourceLine[]): void {
  const anyLabel = body.some((l) => isLabel(l.text));
  const firstItem = body.findIndex((l) => itemMarker(l.text) !== undefined);
  let mode: 'description' | 'measures' | 'result' =
    draft.genre === 'report' && !anyLabel && firstItem <= 0 ? 'measures' : 'description';
  let sawLabel = false;
  let orphaned = false;
  let department: string | undefined;
  let current: ParsedMeasure | undefined;
  /** The measures since the last label: a line of fields alone belongs to all of them. */
  let block: ParsedMeasure[] = [];
  const ordinals = { expected: 1 };

  const start = (text: string, line: number, confidence: number) => {
    current = readMeasureFields(text, line, department);
    current.confidence = confidence;
    finding.measures.push(current);
    block.push(current);
    return current;
  };
  const append = (text: string, line: number) => {
    if (!current) return;
    current.content = `${current.content}\n${text}`;
    const merged = readMeasureFields(current.content, current.line, current.department ?? department);
    const { lines, confidence } = current;
    Object.assign(current, merged, { lines: lines.includes(line) ? lines : [...lines, line], confidence });
  };

  body.forEach((l, index) => {
    let text = l.text;
    const findingLabel = FINDING_LABEL.exec(text);
    const measureLabel = MEASURE_LABEL.exec(text);
    const resultLabel = RESULT_LABEL.exec(text);
    if (measureLabel) {
      // A second "整改情况" under one finding means the heading of the next finding is missing
      // (the 2024 report skips its (42)); attaching it here would misreport what was done.
      if (sawLabel && finding.measures.length > 0) orphaned = true;
      sawLabel = true;
      mode = 'measures';
      current = undefined;
      block = [];
      ordinals.expected = 1;
      text = text.slice(measureLabel[0].length);
    } else if (findingLabel) {
      mode = 'description';
      text = text.slice(findingLabel[0].length);
    } else if (resultLabel) {
      mode = 'result';
      text = text.slice(resultLabel[0].length);
    } else if (mode === 'description' && draft.genre === 'report' && !anyLabel && index === firstItem) {
      mode = 'measures';
    }
    if (orphaned) {
      draft.unplaced.push({
        line: l.line,
        text: l.text,
        reason: `“整改情况”在问题${finding.label}下重复出现，疑似缺少问题标题`,
      });
      return;
    }
    if (!text) return;
    if (mode === 'description') {
      finding.description = [finding.description, text].filter(Boolean).join('\n');
      if (!finding.lines.includes(l.line)) finding.lines.push(l.line);
      return;
    }
    if (mode === 'result') {
      finding.result = [finding.result, text].filter(Boolean).join('\n');
      return;
    }

    // "责任单位：…；完成时限：…" alone on a line: the fields of the measures just listed.
    if (
      /^(?:责任(?:领导|部门|单位|科室|股室|人)|牵头单位|完成时限|整改时限|完成时间)\s*[:：]/.test(text) &&
      block.length > 0
    ) {
      for (const m of block) {
        const fields = readMeasureFields(`${m.content}\n${text}`, m.line, m.department ?? department);
        if (!m.department && fields.department) m.department = fields.department;
        if (!m.leader && fields.leader) m.leader = fields.leader;
        if (!m.deadlineText && fields.deadlineText) {
          m.deadlineText = fields.deadlineText;
          if (fields.dueDate) m.dueDate = fields.dueDate;
          if (fields.kind) m.kind = fields.kind;
        }
        if (!m.lines.includes(l.line)) m.lines.push(l.line);
      }
      return;
    }

    const dept = DEPARTMENT_ITEM.exec(text);
    let marked = false;
    if (dept?.[1]) {
      department = dept[1].trim();
      current = undefined;
      ordinals.expected = 1;
      text = text.slice(dept[0].length);
      if (!text) return;
      marked = true;
    } else {
      const item = itemMarker(text);
      if (item) marked = true;
      // "（1）…；（2）…" on one line is split below; a lone "1." or "（1）" is only numbering.
      const inline = splitItems(text, { expected: 1 }).filter((s) => s.ordinal !== undefined).length;
      if (item && !item.keep && inline < 2) text = text.slice(item.marker.length);
    }

    const segments = splitItems(text, ordinals);
    const made: ParsedMeasure[] = [];
    segments.forEach((segment, i) => {
      const opensItem = segment.ordinal !== undefined || (i === 0 && marked) || !current;
      if (opensItem) {
        const explicit = segment.ordinal !== undefined || marked || sawLabel;
        made.push(start(segment.text, l.line, explicit ? 0.9 : 0.7));
      } else append(segment.text, l.line);
    });
    shareTrailingFields(made);
  });

  for (const m of finding.measures) {
    // A "measure" that reads as a problem ("关于…问题", "…不到位" with no action) is likely a
    // misplaced finding; "问题" alone is in half of all measures ("认真查摆问题") and says nothing.
    const text = m.content.replace(LEADING_ORDINAL, '');
    const clause = firstClause(text).replace(/问题/g, '');
    if (/^关于.{1,40}问题/.test(text) || (PROBLEM_WORDS.test(clause) && !ACTION_START.test(text))) {
      m.confidence = Math.min(m.confidence, 0.5);
    }
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
