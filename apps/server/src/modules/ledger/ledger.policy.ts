import { DEPARTMENT_ROLES, type MeasureStatus } from '@tongban/contracts';
import type { Actor } from '../../platform/access';
import type { LedgerErrorCode } from './ledger.errors';
import type { ParsedOutline } from './ledger-outline.parser';
import { formatCnOrdinal, type MeasureState } from './report-model';

/**
 * Pure rules of the ledger: a measure's state is derived from its rows (never stored), sign-off
 * needs evidence and a verifier who is not the owner (REC-1, SOD-2).
 */

export type MeasureFacts = {
  ownerUserId: string | null;
  departmentId: string | null;
  dueDate: string | null;
  signedOffAt: Date | string | null;
  round: number;
};
export type ProgressFacts = {
  round: number;
  requestSignoff: boolean;
  evidenceFiles: string[];
  evidenceText: string;
};

/** Progress of the current round: a 回头看 reopening makes earlier entries history. */
export const currentProgress = <P extends ProgressFacts>(m: MeasureFacts, progress: P[]): P[] =>
  progress.filter((p) => p.round === m.round);

export function hasEvidence(m: MeasureFacts, progress: ProgressFacts[]): boolean {
  return currentProgress(m, progress).some((p) => p.evidenceFiles.length > 0 || p.evidenceText.trim() !== '');
}

/** The state without the due date (what the report counts). */
export function baseMeasureState(m: MeasureFacts, progress: ProgressFacts[]): MeasureState {
  if (m.signedOffAt) return 'signed_off';
  const cur = currentProgress(m, progress);
  if (cur.some((p) => p.requestSignoff)) return 'awaiting_signoff';
  if (cur.length > 0) return 'in_progress';
  return m.round > 0 ? 'reopened' : 'not_started';
}

/** The ledger's status: overdue when open past the due date (Asia/Shanghai `today`). */
export function measureStatus(m: MeasureFacts, progress: ProgressFacts[], today: string): MeasureStatus {
  const base = baseMeasureState(m, progress);
  if (base === 'signed_off' || base === 'awaiting_signoff') return base;
  if (m.dueDate && m.dueDate < today) return 'overdue';
  return base;
}

/** REC-1 and SOD-2, checked after the role (ledger.signoff) is. */
export function checkSignoff(
  actor: Actor,
  m: MeasureFacts,
  progress: ProgressFacts[],
): LedgerErrorCode | undefined {
  if (m.signedOffAt) return 'LEDGER_ALREADY_SIGNED_OFF';
  if (actor.userId !== null && actor.userId === m.ownerUserId) return 'LEDGER_SIGNOFF_OWN';
  if (!hasEvidence(m, progress)) return 'LEDGER_NO_EVIDENCE';
  return undefined;
}

/**
 * Department roles add progress only to their own or their department's measures - and see only
 * those in the ledger view, so the same rule decides who reads a measure's evidence files.
 */
export function mayAddProgress(actor: Actor, m: MeasureFacts): boolean {
  if (actor.role === 'system' || !DEPARTMENT_ROLES.includes(actor.role)) return true;
  return (
    (actor.userId !== null && m.ownerUserId === actor.userId) ||
    (m.departmentId !== null && m.departmentId === actor.departmentId)
  );
}

/** 一、 / （一） / 1. / （1） by depth, from the position among siblings. */
export function categoryLabel(depth: number, position: number): string {
  if (depth === 0) return `${formatCnOrdinal(position)}、`;
  if (depth === 1) return `（${formatCnOrdinal(position)}）`;
  if (depth === 2) return `${position}.`;
  return `（${position}）`;
}

export type CategoryRow = { id: string; parentId: string | null; title: string; sortOrder: number };
export type NumberedCategory = CategoryRow & { label: string; depth: number; topId: string; order: number };

/** Numbers the category tree depth-first; `order` is the position in reading order. */
export function numberCategories(rows: CategoryRow[]): NumberedCategory[] {
  const out: NumberedCategory[] = [];
  const children = (parentId: string | null) =>
    rows.filter((r) => r.parentId === parentId).sort((a, b) => a.sortOrder - b.sortOrder);
  const walk = (parentId: string | null, depth: number, topId: string | null) => {
    children(parentId).forEach((c, i) => {
      const top = topId ?? c.id;
      out.push({ ...c, label: categoryLabel(depth, i + 1), depth, topId: top, order: out.length });
      if (depth < 6) walk(c.id, depth + 1, top);
    });
  };
  walk(null, 0, null);
  return out;
}

/** 'YYYY-MM' (a month named without a day) to its first or last day. */
export function completeDate(d: string | undefined, end: 'start' | 'end'): string | null {
  if (!d) return null;
  if (/^\d{4}-\d{2}-\d{2}$/.test(d)) return d;
  const m = /^(\d{4})-(\d{2})$/.exec(d);
  if (!m) return null;
  if (end === 'start') return `${d}-01`;
  const last = new Date(Date.UTC(Number(m[1]), Number(m[2]), 0)).getUTCDate();
  return `${d}-${String(last).padStart(2, '0')}`;
}

/** The parsed outline as an editable draft in the shape the save endpoint takes. */
export function outlineToDraft(
  outline: ParsedOutline,
  departments: { id: string; name: string; shortName: string }[],
  /** The imported text, for the source line shown beside each element. */
  text = '',
) {
  const lineText = new Map(
    text
      .replace(/\r\n?/g, '\n')
      .split('\n')
      .map((l, n) => [n + 1, l.trim()]),
  );
  const deptOf = (name: string | undefined) => {
    const n = name?.trim();
    if (!n) return null;
    return departments.find((d) => d.name === n || (d.shortName !== '' && d.shortName === n))?.id ?? null;
  };
  const i = outline.inspection;
  const source = (line: number, confidence: number) => ({
    line,
    text: (lineText.get(line) ?? '').slice(0, 1000),
    confidence,
  });
  return {
    inspection: {
      kind: i.kind ?? 'xuncha',
      team: i.team ?? '',
      inspectedUnit: i.inspectedUnit ?? '',
      periodStart: completeDate(i.periodStart, 'start'),
      periodEnd: completeDate(i.periodEnd, 'end'),
      feedbackDate: completeDate(i.feedbackDate, 'start'),
      contactPhone: outline.contact.phone ?? '',
      contactEmail: outline.contact.email ?? '',
      contactAddress: outline.contact.address ?? '',
    },
    categories: outline.categories.map((c) => ({
      key: c.key,
      title: c.title,
      parentKey: c.parentKey ?? null,
      source: source(c.line, c.confidence),
    })),
    findings: outline.findings.map((f) => ({
      title: f.title,
      // The draft has no field for 整改结果及成效: it stays with the problem, labelled, not dropped.
      description: [f.description, f.result ? `整改结果及成效：${f.result}` : ''].filter(Boolean).join('\n'),
      categoryKey: f.categoryKey ?? null,
      source: source(f.line, f.confidence),
      measures: f.measures.map((m) => {
        const dueDate = completeDate(m.dueDate, 'end');
        return {
          content: m.content,
          leader: m.leader ?? '',
          departmentId: deptOf(m.department),
          dueDate,
          kind: m.kind ?? (dueDate ? ('deadline' as const) : ('immediate' as const)),
          source: source(m.line, m.confidence),
        };
      }),
    })),
    narratives: { workDone: outline.narratives.workDone, nextSteps: outline.narratives.nextSteps },
  };
}
