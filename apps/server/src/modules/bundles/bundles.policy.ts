// Pure rules of a bundle (一件事一次办, issue 20): definitions (dependencies, the merged form, the
// deduplicated materials), the branches' states, the join, the critical path and the clock.
// BUN-1, DEC-2. No I/O.

import type { BranchStatus, BundleErrorCode, BundleFormField, BundleStatus } from '@tongban/contracts';
import { BUNDLE_DECISION_LIMIT_DAYS, addWorkingDays, type CompiledCalendar } from '@tongban/calendar';

/** Fields every item of a bundle asks: 一表申请 asks them once. */
export const SHARED_FORM_FIELDS: readonly { key: string; label: string }[] = [
  { key: 'applicantName', label: '申请人（经营者）名称' },
  { key: 'contactPhone', label: '联系电话' },
  { key: 'businessAddress', label: '经营场所地址' },
  { key: 'businessScope', label: '经营范围' },
];

/** A cycle among the items' dependencies (as item ids, first repeated), or undefined. */
export function findDependencyCycle(
  items: readonly { itemId: string; dependsOn: readonly string[] }[],
): string[] | undefined {
  const deps = new Map(items.map((i) => [i.itemId, i.dependsOn] as const));
  const state = new Map<string, 'visiting' | 'done'>();
  const path: string[] = [];
  const visit = (id: string): string[] | undefined => {
    if (state.get(id) === 'done') return undefined;
    if (state.get(id) === 'visiting') return [...path.slice(path.indexOf(id)), id];
    state.set(id, 'visiting');
    path.push(id);
    for (const d of deps.get(id) ?? []) {
      const cycle = visit(d);
      if (cycle) return cycle;
    }
    path.pop();
    state.set(id, 'done');
    return undefined;
  };
  for (const i of items) {
    const cycle = visit(i.itemId);
    if (cycle) return cycle;
  }
  return undefined;
}

/** Checks a definition's items: distinct, dependencies inside the bundle, no cycle, ≥ 2 departments. */
export function checkDefinitionItems(
  items: readonly { itemId: string; dependsOn: readonly string[]; departmentId: string }[],
): { code: BundleErrorCode; details?: unknown } | undefined {
  const ids = new Set(items.map((i) => i.itemId));
  if (ids.size !== items.length) return { code: 'BUNDLE_DEPENDENCY_UNKNOWN', details: { duplicate: true } };
  for (const i of items)
    for (const d of i.dependsOn)
      if (!ids.has(d) || d === i.itemId) return { code: 'BUNDLE_DEPENDENCY_UNKNOWN', details: { itemId: d } };
  const cycle = findDependencyCycle(items);
  if (cycle) return { code: 'BUNDLE_DEPENDENCY_CYCLE', details: { cycle } };
  if (new Set(items.map((i) => i.departmentId)).size < 2) return { code: 'BUNDLE_ONE_DEPARTMENT' };
  return undefined;
}

/** 一表申请: the shared fields once for every item, then the declared ones merged by key. */
export function mergeFormFields(
  itemIds: readonly string[],
  declared: readonly { key: string; label: string; itemIds: readonly string[] }[],
): BundleFormField[] {
  const out = new Map<string, BundleFormField>();
  for (const f of SHARED_FORM_FIELDS) out.set(f.key, { ...f, itemIds: [...itemIds], shared: true });
  for (const f of declared) {
    const had = out.get(f.key);
    const union = [...new Set([...(had?.itemIds ?? []), ...f.itemIds])].filter((i) => itemIds.includes(i));
    out.set(f.key, { key: f.key, label: had?.label ?? f.label, itemIds: union, shared: union.length > 1 });
  }
  return [...out.values()];
}

/** 一套材料: a material several items need (same name) is listed once, required if any requires it. */
export function mergeMaterials(
  items: readonly { itemId: string; materials: readonly { name: string; required: boolean }[] }[],
): { name: string; required: boolean; itemIds: string[] }[] {
  const out = new Map<string, { name: string; required: boolean; itemIds: string[] }>();
  for (const i of items)
    for (const m of i.materials) {
      const had = out.get(m.name);
      if (had) {
        had.required ||= m.required;
        if (!had.itemIds.includes(i.itemId)) had.itemIds.push(i.itemId);
      } else out.set(m.name, { name: m.name, required: m.required, itemIds: [i.itemId] });
    }
  return [...out.values()];
}

// ── Branches ────────────────────────────────────────────────────────────────

export const CONCLUDED_BRANCH: readonly BranchStatus[] = ['granted', 'denied', 'refused', 'withdrawn'];
export const isBranchConcluded = (s: BranchStatus) => CONCLUDED_BRANCH.includes(s);

/** What a case event does to its branch (events that do not matter to the bundle → undefined). */
export function branchStatusAfter(type: string, outcome?: 'grant' | 'deny'): BranchStatus | undefined {
  switch (type) {
    case 'supplement_requested':
      return 'supplement_requested';
    case 'supplement_received':
      return 'submitted';
    case 'accepted':
      return 'accepted';
    case 'refused':
      return 'refused';
    case 'decided':
      return outcome === 'grant' ? 'granted' : 'denied';
    case 'withdrawn':
      return 'withdrawn';
    default:
      return undefined;
  }
}

/** Dependencies of a branch that have not been granted yet: review and decision wait for them. */
export function waitingFor(
  branch: { dependsOn: readonly string[] },
  all: readonly { itemId: string; status: BranchStatus }[],
): string[] {
  return branch.dependsOn.filter((d) => all.find((b) => b.itemId === d)?.status !== 'granted');
}

/**
 * SOD-1 across branches: within one bundle the review and the decision stay in different hands —
 * whoever reviewed any branch decides none, and whoever decided one reviews none.
 */
export function checkSodAcrossBranches(
  step: 'review' | 'decide',
  userId: string | null,
  branches: readonly { reviewers: readonly string[]; deciders: readonly string[] }[],
): BundleErrorCode | undefined {
  if (!userId) return undefined;
  const other = step === 'review' ? 'deciders' : 'reviewers';
  return branches.some((b) => b[other].includes(userId)) ? 'BUNDLE_SOD_ACROSS_BRANCHES' : undefined;
}

/**
 * BUN-1, the join: the bundle's status once a branch has changed. Every branch concluded → the
 * bundle concludes (withdrawn if nothing was decided); a refused or denied branch while others run
 * → the applicant is told and chooses (never silently cancelled).
 */
export function bundleStatusAfter(
  current: BundleStatus,
  branches: readonly { status: BranchStatus }[],
  changed: BranchStatus | undefined,
): BundleStatus {
  if (current !== 'open' && current !== 'awaiting_choice') return current;
  if (branches.every((b) => isBranchConcluded(b.status)))
    return branches.some((b) => b.status === 'granted' || b.status === 'denied') ? 'concluded' : 'withdrawn';
  if (changed === 'refused' || changed === 'denied') return 'awaiting_choice';
  return current;
}

/** Branches to withdraw after the applicant's choice: all open ones, or those that can no longer proceed. */
export function branchesToWithdraw<
  B extends { itemId: string; status: BranchStatus; dependsOn: readonly string[] },
>(branches: readonly B[], choice: 'continue' | 'withdraw'): B[] {
  const open = branches.filter((b) => !isBranchConcluded(b.status));
  if (choice === 'withdraw') return open;
  // A branch that waits for a refused or denied one (directly or through others) cannot proceed.
  const failed = new Set(
    branches.filter((b) => ['refused', 'denied', 'withdrawn'].includes(b.status)).map((b) => b.itemId),
  );
  let grew = true;
  while (grew) {
    grew = false;
    for (const b of open)
      if (!failed.has(b.itemId) && b.dependsOn.some((d) => failed.has(d))) {
        failed.add(b.itemId);
        grew = true;
      }
  }
  return open.filter((b) => failed.has(b.itemId));
}

// ── Clock (BUN-1, DEC-2) ────────────────────────────────────────────────────

/** DEC-2: the bundle's legal deadline, 45 working days from receipt plus an approved extension. */
export function bundleLegalDeadline(
  calendar: CompiledCalendar,
  receivedOn: string,
  approvedExtensionDays: number,
): string {
  return addWorkingDays(calendar, receivedOn, BUNDLE_DECISION_LIMIT_DAYS + approvedExtensionDays);
}

export type PathBranch = {
  itemId: string;
  dependsOn: readonly string[];
  promisedDays: number;
  /** Day the branch's own clock started (acceptance, else receipt). */
  startedOn: string;
  /** BUN-1: a supplement request pauses only this branch; its limit runs again from resubmission. */
  pausedSince: string | null;
  concludedOn: string | null;
};

/**
 * The bundle's expected finish is the critical path over its branches (what the applicant sees):
 * a branch finishes its promised limit after it started, or after the last branch it depends on,
 * whichever is later; a paused branch counts from today. Returns each branch's expected finish,
 * the bundle's, and the chain of open branches that decides it (the one holding the bundle up last).
 */
export function criticalPath(
  calendar: CompiledCalendar,
  today: string,
  branches: readonly PathBranch[],
): { finish: Map<string, string>; expectedFinish: string; path: string[]; holding: string | null } {
  const byId = new Map(branches.map((b) => [b.itemId, b] as const));
  const finish = new Map<string, string>();
  const via = new Map<string, string | null>();
  const compute = (id: string, seen: Set<string>): string => {
    const hit = finish.get(id);
    if (hit) return hit;
    const b = byId.get(id)!;
    if (b.concludedOn) {
      finish.set(id, b.concludedOn);
      via.set(id, null);
      return b.concludedOn;
    }
    let start = b.pausedSince ? (today > b.startedOn ? today : b.startedOn) : b.startedOn;
    let from: string | null = null;
    for (const d of b.dependsOn) {
      if (!byId.has(d) || seen.has(d)) continue;
      const f = compute(d, new Set([...seen, id]));
      if (f > start) {
        start = f;
        from = d;
      }
    }
    let end = addWorkingDays(calendar, start, b.promisedDays);
    // An overdue open branch is expected no earlier than today.
    if (end < today) end = today;
    finish.set(id, end);
    via.set(id, from);
    return end;
  };
  for (const b of branches) compute(b.itemId, new Set());
  let last: string | null = null;
  let expectedFinish = '';
  for (const b of branches) {
    const f = finish.get(b.itemId)!;
    if (
      f > expectedFinish ||
      (f === expectedFinish && last && byId.get(last)!.concludedOn && !b.concludedOn)
    ) {
      expectedFinish = f;
      last = b.itemId;
    }
  }
  const path: string[] = [];
  for (let id = last; id; id = via.get(id) ?? null) path.unshift(id);
  const holding = last && !byId.get(last)!.concludedOn ? last : null;
  return { finish, expectedFinish, path: holding ? path : [], holding };
}

/** Which actions the bundle's detail offers (the web asks the server). */
export function allowedBundleActions(s: {
  status: BundleStatus;
  extensionStatus: 'requested' | 'approved' | 'rejected' | null;
}) {
  const open = s.status === 'open' || s.status === 'awaiting_choice';
  return {
    deliver: s.status === 'concluded',
    choose: s.status === 'awaiting_choice',
    requestExtension: open && s.extensionStatus === null,
    decideExtension: s.extensionStatus === 'requested',
  };
}
