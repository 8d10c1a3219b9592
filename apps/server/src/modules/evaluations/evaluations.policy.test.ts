import { describe, expect, it } from 'vitest';
import {
  allowedActions,
  handledCase,
  isAfterSignInBurst,
  isBurst,
  mayDecideAppeal,
  needsReason,
  nextStatus,
  wilsonLowerBound,
  type BadReviewFacts,
} from './evaluations.policy';

const facts = (f: Partial<BadReviewFacts> = {}): BadReviewFacts => ({
  status: 'callback',
  departmentId: 'd1',
  realName: true,
  excluded: false,
  handlerId: 'handler',
  ratedUserId: 'rated',
  appeal: null,
  ...f,
});
const who = (
  userId: string,
  role: 'supervisor' | 'dept_head' | 'approver' | 'clerk',
  departmentId: string | null = null,
) => ({
  userId,
  role,
  departmentId,
});

describe('evaluations policy', () => {
  it('EVAL-1: 不满意 and 非常不满意 need a reason; the loop runs 核实 → 整改 → 反馈 → 回访', () => {
    expect([1, 2, 3, 4, 5].map(needsReason)).toEqual([true, true, false, false, false]);
    expect(nextStatus('verify')).toBe('rectify');
    expect(nextStatus('rectify')).toBe('reply');
    expect(nextStatus('reply')).toBe('callback');
  });

  it('SOD-2: neither the handler nor the rated person calls back or closes', () => {
    expect(allowedActions(who('handler', 'dept_head', 'd1'), facts())).not.toContain('callback');
    expect(allowedActions(who('rated', 'supervisor'), facts())).not.toContain('callback');
    expect(allowedActions(who('other', 'supervisor'), facts())).toContain('callback');
  });

  it('EVAL-1: a 实名差评 cannot be closed without a callback; an anonymous one may', () => {
    expect(allowedActions(who('other', 'supervisor'), facts())).not.toContain('close');
    expect(allowedActions(who('other', 'supervisor'), facts({ realName: false }))).toContain('close');
  });

  it('申诉复核: filed by the rated department, never decided by the rated person, their department or the filer', () => {
    expect(allowedActions(who('head', 'dept_head', 'd1'), facts())).toContain('appeal');
    expect(allowedActions(who('head', 'dept_head', 'd2'), facts())).not.toContain('appeal');
    const appealed = facts({ appeal: { decided: false, filedBy: 'head' } });
    expect(mayDecideAppeal(who('sup', 'supervisor'), appealed)).toBe(true);
    expect(mayDecideAppeal(who('rated', 'supervisor'), appealed)).toBe(false);
    expect(mayDecideAppeal(who('sup', 'supervisor', 'd1'), appealed)).toBe(false);
    expect(mayDecideAppeal(who('head', 'dept_head', 'd1'), appealed)).toBe(false);
    expect(
      mayDecideAppeal(who('sup', 'supervisor'), facts({ appeal: { decided: true, filedBy: 'head' } })),
    ).toBe(false);
  });

  it('EVAL-4: the Wilson lower bound ranks 95/100 above 2/2 and is 0 without ratings', () => {
    expect(wilsonLowerBound(95, 100)).toBeGreaterThan(wilsonLowerBound(2, 2));
    expect(wilsonLowerBound(0, 0)).toBe(0);
    expect(wilsonLowerBound(2, 2)).toBeLessThan(0.5);
  });

  it('honesty: bursts, ratings right after sign-in, cases the clerk did not handle', () => {
    const t0 = new Date('2026-11-20T02:00:00Z').getTime();
    expect(isBurst([0, 20, 40].map((s) => new Date(t0 + s * 1000)))).toBe(true);
    expect(isBurst([0, 300, 600].map((s) => new Date(t0 + s * 1000)))).toBe(false);
    expect(isBurst([0, 20].map((s) => new Date(t0 + s * 1000)))).toBe(false);
    expect(isAfterSignInBurst(new Date(t0), new Date(t0 + 30_000), 3)).toBe(true);
    expect(isAfterSignInBurst(new Date(t0), new Date(t0 + 120_000), 3)).toBe(false);
    expect(isAfterSignInBurst(new Date(t0), new Date(t0 + 30_000), 1)).toBe(false);
    expect(handledCase('陈一鸣', ['陈一鸣', '郑可欣'])).toBe(true);
    expect(handledCase('黄思源', ['陈一鸣'])).toBe(false);
  });
});
