import type { LedgerDraft } from '@tongban/contracts';
import { tr } from '../../../app/i18n';

export type Draft = LedgerDraft;
export type DraftCategory = Draft['categories'][number];
export type DraftFinding = Draft['findings'][number];
export type DraftMeasure = DraftFinding['measures'][number];

const CN = '一二三四五六七八九';

export function cnOrdinal(n: number): string {
  if (n < 10) return CN[n - 1] ?? String(n);
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return tr('ledger.draftModel.text', {
    v0: tens === 1 ? '' : (CN[tens - 1] ?? ''),
    v1: ones ? (CN[ones - 1] ?? '') : '',
  });
}

/** 一、 / （一） / 1. / （1） by depth, as the saved ledger numbers its categories. */
export function categoryLabel(depth: number, position: number): string {
  if (depth === 0) return `${cnOrdinal(position)}、`;
  if (depth === 1) return `（${cnOrdinal(position)}）`;
  if (depth === 2) return `${position}.`;
  return `（${position}）`;
}

export type LabelledCategory = DraftCategory & { depth: number; label: string };

/** The draft's categories depth-first (parents before children) with their numbering. */
export function labelCategories(categories: DraftCategory[]): LabelledCategory[] {
  const out: LabelledCategory[] = [];
  const keys = new Set(categories.map((c) => c.key));
  const walk = (parentKey: string | null, depth: number) => {
    categories
      .filter((c) => (c.parentKey && keys.has(c.parentKey) ? c.parentKey : null) === parentKey)
      .forEach((c, i) => {
        out.push({ ...c, depth, label: categoryLabel(depth, i + 1) });
        walk(c.key, depth + 1);
      });
  };
  walk(null, 0);
  return out;
}

/**
 * Findings in reading order (by their category's place, then as listed): the order the ledger
 * numbers them 1, 2, 3… when saved.
 */
export function orderFindings(draft: Draft): { finding: DraftFinding; index: number }[] {
  const order = new Map(labelCategories(draft.categories).map((c, i) => [c.key, i]));
  const rank = (f: DraftFinding) =>
    f.categoryKey && order.has(f.categoryKey) ? order.get(f.categoryKey)! : Number.MAX_SAFE_INTEGER;
  return draft.findings
    .map((finding, index) => ({ finding, index }))
    .sort((a, b) => rank(a.finding) - rank(b.finding) || a.index - b.index);
}

/** What is sent: findings in reading order, categories parents-first, empty optional text dropped. */
export function draftForSave(draft: Draft): Draft {
  const clean = <T extends Record<string, unknown>>(o: T): T =>
    Object.fromEntries(Object.entries(o).filter(([, v]) => v !== '' && v !== undefined)) as T;
  return {
    inspection: clean({ ...draft.inspection }),
    categories: labelCategories(draft.categories).map((c) => ({
      key: c.key,
      title: c.title,
      parentKey: c.parentKey ?? null,
    })),
    findings: orderFindings(draft).map(({ finding }) => ({
      ...clean({ ...finding, measures: undefined }),
      measures: finding.measures.map((m) => clean({ ...m })),
    })) as Draft['findings'],
    ...(draft.narratives ? { narratives: clean({ ...draft.narratives }) } : {}),
  };
}

/** Problems the reviewer can fix before asking the server; in the screen's words. */
export function checkDraft(draft: Draft): string[] {
  const problems: string[] = [];
  if (!draft.inspection.team?.trim()) problems.push(tr('ledger.draftModel.pleaseEnterTheInspection'));
  if (!draft.inspection.inspectedUnit?.trim()) problems.push(tr('ledger.draftModel.pleaseEnterTheInspected'));
  if (draft.findings.length === 0) problems.push(tr('ledger.draftModel.atLeastOneProblem'));
  draft.categories.forEach((c) => {
    if (!c.title.trim()) problems.push(tr('ledger.draftModel.aProblemCategoryHas'));
  });
  orderFindings(draft).forEach(({ finding }, n) => {
    if (!finding.title.trim()) problems.push(tr('ledger.draftModel.problemHasNoName', { v0: n + 1 }));
    finding.measures.forEach((m, k) => {
      if (!m.content.trim())
        problems.push(tr('ledger.draftModel.measureOfProblemIs', { v0: n + 1, v1: k + 1 }));
    });
  });
  return problems;
}

const FIELD_NAMES: Record<string, string> = {
  get team() {
    return tr('ledger.draftModel.inspectionTeam');
  },
  get inspectedUnit() {
    return tr('ledger.draftModel.inspectedUnit');
  },
  get issuer() {
    return tr('ledger.draftModel.issuingUnit');
  },
  get kind() {
    return tr('ledger.draftModel.type');
  },
  get periodStart() {
    return tr('ledger.draftModel.inspectionStartDate');
  },
  get periodEnd() {
    return tr('ledger.draftModel.inspectionEndDate');
  },
  get feedbackDate() {
    return tr('ledger.draftModel.feedbackDate');
  },
  get contactPhone() {
    return tr('ledger.draftModel.phone');
  },
  get contactEmail() {
    return tr('ledger.draftModel.email');
  },
  get contactAddress() {
    return tr('ledger.draftModel.address');
  },
  get title() {
    return tr('ledger.draftModel.name');
  },
  get description() {
    return tr('ledger.draftModel.symptoms');
  },
  get content() {
    return tr('ledger.draftModel.content');
  },
  get leader() {
    return tr('ledger.draftModel.responsibleLeader');
  },
  get departmentId() {
    return tr('ledger.draftModel.responsibleDepartment');
  },
  get ownerUserId() {
    return tr('ledger.draftModel.responsiblePerson');
  },
  get dueDate() {
    return tr('ledger.draftModel.dueDate');
  },
  get categoryKey() {
    return tr('ledger.draftModel.category');
  },
  get parentKey() {
    return tr('ledger.draftModel.parentCategory');
  },
  get key() {
    return tr('ledger.draftModel.number');
  },
  get workDone() {
    return tr('ledger.draftModel.rectificationWork');
  },
  get nextSteps() {
    return tr('ledger.draftModel.nextSteps');
  },
};

/** "findings.2.measures.0.content" → "第 3 个问题的第 1 项措施：内容". */
export function describeDraftPath(path: string): string {
  const parts = path.split('.');
  const out: string[] = [];
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i]!;
    const n = Number(parts[i + 1]);
    if (p === 'findings' && Number.isInteger(n)) {
      out.push(tr('ledger.draftModel.problem', { v0: n + 1 }));
      i++;
    } else if (p === 'measures' && Number.isInteger(n)) {
      out.push(tr('ledger.draftModel.measure', { v0: n + 1 }));
      i++;
    } else if (p === 'categories' && Number.isInteger(n)) {
      out.push(tr('ledger.draftModel.category2', { v0: n + 1 }));
      i++;
    } else if (p === 'inspection') out.push(tr('ledger.draftModel.inspection'));
    else if (p === 'narratives') out.push(tr('ledger.draftModel.reportText'));
    else out.push(FIELD_NAMES[p] ?? p);
  }
  return out.join(' › ');
}

/** The server's `details` (zod issues or the draft check's problems) as readable lines. */
export function describeDetails(details: unknown): string[] {
  if (!Array.isArray(details)) return [];
  return details.flatMap((d: unknown) => {
    if (!d || typeof d !== 'object') return [];
    const { path, message } = d as { path?: unknown; message?: unknown };
    const where = Array.isArray(path) ? path.join('.') : typeof path === 'string' ? path : '';
    return [`${where ? `${describeDraftPath(where)}：` : ''}${String(message ?? '')}`];
  });
}
