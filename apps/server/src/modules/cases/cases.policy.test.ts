import { describe, expect, it } from 'vitest';
import { can, type Action, type Role } from '@tongban/contracts';
import {
  allowedCaseActions,
  checkInstantDecision,
  checkReceiver,
  applyCaseEvent,
  caseScope,
  checkCompleteStep,
  checkDecide,
  checkDeliver,
  checkRequestExtension,
  mayNotifyReadyForPickup,
  replayCase,
  type CaseEvent,
  type CaseState,
} from './cases.policy';

const at = (d: number) => new Date(Date.UTC(2026, 10, d, 2));
// Template 受理 → 审查 → 决定 → 办结: back-office steps are 审查 (0) and 决定 (1).
const STEPS = 2;

function accepted(extra: Partial<Extract<CaseEvent, { type: 'accepted' }>> = {}): CaseState {
  return replayCase([
    { type: 'submitted', at: at(2), actorId: 'clerk', channel: 'window' },
    {
      type: 'accepted',
      at: at(2),
      actorId: 'clerk',
      noticeNo: 'SL-1',
      deferred: [],
      deemed: false,
      ...extra,
    },
  ]);
}

describe('SOD-1: no one signs two steps of one case', () => {
  it('SOD-1: the clerk who accepted may not review', () => {
    expect(checkCompleteStep(accepted(), STEPS, 'clerk')).toBe('CASE_SOD_SAME_SIGNER');
    expect(checkCompleteStep(accepted(), STEPS, 'approver')).toBeUndefined();
  });
  it('SOD-1: the reviewer may not decide; someone else may', () => {
    const s = applyCaseEvent(accepted(), {
      type: 'step_completed',
      at: at(3),
      actorId: 'approver',
      stepIndex: 0,
      opinion: '材料齐全',
    });
    expect(checkDecide(s, STEPS, 'approver')).toBe('CASE_SOD_SAME_SIGNER');
    expect(checkDecide(s, STEPS, 'clerk')).toBe('CASE_SOD_SAME_SIGNER');
    expect(checkDecide(s, STEPS, 'approver2')).toBeUndefined();
  });
  it('SOD-1: after a return, the same reviewer may sign the same step again', () => {
    let s = applyCaseEvent(accepted(), {
      type: 'step_completed',
      at: at(3),
      actorId: 'approver',
      stepIndex: 0,
      opinion: '同意',
    });
    s = applyCaseEvent(s, {
      type: 'returned',
      at: at(4),
      actorId: 'approver2',
      fromStep: 1,
      reason: '补充核查',
    });
    expect(s.stepIndex).toBe(0);
    expect(checkCompleteStep(s, STEPS, 'approver')).toBeUndefined();
  });
});

describe('decision guards', () => {
  it('容缺受理: no decision while deferred materials are outstanding', () => {
    let s = accepted({ deferred: [{ name: '场所平面图', dueDate: '2026-11-20' }] });
    s = applyCaseEvent(s, {
      type: 'step_completed',
      at: at(3),
      actorId: 'approver',
      stepIndex: 0,
      opinion: '同意',
    });
    expect(checkDecide(s, STEPS, 'approver2')).toBe('CASE_DEFERRED_OUTSTANDING');
    s = applyCaseEvent(s, { type: 'deferred_received', at: at(4), actorId: 'clerk', names: ['场所平面图'] });
    expect(checkDecide(s, STEPS, 'approver2')).toBeUndefined();
  });
  it('SUS-1: no decision while a special procedure is running', () => {
    let s = applyCaseEvent(accepted(), {
      type: 'step_completed',
      at: at(3),
      actorId: 'approver',
      stepIndex: 0,
      opinion: '同意',
    });
    s = applyCaseEvent(s, {
      type: 'suspended',
      at: at(4),
      actorId: 'approver2',
      kind: 'site_survey',
      expectedDays: 5,
      countsInLimit: false,
      noticeNo: 'ZZ-1',
    });
    expect(checkDecide(s, STEPS, 'approver2')).toBe('CASE_SUSPENDED');
    s = applyCaseEvent(s, { type: 'resumed', at: at(9), actorId: 'approver2' });
    expect(s.suspensions).toHaveLength(1);
    expect(s.suspensions[0]!.end).toEqual(at(9));
    expect(checkDecide(s, STEPS, 'approver2')).toBeUndefined();
  });
  it('DEC-1: one extension per case', () => {
    let s = accepted();
    expect(checkRequestExtension(s)).toBeUndefined();
    s = applyCaseEvent(s, {
      type: 'extension_requested',
      at: at(5),
      actorId: 'approver',
      days: 10,
      reason: '需专家论证',
    });
    expect(checkRequestExtension(s)).toBe('CASE_EXTENSION_PENDING');
    s = applyCaseEvent(s, {
      type: 'extension_decided',
      at: at(6),
      actorId: 'head',
      approved: true,
      noticeNo: 'YQ-1',
    });
    expect(checkRequestExtension(s)).toBe('CASE_EXTENSION_USED');
  });
});

describe('delivery and the ready-for-pickup message', () => {
  it('"ready for pickup" only once the license exists and delivery is prepared', () => {
    let s = applyCaseEvent(accepted(), {
      type: 'step_completed',
      at: at(3),
      actorId: 'approver',
      stepIndex: 0,
      opinion: '同意',
    });
    s = applyCaseEvent(s, {
      type: 'decided',
      at: at(4),
      actorId: 'approver2',
      outcome: 'grant',
      reason: '',
      legalBasis: '',
    });
    expect(mayNotifyReadyForPickup(s)).toBe(false);
    expect(checkDeliver(s)).toBe('CASE_LICENSE_MISSING');
    s = applyCaseEvent(s, { type: 'license_issued', at: at(4), actorId: null, licenseId: 'L' });
    expect(mayNotifyReadyForPickup(s)).toBe(false);
    expect(checkDeliver(s)).toBe('CASE_DELIVERY_NOT_PREPARED');
    s = applyCaseEvent(s, {
      type: 'delivery_prepared',
      at: at(5),
      actorId: 'clerk',
      method: 'window',
      trackingNo: null,
    });
    expect(mayNotifyReadyForPickup(s)).toBe(true);
    expect(checkDeliver(s)).toBeUndefined();
  });
});

describe('TRUTH-1: state is derived from events', () => {
  it('replaying the log gives the same state as applying events one by one, and counts versions', () => {
    const events: CaseEvent[] = [
      { type: 'submitted', at: at(2), actorId: 'clerk', channel: 'window' },
      { type: 'visit', at: at(2), actorId: 'clerk', purpose: '递交材料' },
      { type: 'accepted', at: at(2), actorId: 'clerk', noticeNo: 'SL-1', deferred: [], deemed: false },
      { type: 'step_completed', at: at(3), actorId: 'approver', stepIndex: 0, opinion: '同意' },
    ];
    let s = replayCase([]);
    for (const e of events) s = applyCaseEvent(s, e);
    expect(replayCase(events)).toEqual(s);
    expect(s.version).toBe(4);
    expect(s.visits).toBe(1);
    expect(s.signers).toEqual({ '-1': 'clerk', 0: 'approver' });
  });
});

describe('caseScope: one rule for reading and acting on a case (issue 12, point 11)', () => {
  const market = { regionCode: '350999', departmentId: 'market', intakeBy: 'clerk-m' };
  const staff = (role: 'clerk' | 'approver' | 'dept_head' | 'supervisor', departmentId: string | null) => ({
    role,
    userId: `${role}-${departmentId ?? 'none'}`,
    regionCode: '350999',
    departmentId,
  });

  it('a department role reaches only its own department; a clerk also what they received', () => {
    expect(caseScope(staff('clerk', 'health'), market)).toBe('other_department');
    expect(caseScope(staff('approver', 'health'), market)).toBe('other_department');
    expect(caseScope(staff('dept_head', 'health'), market)).toBe('other_department');
    expect(caseScope(staff('clerk', 'market'), market)).toBe('in_scope');
    expect(caseScope(staff('approver', 'market'), market)).toBe('in_scope');
    expect(caseScope({ ...staff('clerk', 'health'), userId: 'clerk-m' }, market)).toBe('in_scope');
    // Receiving a case is a clerk's act; an approver named as intakeBy gains nothing.
    expect(caseScope({ ...staff('approver', 'health'), userId: 'clerk-m' }, market)).toBe('other_department');
  });

  it('a region-wide role reads across departments but not across regions', () => {
    expect(caseScope(staff('supervisor', null), market)).toBe('in_scope');
    expect(caseScope({ ...staff('supervisor', null), regionCode: '350998' }, market)).toBe('other_region');
    expect(caseScope({ ...staff('clerk', 'market'), regionCode: '350998' }, market)).toBe('other_region');
    // A staff member without a department is no member of every department.
    expect(caseScope(staff('clerk', null), { ...market, departmentId: null, intakeBy: null })).toBe(
      'other_department',
    );
  });
});

describe('出件签收 at the window checks who collects (issue 14 point 8)', () => {
  const person = (match: boolean) =>
    ({ kind: 'applicant', applicantIsPerson: true, idMatchesApplicant: match }) as const;
  it('post and electronic delivery need no receiver', () => {
    expect(checkReceiver({ method: 'post', receiver: null })).toBeUndefined();
    expect(checkReceiver({ method: 'electronic', receiver: null })).toBeUndefined();
  });
  it('the window needs a receiver whose identity matches the applicant', () => {
    expect(checkReceiver({ method: 'window', receiver: null })).toBe('CASE_RECEIVER_REQUIRED');
    expect(checkReceiver({ method: 'window', receiver: person(false) })).toBe('CASE_RECEIVER_MISMATCH');
    expect(checkReceiver({ method: 'window', receiver: person(true) })).toBeUndefined();
  });
  it('an enterprise collects only through an agent', () => {
    expect(
      checkReceiver({
        method: 'window',
        receiver: { kind: 'applicant', applicantIsPerson: false, idMatchesApplicant: true },
      }),
    ).toBe('CASE_RECEIVER_MISMATCH');
  });
  it('an agent is the registered one or has the 授权委托书 checked', () => {
    const agent = (registered: boolean, checked: boolean) =>
      ({ kind: 'agent', idMatchesRegisteredAgent: registered, authorisationChecked: checked }) as const;
    expect(checkReceiver({ method: 'window', receiver: agent(false, false) })).toBe(
      'CASE_RECEIVER_NOT_AUTHORISED',
    );
    expect(checkReceiver({ method: 'window', receiver: agent(true, false) })).toBeUndefined();
    expect(checkReceiver({ method: 'window', receiver: agent(false, true) })).toBeUndefined();
  });
});

describe('SOD-1 exception: 即办件 are accepted and decided by one clerk', () => {
  const submitted = replayCase([{ type: 'submitted', at: at(2), actorId: 'clerk', channel: 'window' }]);
  const dept = 'dept-market';
  it("SOD-1: a clerk of the item's department may accept and decide an instant item on the spot", () => {
    expect(
      checkInstantDecision(submitted, {
        handling: 'instant',
        actorRole: 'clerk',
        actorDepartmentId: dept,
        caseDepartmentId: dept,
      }),
    ).toBeUndefined();
    // Outside the exception the same person could not: the one who accepted may not decide.
    expect(checkDecide(accepted(), 1, 'clerk')).toBe('CASE_SOD_SAME_SIGNER');
  });
  it('SOD-1: the exception holds only for instant items, and only for that department', () => {
    const c = { actorRole: 'clerk' as const, actorDepartmentId: dept, caseDepartmentId: dept };
    expect(checkInstantDecision(submitted, { ...c, handling: 'promised' })).toBe('CASE_NOT_INSTANT');
    expect(checkInstantDecision(submitted, { ...c, handling: null })).toBe('CASE_NOT_INSTANT');
    expect(
      checkInstantDecision(submitted, { ...c, handling: 'instant', actorDepartmentId: 'dept-health' }),
    ).toBe('CASE_INSTANT_NOT_AUTHORISED');
    expect(checkInstantDecision(accepted(), { ...c, handling: 'instant' })).toBe('CASE_WRONG_STATUS');
  });
});

describe('allowedActions: the buttons come from the rules, by state and role', () => {
  const may = (role: Role) => (a: Action) => can(role, a);
  const view = (s: CaseState, extra: Partial<Parameters<typeof allowedCaseActions>[0]> = {}) => ({
    status: s.status,
    suspended: s.suspension !== null,
    stepIndex: s.stepIndex,
    stepCount: STEPS,
    extensionStatus: s.extension?.status ?? null,
    deferredOutstanding: s.deferredOutstanding,
    hasLicense: s.licenseId !== null,
    deliveryPrepared: s.delivery !== null,
    ...extra,
  });
  it('an approver at the review step completes it; at the decision step decides', () => {
    expect(allowedCaseActions(view(accepted()), may('approver'))).toEqual([
      'complete',
      'transfer',
      'suspend',
      'extension',
    ]);
    expect(allowedCaseActions(view(accepted(), { stepIndex: 1 }), may('approver'))).toEqual([
      'decide',
      'return',
      'transfer',
      'suspend',
      'extension',
    ]);
  });
  it('受审分离: a window clerk gets no back-office action, an approver no window action', () => {
    expect(allowedCaseActions(view(accepted()), may('clerk'))).toEqual(['visit', 'withdraw']);
    expect(allowedCaseActions(view(accepted()), may('approver'))).not.toContain('withdraw');
  });
  it('a suspended case offers 恢复 and no second suspension', () => {
    const out = allowedCaseActions(view(accepted(), { suspended: true }), may('approver'));
    expect(out[0]).toBe('resume');
    expect(out).not.toContain('suspend');
  });
  it('出件: prepared only once the license exists; signed for once prepared', () => {
    const decided = { ...accepted(), status: 'decided' as const };
    expect(allowedCaseActions(view(decided, { hasLicense: false }), may('clerk'))).toEqual(['visit']);
    expect(allowedCaseActions(view(decided, { hasLicense: true }), may('clerk'))).toEqual([
      'delivery',
      'visit',
    ]);
    expect(
      allowedCaseActions(view(decided, { hasLicense: true, deliveryPrepared: true }), may('clerk')),
    ).toEqual(['deliver', 'visit']);
  });
  it('nothing is offered on a delivered case, nor to an inspector', () => {
    const delivered = { ...accepted(), status: 'delivered' as const };
    expect(allowedCaseActions(view(delivered), may('clerk'))).toEqual([]);
    expect(allowedCaseActions(view(accepted()), may('inspector'))).toEqual([]);
  });
});
