import { DRAFT_LOW_CONFIDENCE, type DraftSource } from '@tongban/contracts';
import type { Draft, DraftCategory, DraftFinding, DraftMeasure } from './draft-model';

/**
 * The draft editor's one-action fixes, as pure functions of the draft: what the importer put at the
 * wrong level moves up or down with what it holds (finding ↔ category ↔ measure ↔ 问题表现),
 * and what it cut wrongly is merged or split. Each returns a new draft and leaves its input alone;
 * an action that does not apply returns the input unchanged.
 *
 * Levels, top down: category (sub-categories are one level lower than their parent) → finding →
 * measure → 问题表现 (a paragraph of a finding's description).
 */

export function isLowConfidence(source: DraftSource | undefined): boolean {
  return source !== undefined && source.confidence < DRAFT_LOW_CONFIDENCE;
}

/** A fixed element: the reviewer has put it where it belongs. */
function confirmed(source: DraftSource | undefined): DraftSource | undefined {
  return source ? { ...source, confidence: 1 } : undefined;
}

function paragraphs(text: string | undefined): string[] {
  return (text ?? '')
    .split('\n')
    .map((p) => p.trim())
    .filter(Boolean);
}

/** "标题。其余" → title and the rest; a title is at most 500 characters (the contract's limit). */
function splitSentence(text: string): { title: string; rest: string } {
  const flat = text.trim();
  const stop = flat.search(/[。；;\n]/);
  const title = (stop >= 0 ? flat.slice(0, stop) : flat).slice(0, 500).trim();
  const rest = flat.slice(title.length).replace(/^[。；;\s]+/, '');
  return { title, rest };
}

function newCategoryKey(draft: Draft): string {
  let n = draft.categories.length + 1;
  while (draft.categories.some((c) => c.key === `new-${n}`)) n++;
  return `new-${n}`;
}

function withSource<T extends object>(value: T, source: DraftSource | undefined): T {
  return source ? { ...value, source } : value;
}

function measureFrom(content: string, source: DraftSource | undefined, like?: DraftMeasure): DraftMeasure {
  return withSource(
    {
      content,
      kind: like?.kind ?? 'deadline',
      leader: like?.leader ?? '',
      departmentId: like?.departmentId ?? null,
      ...(like?.dueDate ? { dueDate: like.dueDate } : {}),
    },
    source,
  );
}

/** A finding as the text of one measure: its title, its 问题表现 and its measures, one a line. */
function findingAsText(f: DraftFinding): string {
  return [f.title, ...paragraphs(f.description), ...f.measures.map((m) => m.content)]
    .filter(Boolean)
    .join('\n');
}

// ── Categories ───────────────────────────────────────────────────────────

/** A sub-category moves up beside its parent; its findings and sub-categories go with it. */
export function promoteCategory(draft: Draft, key: string): Draft {
  const c = draft.categories.find((x) => x.key === key);
  const parent = c?.parentKey ? draft.categories.find((x) => x.key === c.parentKey) : undefined;
  if (!c || !parent) return draft;
  return {
    ...draft,
    categories: draft.categories.map((x) =>
      x.key === key ? withSource({ ...x, parentKey: parent.parentKey ?? null }, confirmed(x.source)) : x,
    ),
  };
}

/**
 * A category that is really a finding: it becomes one (in its parent category), and its findings
 * become its measures. Its sub-categories stay categories, one level up.
 */
export function demoteCategory(draft: Draft, key: string): Draft {
  const c = draft.categories.find((x) => x.key === key);
  if (!c) return draft;
  const held = draft.findings.filter((f) => f.categoryKey === key);
  const finding: DraftFinding = withSource(
    {
      title: c.title,
      description: '',
      categoryKey: c.parentKey ?? null,
      measures: held.map((f) => measureFrom(findingAsText(f), f.source, f.measures[0])),
    },
    confirmed(c.source),
  );
  const firstHeld = draft.findings.findIndex((f) => f.categoryKey === key);
  const rest = draft.findings.filter((f) => f.categoryKey !== key);
  const at =
    firstHeld < 0
      ? rest.length
      : draft.findings.slice(0, firstHeld).filter((f) => f.categoryKey !== key).length;
  return {
    ...draft,
    categories: draft.categories
      .filter((x) => x.key !== key)
      .map((x) => (x.parentKey === key ? { ...x, parentKey: c.parentKey ?? null } : x)),
    findings: [...rest.slice(0, at), finding, ...rest.slice(at)],
  };
}

/** Two headings that are one: the category's findings and sub-categories join the one before it. */
export function mergeCategoryIntoPrevious(draft: Draft, key: string): Draft {
  const c = draft.categories.find((x) => x.key === key);
  if (!c) return draft;
  const siblings = draft.categories.filter((x) => (x.parentKey ?? null) === (c.parentKey ?? null));
  const previous = siblings[siblings.indexOf(c) - 1];
  if (!previous) return draft;
  return {
    ...draft,
    categories: draft.categories
      .filter((x) => x.key !== key)
      .map((x) => (x.parentKey === key ? { ...x, parentKey: previous.key } : x)),
    findings: draft.findings.map((f) => (f.categoryKey === key ? { ...f, categoryKey: previous.key } : f)),
  };
}

// ── Findings ─────────────────────────────────────────────────────────────

/**
 * A finding that is really a heading: it becomes a category (under the finding's category), and
 * its measures become its findings (first sentence the title, the rest 问题表现).
 */
export function promoteFinding(draft: Draft, index: number): Draft {
  const f = draft.findings[index];
  if (!f) return draft;
  const key = newCategoryKey(draft);
  const category: DraftCategory = withSource(
    { key, title: f.title, parentKey: f.categoryKey ?? null },
    confirmed(f.source),
  );
  const findings: DraftFinding[] = f.measures.map((m) => {
    const { title, rest } = splitSentence(m.content);
    return withSource({ title, description: rest, categoryKey: key, measures: [] }, m.source);
  });
  // The finding's own 问题表现 has no place on a heading: it goes with the first new finding.
  const description = f.description?.trim();
  const first = findings[0];
  if (description && first) first.description = [description, first.description].filter(Boolean).join('\n');
  return {
    ...draft,
    categories: [...draft.categories, category],
    findings: [...draft.findings.slice(0, index), ...findings, ...draft.findings.slice(index + 1)],
  };
}

/**
 * A finding that is really a measure of the finding before it (in the same category, else the one
 * before it at all): it becomes that finding's last measure, its 问题表现 and measures its text.
 */
export function demoteFinding(draft: Draft, index: number): Draft {
  const f = draft.findings[index];
  if (!f) return draft;
  const targetIndex = previousFindingIndex(draft, index);
  if (targetIndex < 0) return draft;
  const target = draft.findings[targetIndex]!;
  const measure = measureFrom(findingAsText(f), confirmed(f.source), f.measures[0] ?? target.measures.at(-1));
  const findings = draft.findings.map((x, i) =>
    i === targetIndex ? { ...x, measures: [...x.measures, measure] } : x,
  );
  findings.splice(index, 1);
  return { ...draft, findings };
}

function previousFindingIndex(draft: Draft, index: number): number {
  const f = draft.findings[index];
  if (!f) return -1;
  for (let i = index - 1; i >= 0; i--) {
    if ((draft.findings[i]?.categoryKey ?? null) === (f.categoryKey ?? null)) return i;
  }
  return index - 1;
}

/** Two findings that are one: this finding's title, 问题表现 and measures join the finding before it. */
export function mergeFindingIntoPrevious(draft: Draft, index: number): Draft {
  const f = draft.findings[index];
  const targetIndex = previousFindingIndex(draft, index);
  if (!f || targetIndex < 0) return draft;
  const findings = draft.findings.map((x, i) =>
    i === targetIndex
      ? {
          ...x,
          description: [x.description, f.title, f.description].filter((t) => t?.trim()).join('\n'),
          measures: [...x.measures, ...f.measures],
        }
      : x,
  );
  findings.splice(index, 1);
  return { ...draft, findings };
}

/**
 * One finding that is two: the measures from `measureIndex` on become a new finding right after it,
 * titled by the first of them (which stays its first measure).
 */
export function splitFinding(draft: Draft, index: number, measureIndex: number): Draft {
  const f = draft.findings[index];
  if (!f || measureIndex <= 0 || measureIndex >= f.measures.length) return draft;
  const moved = f.measures.slice(measureIndex);
  const { title } = splitSentence(moved[0]!.content);
  const second: DraftFinding = withSource(
    { title, description: '', categoryKey: f.categoryKey ?? null, measures: moved },
    moved[0]!.source,
  );
  const findings = [...draft.findings];
  findings.splice(index, 1, { ...f, measures: f.measures.slice(0, measureIndex) }, second);
  return { ...draft, findings };
}

// ── Measures ─────────────────────────────────────────────────────────────

function setFinding(draft: Draft, index: number, f: DraftFinding): Draft {
  return { ...draft, findings: draft.findings.map((x, i) => (i === index ? f : x)) };
}

/** A measure that is really a finding: it becomes one right after its finding, in the same category. */
export function promoteMeasure(draft: Draft, index: number, measureIndex: number): Draft {
  const f = draft.findings[index];
  const m = f?.measures[measureIndex];
  if (!f || !m) return draft;
  const { title, rest } = splitSentence(m.content);
  const finding: DraftFinding = withSource(
    { title, description: rest, categoryKey: f.categoryKey ?? null, measures: [] },
    confirmed(m.source),
  );
  const findings = [...draft.findings];
  findings.splice(index, 1, { ...f, measures: f.measures.filter((_, k) => k !== measureIndex) }, finding);
  return { ...draft, findings };
}

/** A measure that is really 问题表现: its text joins the finding's description. */
export function demoteMeasure(draft: Draft, index: number, measureIndex: number): Draft {
  const f = draft.findings[index];
  const m = f?.measures[measureIndex];
  if (!f || !m) return draft;
  return setFinding(draft, index, {
    ...f,
    description: [f.description, m.content].filter((t) => t?.trim()).join('\n'),
    measures: f.measures.filter((_, k) => k !== measureIndex),
  });
}

/** Two measures that are one: the text joins the measure before it, which keeps its fields. */
export function mergeMeasureIntoPrevious(draft: Draft, index: number, measureIndex: number): Draft {
  const f = draft.findings[index];
  const m = f?.measures[measureIndex];
  const previous = f?.measures[measureIndex - 1];
  if (!f || !m || !previous) return draft;
  const merged: DraftMeasure = {
    ...previous,
    content: `${previous.content}\n${m.content}`,
    departmentId: previous.departmentId ?? m.departmentId ?? null,
    leader: previous.leader || m.leader || '',
    ...(previous.dueDate || m.dueDate ? { dueDate: previous.dueDate ?? m.dueDate } : {}),
  };
  return setFinding(draft, index, {
    ...f,
    measures: f.measures.flatMap((x, k) =>
      k === measureIndex - 1 ? [merged] : k === measureIndex ? [] : [x],
    ),
  });
}

/**
 * One measure that is two: split at `at` (a character offset; by default the first line break,
 * else the first 。 or ；). Both halves keep the measure's fields.
 */
export function splitMeasure(draft: Draft, index: number, measureIndex: number, at?: number): Draft {
  const f = draft.findings[index];
  const m = f?.measures[measureIndex];
  if (!f || !m) return draft;
  const content = m.content;
  let cut = at;
  if (cut === undefined) {
    const lineBreak = content.indexOf('\n');
    const stop = content.search(/[。；;](?=.)/);
    cut = lineBreak > 0 ? lineBreak : stop >= 0 ? stop + 1 : -1;
  }
  const first = content.slice(0, cut).trim();
  const second = content.slice(cut).trim();
  if (cut <= 0 || !first || !second) return draft;
  return setFinding(draft, index, {
    ...f,
    measures: f.measures.flatMap((x, k) =>
      k === measureIndex
        ? [
            { ...x, content: first },
            { ...x, content: second },
          ]
        : [x],
    ),
  });
}

// ── 问题表现 ──────────────────────────────────────────────────────────────

/** A paragraph of 问题表现 that is really a measure: it becomes the finding's first measure. */
export function promoteDescriptionParagraph(draft: Draft, index: number, paragraph: number): Draft {
  const f = draft.findings[index];
  const parts = paragraphs(f?.description);
  const text = parts[paragraph];
  if (!f || text === undefined) return draft;
  return setFinding(draft, index, {
    ...f,
    description: parts.filter((_, p) => p !== paragraph).join('\n'),
    measures: [measureFrom(text, undefined, f.measures[0]), ...f.measures],
  });
}

export { paragraphs as descriptionParagraphs };
