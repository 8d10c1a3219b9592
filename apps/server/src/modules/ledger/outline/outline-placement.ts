import { ParsedCategory, ParsedFinding } from './outline-schema';
import {
  BLOCK_LABEL_INSIDE,
  FIELD_LABEL,
  FINDING_LABEL,
  MEASURE_LABEL,
  RESULT_LABEL,
  SourceLine,
  isLabel,
  splitAtLabels,
  splitOrdinals,
  toCnNumeral,
} from './outline-lexicon';
import {
  CATEGORY_HEAD,
  DONE_WORDS,
  ONGOING_WORDS,
  PROBLEM_WORDS,
  classifyHeading,
  splitTitle,
} from './outline-fields';
import { Draft, OutlineNode, flattenLines, pushNarrative } from './outline-tree';
import { readFindingBody } from './outline-body';

/** Verbs and openings by which a line says what was done, not what was wrong. */
export const ACTION_START =
  /^(?:一是|\d{4}\s*年|\d{1,2}\s*月|建立|健全|完善|制定|修订|修改|出台|印发|下发|开展|组织|召开|加强|强化|严格|落实|推进|推行|推动|实行|实施|执行|规范|梳理|清理|整理|核查|排查|自查|对|将|在|把|由|向|安排|聘请|更换|更新|设置|设立|增设|开通|优化|简化|精简|压缩|明确|督促|要求|统一|编制|编印|公布|公开|公示|纳入|利用|依托|通过|针对|结合|按照|根据|对照|已|全面|逐项|逐一|及时|定期|每月|每周|每季度|每年|持续|深入|积极|认真|坚持|扎实|着力|切实|进一步|邀请|培训|约谈|上缴|退还|追缴|收回|补充|补办|完成|启用|升级|改造|配备|增加|扩充|提升|提高|重新|取消|撤销|调整|成立|签订|与|会同|联合|主动|全部|抽调|购置|张贴|印制)/;

export function firstClause(text: string): string {
  return text.split(/[。；;，,]/)[0] ?? text;
}

export function readsLikeMeasure(text: string): boolean {
  if (FIELD_LABEL.test(text) || DONE_WORDS.test(text) || ONGOING_WORDS.test(text)) return true;
  if (/^(?:针对|对照|按照|根据)/.test(text)) return true;
  return ACTION_START.test(text) && !PROBLEM_WORDS.test(firstClause(text));
}

/**
 * How plainly a heading says it is one finding: 关于…问题, or labels (问题表现, 整改情况) in its
 * own text. 0 when nothing says so.
 */
export function findingStrength(node: OutlineNode, genre: Draft['genre']): number {
  const h = firstClause(node.head.split(/[。]/)[0] ?? node.head);
  if (CATEGORY_HEAD.test(node.head.split(/[。]/)[0] ?? '')) return 0;
  if (/^关于.{2,}(?:问题|整改)/.test(node.head) && !/反馈(意见|问题)/.test(h)) return 0.95;
  if (BLOCK_LABEL_INSIDE.test(node.head)) return 0.9;
  if (node.body.some((l) => FINDING_LABEL.test(l.text) || RESULT_LABEL.test(l.text))) return 0.95;
  if (genre === 'report' && node.body.some((l) => MEASURE_LABEL.test(l.text))) return 0.9;
  return 0;
}

/** In a report, a heading whose numbered children all say what was done is a finding, and they its measures. */
export function childrenAreMeasures(node: OutlineNode, genre: Draft['genre']): boolean {
  if (genre !== 'report' || node.children.length === 0) return false;
  if (CATEGORY_HEAD.test(node.head.split(/[。]/)[0] ?? '')) return false;
  if (node.children.some((c) => c.children.length > 0 || findingStrength(c, genre) > 0)) return false;
  const measureLike = node.children.filter((c) => readsLikeMeasure(c.head)).length;
  return measureLike * 2 >= node.children.length + 1;
}

export type Placement = { role: 'category' | 'finding'; confidence: number };

/**
 * Decides, for a set of sibling headings, which are categories and which are findings — from
 * what each heading says and what follows it, not from its numbering style: 方面 names a
 * category; 关于…问题 or a 问题表现/整改情况 label names a finding; a heading whose numbered
 * children read as findings is a category, one whose children say what was done is a finding
 * (its children are its measures). Leaves take their siblings' role (a category without
 * findings of its own), or are findings. When no sibling has children, a top-level group whose
 * headings read like categories ("…方面", or a body that lists 一是…二是…) holds its findings inline.
 */
export function placeGroup(
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

export function countOrdinals(body: SourceLine[]): number {
  const state = { expected: 1 };
  return body.flatMap((l) => splitOrdinals(l.text, state)).filter((s) => s.ordinal !== undefined).length;
}

export function placeCategory(
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

export function placeOrdinalFindings(draft: Draft, body: SourceLine[], category: ParsedCategory): void {
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

export function placeFinding(
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
