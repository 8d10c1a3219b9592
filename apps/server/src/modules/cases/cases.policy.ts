// Pure rules of a case (办件): its events, the state they add up to, and which transitions are
// allowed to whom. No I/O: the service loads events, asks here, appends an event.
//
// Case state is derived from events only (TRUTH-1): `replayCase(events)` is the projection the
// service stores, and a test rebuilds it from the log and compares.

import {
  DEPARTMENT_ROLES,
  regionCovers,
  type Action,
  type CaseActionKey,
  type Role,
} from '@tongban/contracts';

export type CaseChannel = 'window' | 'online' | 'kiosk' | 'mail' | 'agent';
export type CaseStatus =
  | 'draft'
  | 'submitted'
  | 'supplement_requested'
  | 'accepted'
  | 'refused'
  | 'decided'
  | 'delivered'
  | 'withdrawn';
export type DecisionOutcome = 'grant' | 'deny';
export type DeliveryMethod = 'window' | 'post' | 'electronic';

type Base = { at: Date; actorId: string | null };

export type CaseEvent =
  | (Base & { type: 'submitted'; channel: CaseChannel })
  | (Base & { type: 'supplement_requested'; noticeNo: string; items: { name: string; reason: string }[] })
  | (Base & { type: 'supplement_received'; names?: string[] })
  | (Base & {
      type: 'accepted';
      noticeNo: string;
      deferred: { name: string; dueDate: string }[];
      deemed: boolean;
    })
  | (Base & { type: 'refused'; noticeNo: string; reason: string; redirectTo: string })
  | (Base & { type: 'deferred_received'; names: string[] })
  | (Base & { type: 'step_completed'; stepIndex: number; opinion: string })
  | (Base & { type: 'returned'; fromStep: number; reason: string })
  | (Base & {
      type: 'transferred';
      toUserId: string;
      reason: string;
      /** Who received it, as named then (events recorded before this field lack it). */
      toName?: string;
    })
  | (Base & { type: 'urged'; note: string })
  | (Base & {
      type: 'suspended';
      kind: string;
      expectedDays: number;
      countsInLimit: boolean;
      noticeNo: string;
    })
  | (Base & { type: 'resumed' })
  | (Base & { type: 'extension_requested'; days: number; reason: string })
  | (Base & { type: 'extension_decided'; approved: boolean; noticeNo: string | null })
  | (Base & {
      type: 'decided';
      outcome: DecisionOutcome;
      reason: string;
      legalBasis: string;
      opinion?: string;
      noticeNo?: string;
      /** 即办件 decided on the spot at the window. */
      instant?: boolean;
    })
  | (Base & { type: 'license_issued'; licenseId: string })
  | (Base & { type: 'delivery_prepared'; method: DeliveryMethod; trackingNo: string | null })
  | (Base & {
      type: 'delivered';
      method: DeliveryMethod;
      receivedBy: string;
      /** Who collected at the window and their masked identity number (issue 14 point 8). */
      receiverKind?: 'applicant' | 'agent';
      receiverIdMasked?: string | null;
    })
  | (Base & { type: 'visit'; purpose: string })
  | (Base & { type: 'withdrawn'; reason: string });

export type CaseEventType = CaseEvent['type'];

export type CaseState = {
  status: CaseStatus;
  channel: CaseChannel | null;
  /** Index into the back-office steps (0 = first step after acceptance). */
  stepIndex: number;
  /** Who signed each step: index -1 is acceptance at the window (SOD-1 counts it too). */
  signers: Record<number, string>;
  assigneeId: string | null;
  receivedAt: Date | null;
  acceptedAt: Date | null;
  deemedAccepted: boolean;
  supplementRequestedAt: Date | null;
  deferredOutstanding: string[];
  suspension: { kind: string; start: Date; countsInLimit: boolean } | null;
  suspensions: { kind: string; start: Date; end: Date | null; countsInLimit: boolean }[];
  extension: { days: number; reason: string; status: 'requested' | 'approved' | 'rejected' } | null;
  outcome: DecisionOutcome | null;
  decidedAt: Date | null;
  licenseId: string | null;
  delivery: { method: DeliveryMethod; trackingNo: string | null; preparedAt: Date } | null;
  deliveredAt: Date | null;
  visits: number;
  urges: number;
  version: number;
};

export const INITIAL_CASE_STATE: CaseState = {
  status: 'draft',
  channel: null,
  stepIndex: 0,
  signers: {},
  assigneeId: null,
  receivedAt: null,
  acceptedAt: null,
  deemedAccepted: false,
  supplementRequestedAt: null,
  deferredOutstanding: [],
  suspension: null,
  suspensions: [],
  extension: null,
  outcome: null,
  decidedAt: null,
  licenseId: null,
  delivery: null,
  deliveredAt: null,
  visits: 0,
  urges: 0,
  version: 0,
};

export const ACCEPT_STEP = -1;

/** Applies one recorded event. Events are facts already checked when they were appended. */
export function applyCaseEvent(s: CaseState, e: CaseEvent): CaseState {
  const next: CaseState = { ...s, version: s.version + 1 };
  switch (e.type) {
    case 'submitted':
      return { ...next, status: 'submitted', channel: e.channel, receivedAt: e.at };
    case 'supplement_requested':
      return { ...next, status: 'supplement_requested', supplementRequestedAt: e.at };
    case 'supplement_received':
      // ACC-1: the resubmission is a new receipt; the acceptance clock starts again from it.
      return { ...next, status: 'submitted', receivedAt: e.at, supplementRequestedAt: null };
    case 'accepted':
      return {
        ...next,
        status: 'accepted',
        acceptedAt: e.at,
        deemedAccepted: e.deemed,
        deferredOutstanding: e.deferred.map((d) => d.name),
        signers: e.actorId ? { ...s.signers, [ACCEPT_STEP]: e.actorId } : s.signers,
        stepIndex: 0,
      };
    case 'refused':
      return { ...next, status: 'refused' };
    case 'deferred_received':
      return { ...next, deferredOutstanding: s.deferredOutstanding.filter((n) => !e.names.includes(n)) };
    case 'step_completed':
      return {
        ...next,
        signers: { ...s.signers, [e.stepIndex]: e.actorId ?? '' },
        stepIndex: e.stepIndex + 1,
        assigneeId: null,
      };
    case 'returned': {
      const signers = { ...s.signers };
      delete signers[e.fromStep - 1];
      return { ...next, stepIndex: Math.max(0, e.fromStep - 1), signers, assigneeId: null };
    }
    case 'transferred':
      return { ...next, assigneeId: e.toUserId };
    case 'urged':
      return { ...next, urges: s.urges + 1 };
    case 'suspended':
      return {
        ...next,
        suspension: { kind: e.kind, start: e.at, countsInLimit: e.countsInLimit },
        suspensions: [
          ...s.suspensions,
          { kind: e.kind, start: e.at, end: null, countsInLimit: e.countsInLimit },
        ],
      };
    case 'resumed':
      return {
        ...next,
        suspension: null,
        suspensions: s.suspensions.map((x, i) => (i === s.suspensions.length - 1 ? { ...x, end: e.at } : x)),
      };
    case 'extension_requested':
      return { ...next, extension: { days: e.days, reason: e.reason, status: 'requested' } };
    case 'extension_decided':
      return {
        ...next,
        extension: s.extension ? { ...s.extension, status: e.approved ? 'approved' : 'rejected' } : null,
      };
    case 'decided':
      return {
        ...next,
        status: 'decided',
        outcome: e.outcome,
        decidedAt: e.at,
        signers: e.actorId ? { ...s.signers, [s.stepIndex]: e.actorId } : s.signers,
      };
    case 'license_issued':
      return { ...next, licenseId: e.licenseId };
    case 'delivery_prepared':
      return { ...next, delivery: { method: e.method, trackingNo: e.trackingNo, preparedAt: e.at } };
    case 'delivered':
      return { ...next, status: 'delivered', deliveredAt: e.at };
    case 'visit':
      return { ...next, visits: s.visits + 1 };
    case 'withdrawn':
      return { ...next, status: 'withdrawn' };
  }
}

export function replayCase(events: readonly CaseEvent[]): CaseState {
  return events.reduce(applyCaseEvent, INITIAL_CASE_STATE);
}

export type CaseRuleCode =
  | 'CASE_WRONG_STATUS'
  | 'CASE_SOD_SAME_SIGNER'
  | 'CASE_NOT_WINDOW'
  | 'CASE_DEFERRED_OUTSTANDING'
  | 'CASE_SUSPENDED'
  | 'CASE_NOT_SUSPENDED'
  | 'CASE_EXTENSION_USED'
  | 'CASE_EXTENSION_PENDING'
  | 'CASE_NOT_DECISION_STEP'
  | 'CASE_DECISION_STEP'
  | 'CASE_NO_PREVIOUS_STEP'
  | 'CASE_LICENSE_MISSING'
  | 'CASE_DELIVERY_NOT_PREPARED'
  | 'CASE_RECEIVER_REQUIRED'
  | 'CASE_RECEIVER_MISMATCH'
  | 'CASE_RECEIVER_NOT_AUTHORISED'
  | 'CASE_NOT_INSTANT'
  | 'CASE_INSTANT_NOT_AUTHORISED';

/**
 * SOD-1: no one signs two steps of one case, and the decider is not the reviewer. Acceptance at the
 * window counts as a step, so the clerk who accepted may not review or decide either.
 */
export function checkSeparationOfDuties(
  s: CaseState,
  stepIndex: number,
  userId: string,
): CaseRuleCode | undefined {
  for (const [k, signer] of Object.entries(s.signers)) {
    if (Number(k) !== stepIndex && signer === userId) return 'CASE_SOD_SAME_SIGNER';
  }
  return undefined;
}

/** Back-office step actions: the case must be accepted, not suspended, at a step before the decision. */
export function checkCompleteStep(s: CaseState, stepCount: number, userId: string): CaseRuleCode | undefined {
  if (s.status !== 'accepted') return 'CASE_WRONG_STATUS';
  if (s.suspension) return 'CASE_SUSPENDED';
  if (s.stepIndex >= stepCount - 1) return 'CASE_DECISION_STEP';
  return checkSeparationOfDuties(s, s.stepIndex, userId);
}

export function checkDecide(s: CaseState, stepCount: number, userId: string): CaseRuleCode | undefined {
  if (s.status !== 'accepted') return 'CASE_WRONG_STATUS';
  if (s.suspension) return 'CASE_SUSPENDED';
  if (s.stepIndex !== stepCount - 1) return 'CASE_NOT_DECISION_STEP';
  // 容缺受理: the case cannot be decided until the deferred materials arrive.
  if (s.deferredOutstanding.length > 0) return 'CASE_DEFERRED_OUTSTANDING';
  if (s.extension?.status === 'requested') return 'CASE_EXTENSION_PENDING';
  return checkSeparationOfDuties(s, s.stepIndex, userId);
}

export function checkReturn(s: CaseState): CaseRuleCode | undefined {
  if (s.status !== 'accepted') return 'CASE_WRONG_STATUS';
  if (s.stepIndex === 0) return 'CASE_NO_PREVIOUS_STEP';
  return undefined;
}

export function checkSuspend(s: CaseState): CaseRuleCode | undefined {
  if (s.status !== 'accepted') return 'CASE_WRONG_STATUS';
  if (s.suspension) return 'CASE_SUSPENDED';
  return undefined;
}

export function checkResume(s: CaseState): CaseRuleCode | undefined {
  if (!s.suspension) return 'CASE_NOT_SUSPENDED';
  return undefined;
}

/** DEC-1/DEC-2: one extension per case; a pending request is decided by the head before anything else. */
export function checkRequestExtension(s: CaseState): CaseRuleCode | undefined {
  if (s.status !== 'accepted') return 'CASE_WRONG_STATUS';
  if (s.extension)
    return s.extension.status === 'requested' ? 'CASE_EXTENSION_PENDING' : 'CASE_EXTENSION_USED';
  return undefined;
}

/** Acceptance decisions happen at a window, on a case received and not yet decided on. */
export function checkIntakeDecision(s: CaseState): CaseRuleCode | undefined {
  if (s.status !== 'submitted') return 'CASE_WRONG_STATUS';
  return undefined;
}

/**
 * SOD-1's one exception, 即办件: an instant item is accepted and decided on the spot by one window
 * clerk of the item's department, so 受理 and 决定 share a signer (elsewhere checkSeparationOfDuties
 * keeps the clerk who accepted from deciding). Only instant items, and only that department's staff
 * (or the system) may do it; the case must still be awaiting its acceptance decision.
 */
export function checkInstantDecision(
  s: CaseState,
  c: {
    handling: string | null;
    actorRole: Role | 'system';
    actorDepartmentId: string | null;
    caseDepartmentId: string;
  },
): CaseRuleCode | undefined {
  if (c.handling !== 'instant') return 'CASE_NOT_INSTANT';
  if (c.actorRole !== 'system' && c.actorDepartmentId !== c.caseDepartmentId)
    return 'CASE_INSTANT_NOT_AUTHORISED';
  return checkIntakeDecision(s);
}

/**
 * "Ready for pickup" only once the license exists and delivery is prepared — the 2024 report's
 * applicant flew in five times on a wrong message.
 */
export function checkDeliver(s: CaseState): CaseRuleCode | undefined {
  if (s.status !== 'decided') return 'CASE_WRONG_STATUS';
  if (s.outcome === 'grant' && !s.licenseId) return 'CASE_LICENSE_MISSING';
  if (!s.delivery) return 'CASE_DELIVERY_NOT_PREPARED';
  return undefined;
}

/** Who came to collect a result at the window, as checked by the clerk (issue 14 point 8). */
export type ReceiverCheck = {
  method: DeliveryMethod;
  receiver:
    | { kind: 'applicant'; idMatchesApplicant: boolean; applicantIsPerson: boolean }
    | { kind: 'agent'; idMatchesRegisteredAgent: boolean; authorisationChecked: boolean }
    | null;
};

/**
 * 出件签收 at the window: the result goes to the applicant in person (identity number matches the
 * applicant's) or to an agent — the case's registered agent, or anyone whose 授权委托书 the clerk has
 * checked. An enterprise collects only through an agent. Post and electronic delivery need no one.
 */
export function checkReceiver(c: ReceiverCheck): CaseRuleCode | undefined {
  if (c.method !== 'window') return undefined;
  const r = c.receiver;
  if (!r) return 'CASE_RECEIVER_REQUIRED';
  if (r.kind === 'applicant') {
    return r.applicantIsPerson && r.idMatchesApplicant ? undefined : 'CASE_RECEIVER_MISMATCH';
  }
  return r.idMatchesRegisteredAgent || r.authorisationChecked ? undefined : 'CASE_RECEIVER_NOT_AUTHORISED';
}

export function mayNotifyReadyForPickup(s: CaseState): boolean {
  return s.status === 'decided' && (s.outcome !== 'grant' || s.licenseId !== null) && s.delivery !== null;
}

/** 出件 preparation: decided, and a grant has its license (licenses exist only as a case's result). */
export function checkPrepareDelivery(s: CaseState): CaseRuleCode | undefined {
  if (s.status !== 'decided') return 'CASE_WRONG_STATUS';
  if (s.outcome === 'grant' && !s.licenseId) return 'CASE_LICENSE_MISSING';
  return undefined;
}

/** Open cases (received, not yet refused, delivered or withdrawn): urging, visits. */
export function isOpenCase(s: CaseState): boolean {
  return ['submitted', 'supplement_requested', 'accepted', 'decided'].includes(s.status);
}

/** Withdrawal by the applicant before a decision. */
export function checkWithdraw(s: CaseState): CaseRuleCode | undefined {
  if (!['submitted', 'supplement_requested', 'accepted'].includes(s.status)) return 'CASE_WRONG_STATUS';
  return undefined;
}

/** Who asks, as far as the case scope rule needs to know. */
export type CaseScopeActor = {
  role: Role | 'system';
  userId: string | null;
  regionCode: string;
  departmentId: string | null;
};
export type CaseScopeRow = { regionCode: string; departmentId: string | null; intakeBy: string | null };

/**
 * The one scope rule of a case, for reading it and for every action on it (issue 12, point 11): a
 * case outside the actor's region does not exist for them; a department role (clerk, approver,
 * dept_head) reaches only its own department's cases, and a clerk also the cases they received at
 * their window (一窗受理). Whatever a user may not read, they may not act on either - the role
 * check and the state rules come on top of this, never instead of it.
 */
export function caseScope(
  actor: CaseScopeActor,
  row: CaseScopeRow,
): 'in_scope' | 'other_region' | 'other_department' {
  if (actor.role === 'system') return 'in_scope';
  if (!regionCovers(actor.regionCode, row.regionCode)) return 'other_region';
  if (DEPARTMENT_ROLES.includes(actor.role)) {
    const own = row.departmentId !== null && row.departmentId === actor.departmentId;
    const received = actor.role === 'clerk' && actor.userId !== null && row.intakeBy === actor.userId;
    if (!own && !received) return 'other_department';
  }
  return 'in_scope';
}

/** A case as the action bar needs it (its detail's fields). */
export type CaseActionView = {
  status: CaseStatus;
  suspended: boolean;
  stepIndex: number;
  stepCount: number;
  extensionStatus: string | null;
  deferredOutstanding: readonly string[];
  hasLicense: boolean;
  deliveryPrepared: boolean;
};

/**
 * The actions a user may take on a case now, by its state and the user's permissions (`may`), in
 * the order the web shows them. The transitions check again (with the version, scope and SOD-1);
 * this list only decides which buttons exist, so the web never re-implements the state machine.
 */
export function allowedCaseActions(c: CaseActionView, may: (a: Action) => boolean): CaseActionKey[] {
  const out: CaseActionKey[] = [];
  const open = c.status === 'accepted';
  const lastStep = c.stepIndex >= c.stepCount - 1;
  if (may('case.review') && open) {
    out.push(c.suspended ? 'resume' : lastStep ? 'decide' : 'complete');
    if (c.stepIndex > 0) out.push('return');
    out.push('transfer');
    if (!c.suspended) out.push('suspend');
    if (c.extensionStatus === null) out.push('extension');
    if (c.extensionStatus === 'requested' && may('case.extension.decide'))
      out.push('approveExtension', 'rejectExtension');
  }
  if (may('case.urge') && open) out.push('urge');
  if (may('case.intake')) {
    if (open && c.deferredOutstanding.length > 0) out.push('deferredReceived');
    if (c.status === 'decided' && c.hasLicense && !c.deliveryPrepared) out.push('delivery');
    if (c.status === 'decided' && c.deliveryPrepared) out.push('deliver');
    if (['submitted', 'supplement_requested', 'accepted', 'decided'].includes(c.status)) out.push('visit');
    if (['submitted', 'supplement_requested', 'accepted'].includes(c.status)) out.push('withdraw');
  }
  return out;
}
