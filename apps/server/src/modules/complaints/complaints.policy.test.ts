import { describe, expect, it } from 'vitest';
import {
  allowedActions,
  checkCallback,
  checkClose,
  checkMerge,
  checkReply,
  checkReturn,
  maskName,
  maskPhone,
  rate,
  suggestDispatch,
  type ComplaintFacts,
} from './complaints.policy';

const base: ComplaintFacts = {
  status: 'dispatched',
  regionCode: '350999',
  heldByDepartmentId: 'd1',
  returnPending: false,
  repliedBy: null,
  handlerId: null,
  callbackBy: null,
  callbackResult: null,
  replyText: null,
  mergedIntoId: null,
  source: 'hotline_12345',
  relatedCaseId: null,
  mergedPendingCallback: 0,
};
const holder = { userId: 'h', role: 'dept_head' as const, departmentId: 'd1' };
const other = { userId: 'o', role: 'clerk' as const, departmentId: 'd2' };
const sup = { userId: 's', role: 'supervisor' as const, departmentId: null };

describe('complaints policy', () => {
  it('CPL-2: the holder returns up to the 2nd working day, not after; only the holder', () => {
    expect(checkReturn(base, holder, '2026-11-25', '2026-11-25')).toBeUndefined();
    expect(checkReturn(base, holder, '2026-11-26', '2026-11-25')).toBe('COMPLAINT_RETURN_TOO_LATE');
    expect(checkReturn(base, other, '2026-11-24', '2026-11-25')).toBe('COMPLAINT_NOT_HOLDER');
    expect(checkReturn({ ...base, returnPending: true }, holder, '2026-11-24', '2026-11-25')).toBe(
      'COMPLAINT_RETURN_PENDING',
    );
  });

  it('CPL-2: only the department holding the order replies', () => {
    expect(checkReply(base, holder)).toBeUndefined();
    expect(checkReply(base, other)).toBe('COMPLAINT_NOT_HOLDER');
    expect(checkReply({ ...base, status: 'closed' }, holder)).toBe('COMPLAINT_WRONG_STATUS');
  });

  it('SOD-2: the handler never calls back or closes; close needs a reply and a callback', () => {
    const replied: ComplaintFacts = {
      ...base,
      status: 'replied',
      replyText: '答复',
      repliedBy: 's',
      handlerId: 's',
    };
    expect(checkCallback(replied, sup)).toBe('COMPLAINT_CALLBACK_BY_HANDLER');
    expect(checkCallback(replied, { ...sup, userId: 'x' })).toBeUndefined();
    expect(checkClose({ ...base, status: 'handling' }, sup)).toBe('COMPLAINT_NO_REPLY');
    expect(checkClose(replied, { ...sup, userId: 'x' })).toBe('COMPLAINT_NO_CALLBACK');
    const called = { ...replied, callbackBy: 'x', callbackResult: 'satisfied' as const };
    expect(checkClose(called, sup)).toBe('COMPLAINT_CLOSE_BY_HANDLER');
    expect(checkClose(called, { ...sup, userId: 'x' })).toBeUndefined();
  });

  it("CPL-3: close waits for every merged complainant's callback; merges stay in one region", () => {
    const called: ComplaintFacts = {
      ...base,
      status: 'replied',
      replyText: 'a',
      repliedBy: 'h',
      callbackBy: 'x',
      mergedPendingCallback: 1,
    };
    expect(checkClose(called, sup)).toBe('COMPLAINT_MERGED_NOT_CALLED_BACK');
    expect(checkMerge(base, { ...base, regionCode: '350999100000' }, false)).toBe(
      'COMPLAINT_MERGE_CROSS_REGION',
    );
    expect(checkMerge(base, base, true)).toBe('COMPLAINT_MERGE_INVALID');
    expect(checkMerge(base, { ...base, status: 'received' }, false)).toBeUndefined();
  });

  it('the web is offered only the actions the actor may take', () => {
    expect(allowedActions({ ...base, status: 'received' }, sup, false)).toContain('dispatch');
    expect(allowedActions(base, holder, false)).toEqual(expect.arrayContaining(['return', 'reply']));
    expect(allowedActions(base, other, false)).not.toContain('reply');
    expect(allowedActions(base, sup, true)).toContain('supervise');
  });

  it('派单目录: the most specific rule wins and says why', () => {
    const rules = [
      {
        type: null,
        subjectKind: null,
        subjectId: null,
        leadDepartmentId: 'any',
        assistDepartmentIds: [],
        explanation: '兜底',
      },
      {
        type: 'complain' as const,
        subjectKind: 'staff' as const,
        subjectId: null,
        leadDepartmentId: 'staffDept',
        assistDepartmentIds: ['sup'],
        explanation: '人员投诉',
      },
    ];
    const hit = suggestDispatch(rules, { type: 'complain', subjectKind: 'staff', subjectId: 'p1' });
    expect(hit?.rule.leadDepartmentId).toBe('staffDept');
    expect(hit?.why).toContain('人员投诉');
    expect(
      suggestDispatch(rules, { type: 'consult', subjectKind: 'none', subjectId: null })?.rule
        .leadDepartmentId,
    ).toBe('any');
    expect(suggestDispatch([], { type: 'consult', subjectKind: 'none', subjectId: null })).toBeUndefined();
  });

  it('masks personal data and never shows 0/0 as a rate', () => {
    expect(maskName('欧阳修')).toBe('欧**');
    expect(maskPhone('13800001234')).toBe('138****1234');
    expect(rate(0, 0)).toBeNull();
    expect(rate(1, 3)).toBe(0.3333);
  });
});
