import { ParsedCategory, ParsedFinding, ParsedMeasure } from './outline-schema';
import {
  CIRCLED_ITEM,
  DEPARTMENT_ITEM,
  FINDING_LABEL,
  HALF_PAREN_ITEM,
  LEADING_ORDINAL,
  MEASURE_LABEL,
  RESULT_LABEL,
  SourceLine,
  isLabel,
  matchStructural,
  splitItems,
} from './outline-lexicon';
import { PROBLEM_WORDS, readMeasureFields, shareTrailingFields } from './outline-fields';
import { Draft } from './outline-tree';
import { ACTION_START, firstClause } from './outline-placement';

/** A line that opens an item: 1) ① (1) 1. 一是. */
export function itemMarker(text: string): { marker: string; keep: boolean } | undefined {
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
export function readFindingBody(draft: Draft, finding: ParsedFinding, body: SourceLine[]): void {
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

export function checkNumbering(draft: Draft): void {
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
