// ---------------------------------------------------------------------------------------------
// Lines and markers

export type SourceLine = { line: number; text: string };

export type StructuralStyle = 'cn' | 'article' | 'cnParen' | 'num' | 'numParen';

/**
 * GB/T 9704 order of levels; a document may skip levels but does not invert them. 第一条 (some
 * offices number findings like articles) sits between 一、 and （一）.
 */
export const STYLE_RANK: Record<StructuralStyle, number> = {
  cn: 0,
  article: 0.5,
  cnParen: 1,
  num: 2,
  numParen: 3,
};

export const CN_NUMERAL = '一二三四五六七八九十';
export const SPACE = '[\\s\\u3000\\u00a0]';

export const STRUCTURAL_MARKERS: { style: StructuralStyle; re: RegExp }[] = [
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
export const HALF_PAREN_ITEM = new RegExp(`^([0-9０-９]{1,2})${SPACE}*[)）]${SPACE}*`);
export const CIRCLED_ITEM = new RegExp(`^([①-⑳])${SPACE}*`);
/** "1)医保局:" — a department heading its own list of measures (the 2018 report does this). */
export const DEPARTMENT_ITEM = new RegExp(
  `^[0-9０-９]{1,2}${SPACE}*[)）]${SPACE}*([^:：，,。；;]{2,14})[:：]${SPACE}*`,
);

/**
 * Labels say what a block is, whatever its numbering. A label needs its colon (or to stand alone
 * on its line): "(7)整改情况持续跟进不力" is a problem, not the start of measures.
 */
export const LABEL_END = `${SPACE}*(?:[:：]${SPACE}*|$)`;
export const FINDING_WORDS = '问题表现|存在问题|具体表现|主要问题|问题描述|反馈问题';
export const MEASURE_WORDS = '整改(?:落实|完成|推进)?(?:情况|措施|进展情况|进展|举措)';
export const RESULT_WORDS = '整改结果及成效|整改成效|整改结果|整改效果|取得成效';
export const FINDING_LABEL = new RegExp(`^(?:${FINDING_WORDS})${LABEL_END}`);
export const MEASURE_LABEL = new RegExp(`^${MEASURE_WORDS}${LABEL_END}`);
export const RESULT_LABEL = new RegExp(`^(?:${RESULT_WORDS})${LABEL_END}`);
/** A label inside a line ("…的问题。问题表现：…。整改落实情况：①…") starts a block of its own. */
export const INLINE_LABEL = new RegExp(
  `(?:${FINDING_WORDS}|${MEASURE_WORDS}|${RESULT_WORDS})${SPACE}*[:：]`,
  'g',
);
/** A 整改情况 label anywhere in a line, and a finding's or a measure's label anywhere in it. */
export const MEASURE_LABEL_INSIDE = new RegExp(`(?:${MEASURE_WORDS})${SPACE}*[:：]`);
export const BLOCK_LABEL_INSIDE = new RegExp(`(?:${FINDING_WORDS}|${MEASURE_WORDS})${SPACE}*[:：]`);
export const FIELD_LABEL =
  /(?:责任(?:领导|部门|单位|科室|股室|人)|牵头单位|完成时限|整改时限|完成时间)\s*[:：]/;

export function isLabel(text: string): boolean {
  return FINDING_LABEL.test(text) || MEASURE_LABEL.test(text) || RESULT_LABEL.test(text);
}

/** Splits a line at every label inside it, so each label opens a piece of its own. */
export function splitAtLabels(l: SourceLine): SourceLine[] {
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

export function trimLine(text: string): string {
  return text.replace(/^[\s\u3000\u00a0\ufeff]+|[\s\u3000\u00a0]+$/g, '');
}

export function parseNumeral(token: string): number {
  const ascii = token.replace(/[０-９]/g, (d) => String(d.charCodeAt(0) - 0xff10));
  if (/^\d+$/.test(ascii)) return Number(ascii);
  // Chinese numerals up to 99 are all an outline needs.
  const digit = (c: string | undefined) => (c ? CN_NUMERAL.indexOf(c) + 1 : 0);
  const tenAt = token.indexOf('十');
  if (tenAt < 0) return digit(token[0]);
  const tens = tenAt === 0 ? 1 : digit(token[tenAt - 1]);
  return tens * 10 + digit(token[tenAt + 1]);
}

export function toCnNumeral(n: number): string {
  if (n <= 10) return n === 10 ? '十' : (CN_NUMERAL[n - 1] ?? String(n));
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? '' : (CN_NUMERAL[tens - 1] ?? '')}十${ones ? (CN_NUMERAL[ones - 1] ?? '') : ''}`;
}

export type Marker = { style: StructuralStyle; n: number; label: string; rest: string };

export function matchStructural(text: string): Marker | undefined {
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

export type Segment = { ordinal?: number; text: string };

export const LEADING_ORDINAL = /^([一二三四五六七八九十]{1,3})是/;

/**
 * Splits "一是A。二是B；三是C" into ordinal segments. Only the next expected ordinal splits, so
 * "这是" or an out-of-sequence "三是" stays in the text. `expected` carries the sequence across the
 * lines of one body; an ordinal opening a line resynchronises it.
 */
export function splitOrdinals(text: string, state: { expected: number } = { expected: 1 }): Segment[] {
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
export const INLINE_ITEM_FAMILIES: { at: (n: number) => RegExp }[] = [
  Array.from({ length: 20 }, (_, i) => new RegExp(`[（(]${SPACE}*${i + 1}${SPACE}*[)）]${SPACE}*`, 'g')),
  Array.from({ length: 20 }, (_, i) => new RegExp(`${String.fromCharCode(0x2460 + i)}${SPACE}*`, 'g')),
].map((family) => ({ at: (n: number) => family[n - 1] ?? /$^/g }));

/**
 * Splits a measures paragraph into its items: 一是…二是… first (the sequence may run across the
 * lines of one body), else (1)(2) or ①② within the line. Items must follow each other in order and
 * the first must open the text or follow a clause end, so "（2）" quoted mid-sentence stays text.
 * Markers of numbered items are dropped (they are numbering, not content); 一是 is kept.
 */
export function splitItems(text: string, state: { expected: number }): Segment[] {
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

export function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

export function formatPartialDate(year: number, month: number, day?: number): string | undefined {
  if (month < 1 || month > 12) return undefined;
  if (day === undefined) return `${year}-${pad2(month)}`;
  if (day < 1 || day > 31) return undefined;
  return `${year}-${pad2(month)}-${pad2(day)}`;
}

export const DATE_RE = /(?:(\d{4})\s*年\s*)?(\d{1,2})\s*月\s*(?:(\d{1,2})\s*日|(底|末|上旬|中旬|下旬))?/g;

export type FoundDate = { iso: string; index: number; end: number };

export function findDates(text: string, defaultYear?: number): FoundDate[] {
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

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}
