import { ParsedCategory, ParsedFinding, UnplacedLine } from './outline-schema';
import {
  BLOCK_LABEL_INSIDE,
  MEASURE_LABEL,
  MEASURE_LABEL_INSIDE,
  Marker,
  STYLE_RANK,
  SourceLine,
  StructuralStyle,
  isLabel,
  matchStructural,
} from './outline-lexicon';

export type OutlineNode = {
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
export function buildTree(lines: SourceLine[]): OutlineNode[] {
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

export function isMeasureItem(top: OutlineNode, marker: Marker, lines: SourceLine[], at: number): boolean {
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

export function flattenLines(node: OutlineNode, includeHead: boolean): SourceLine[] {
  const out: SourceLine[] = includeHead ? [node.source, ...node.body] : [...node.body];
  for (const child of node.children) out.push(...flattenLines(child, true));
  return out;
}

// ---------------------------------------------------------------------------------------------
// The parser

export type Draft = {
  genre: 'report' | 'feedback';
  categories: ParsedCategory[];
  findings: ParsedFinding[];
  narratives: { workDone: string[]; leads: string[]; nextSteps: string[] };
  unplaced: UnplacedLine[];
  warnings: string[];
};

export const CONTACT_LINE =
  /^特此(?:通报|报告|公告|公示)|欢迎.{0,40}(监督|反映|意见)|^联系(方式|电话|地址|人)|[，,。；;\s]联系(方式|电话|地址)|^(监督|举报)电话|电子(信箱|邮箱)|邮政编码|^邮箱/;
/** Contact paragraph, address, e-mail, signature and date: a closing is never longer. */
export const CLOSING_MAX_LINES = 10;

export function pushNarrative(
  draft: Draft,
  kind: 'leads' | 'nextSteps' | 'workDone',
  lines: SourceLine[],
): void {
  draft.narratives[kind].push(...lines.map((l) => l.text));
}
