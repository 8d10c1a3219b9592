// Pure rules of complaints and 12345 work orders: deadlines, who may do what in which state, the
// dispatch catalog's choice. No I/O.
import type {
  ComplaintAction,
  ComplaintErrorCode,
  ComplaintStatus,
  ComplaintType,
  Role,
  SubjectKind,
} from '@tongban/contracts';

/** CPL-1: default working days per type, used when the region has no setting. */
export const DEFAULT_LIMIT_DAYS: Record<ComplaintType, number> = {
  consult: 2,
  help: 10,
  suggest: 10,
  complain: 15,
  report: 15,
  praise: 10,
};

/** CPL-2: working days after dispatch within which the holder may return (退单) the order. */
export const RETURN_WINDOW_DAYS = 2;

/** A callback "not satisfied" reopens the order this many times at most. */
export const MAX_REOPENS = 1;

export type ComplaintFacts = {
  status: ComplaintStatus;
  regionCode: string;
  heldByDepartmentId: string | null;
  returnPending: boolean;
  repliedBy: string | null;
  handlerId: string | null;
  callbackBy: string | null;
  callbackResult: 'satisfied' | 'unsatisfied' | null;
  replyText: string | null;
  mergedIntoId: string | null;
  source: string;
  relatedCaseId: string | null;
  /** Merged duplicates of this record not yet called back (CPL-3). */
  mergedPendingCallback: number;
  /** 督办 has been sent for this order. */
  supervised?: boolean;
};

export type ActorFacts = { userId: string | null; role: Role | 'system'; departmentId: string | null };

const OPEN: readonly ComplaintStatus[] = ['dispatched', 'handling'];

/** The holder's people (department roles of the holding department) work the order. */
export function isHolder(c: ComplaintFacts, a: ActorFacts): boolean {
  if (a.role === 'system') return true;
  return (
    (a.role === 'clerk' || a.role === 'approver' || a.role === 'dept_head') &&
    !!c.heldByDepartmentId &&
    c.heldByDepartmentId === a.departmentId
  );
}

/** CPL-2: a return is allowed up to and including the 2nd working day after dispatch. */
export function checkReturn(c: ComplaintFacts, a: ActorFacts, today: string, lastReturnDay: string) {
  if (!OPEN.includes(c.status)) return 'COMPLAINT_WRONG_STATUS' as const;
  if (!isHolder(c, a)) return 'COMPLAINT_NOT_HOLDER' as const;
  if (c.returnPending) return 'COMPLAINT_RETURN_PENDING' as const;
  if (today > lastReturnDay) return 'COMPLAINT_RETURN_TOO_LATE' as const;
  return undefined;
}

export function checkReply(c: ComplaintFacts, a: ActorFacts): ComplaintErrorCode | undefined {
  if (!OPEN.includes(c.status)) return 'COMPLAINT_WRONG_STATUS';
  if (!isHolder(c, a)) return 'COMPLAINT_NOT_HOLDER';
  if (c.returnPending) return 'COMPLAINT_RETURN_PENDING';
  return undefined;
}

/** SOD-2: the callback is made by someone other than whoever handled and replied. */
export function checkCallback(c: ComplaintFacts, a: ActorFacts): ComplaintErrorCode | undefined {
  const isMergedReplied = c.status === 'merged' && !!c.replyText;
  if (c.status !== 'replied' && !isMergedReplied) return 'COMPLAINT_WRONG_STATUS';
  if (a.userId && (a.userId === c.repliedBy || a.userId === c.handlerId))
    return 'COMPLAINT_CALLBACK_BY_HANDLER';
  return undefined;
}

/** SOD-2: close only with a reply and a callback by another person; CPL-3: every merged one too. */
export function checkClose(c: ComplaintFacts, a: ActorFacts): ComplaintErrorCode | undefined {
  if (c.status === 'closed' || c.status === 'merged' || c.status === 'escalated')
    return 'COMPLAINT_WRONG_STATUS';
  if (!c.replyText) return 'COMPLAINT_NO_REPLY';
  if (!c.callbackBy || c.status !== 'replied') return 'COMPLAINT_NO_CALLBACK';
  if (a.userId && (a.userId === c.repliedBy || a.userId === c.handlerId)) return 'COMPLAINT_CLOSE_BY_HANDLER';
  if (c.mergedPendingCallback > 0) return 'COMPLAINT_MERGED_NOT_CALLED_BACK';
  return undefined;
}

/** 并单: both open, same region, not the same record, the target not itself merged. */
export function checkMerge(dup: ComplaintFacts, into: ComplaintFacts, sameId: boolean) {
  if (dup.regionCode !== into.regionCode) return 'COMPLAINT_MERGE_CROSS_REGION' as const;
  if (sameId || into.mergedIntoId || into.status === 'merged' || into.status === 'closed')
    return 'COMPLAINT_MERGE_INVALID' as const;
  if (dup.status === 'closed' || dup.status === 'merged' || dup.status === 'replied')
    return 'COMPLAINT_MERGE_INVALID' as const;
  return undefined;
}

export function checkDispatch(c: ComplaintFacts): ComplaintErrorCode | undefined {
  if (c.status !== 'received') return 'COMPLAINT_WRONG_STATUS';
  return undefined;
}

export function checkDecideReturn(c: ComplaintFacts): ComplaintErrorCode | undefined {
  if (!c.returnPending) return 'COMPLAINT_WRONG_STATUS';
  return undefined;
}

/**
 * The leader decides what the 办不成事 window sent up (assign to a department, or decide it: the
 * decision is the reply), and instructs (批示) the holder of an open order under 督办.
 */
export function checkLeaderDecision(
  c: ComplaintFacts,
  decision: 'assigned' | 'decided' | 'instructed',
  departmentId: string | null,
): ComplaintErrorCode | undefined {
  if (decision === 'instructed')
    return c.supervised && OPEN.includes(c.status) && c.heldByDepartmentId
      ? undefined
      : 'COMPLAINT_NOT_FOR_LEADER';
  if (c.status !== 'escalated') return 'COMPLAINT_NOT_FOR_LEADER';
  if (decision === 'assigned' && !departmentId) return 'COMPLAINT_DEPARTMENT_UNKNOWN';
  return undefined;
}

const DESK: readonly (Role | 'system')[] = ['supervisor', 'system'];
const CALLBACK: readonly (Role | 'system')[] = ['supervisor', 'leader', 'system'];

/** What the actor may do now: the web shows only these buttons; the use cases check again. */
export function allowedActions(c: ComplaintFacts, a: ActorFacts, overdue: boolean): ComplaintAction[] {
  const out: ComplaintAction[] = [];
  const desk = DESK.includes(a.role);
  if (desk && c.status === 'received') out.push('dispatch');
  if (!checkReply(c, a)) out.push('return', 'note', 'reply');
  if (desk && c.returnPending) out.push('decide_return');
  if (CALLBACK.includes(a.role) && !checkCallback(c, a) && !c.callbackBy) out.push('callback');
  if (CALLBACK.includes(a.role) && !checkClose(c, a)) out.push('close');
  if (desk && (c.status === 'received' || OPEN.includes(c.status))) out.push('merge');
  if (desk && overdue && OPEN.includes(c.status)) out.push('supervise');
  const windowMatter = c.source === 'unresolved_window' || c.source === 'grievance_window';
  if (windowMatter && (a.role === 'clerk' || desk) && (c.status === 'received' || OPEN.includes(c.status)))
    out.push('coordinate', 'escalate');
  if (a.role === 'leader' && (c.status === 'escalated' || (c.supervised && OPEN.includes(c.status))))
    out.push('lead');
  return out;
}

export type CatalogRule = {
  type: ComplaintType | null;
  subjectKind: SubjectKind | null;
  subjectId: string | null;
  leadDepartmentId: string;
  assistDepartmentIds: string[];
  explanation: string;
};

/**
 * 派单目录: the most specific matching rule wins (subject id > subject kind > type); ties go to the
 * earlier rule. Returns the rule and why it matched, so the desk sees the reason for the suggestion.
 */
export function suggestDispatch(
  rules: readonly CatalogRule[],
  c: { type: ComplaintType; subjectKind: SubjectKind; subjectId: string | null },
): { rule: CatalogRule; why: string } | undefined {
  let best: { rule: CatalogRule; score: number } | undefined;
  for (const r of rules) {
    if (r.type && r.type !== c.type) continue;
    if (r.subjectKind && r.subjectKind !== c.subjectKind) continue;
    if (r.subjectId && r.subjectId !== c.subjectId) continue;
    const score = (r.subjectId ? 4 : 0) + (r.subjectKind ? 2 : 0) + (r.type ? 1 : 0);
    if (!best || score > best.score) best = { rule: r, score };
  }
  if (!best) return undefined;
  const parts = [
    best.rule.type ? '类型相符' : '任何类型',
    best.rule.subjectId ? '对象相符' : best.rule.subjectKind ? '对象种类相符' : '任何对象',
  ];
  return { rule: best.rule, why: `${parts.join('、')}：${best.rule.explanation}` };
}

/** Masks a name for the screen: 张** / 欧阳** (first character kept). */
export function maskName(name: string): string {
  const t = name.trim();
  if (!t) return '';
  return `${[...t][0]}${'*'.repeat(Math.max(1, [...t].length - 1))}`;
}

/** Masks a phone: 138****1234. */
export function maskPhone(phone: string): string {
  const t = phone.trim();
  if (t.length < 7) return t ? '***' : '';
  return `${t.slice(0, 3)}****${t.slice(-4)}`;
}

/** Rates: null when nothing to divide by (RATE-1: no 0/0 shown as 100%). */
export function rate(n: number, d: number): number | null {
  return d === 0 ? null : Math.round((n / d) * 10000) / 10000;
}
