import { compileCalendar } from '@tongban/calendar';
import { describe, expect, it } from 'vitest';
import {
  branchesToWithdraw,
  bundleLegalDeadline,
  bundleStatusAfter,
  checkDefinitionItems,
  checkSodAcrossBranches,
  criticalPath,
  findDependencyCycle,
  mergeFormFields,
  mergeMaterials,
  waitingFor,
} from './bundles.policy';

// National Day 2026 (worked example): 10-01…10-07 off, Saturday 10-10 a 调休 working day.
const calendar = compileCalendar(
  [
    ...['01', '02', '03', '04', '05', '06', '07'].map((d) => ({
      date: `2026-10-${d}`,
      kind: 'holiday' as const,
    })),
    { date: '2026-10-10', kind: 'workday' as const },
  ],
  { from: '2026-01-01', to: '2027-12-31' },
);

describe('bundle definitions', () => {
  it('BUN-1: a cycle in branch dependencies is found and refused', () => {
    const items = [
      { itemId: 'a', dependsOn: ['c'], departmentId: 'd1' },
      { itemId: 'b', dependsOn: ['a'], departmentId: 'd2' },
      { itemId: 'c', dependsOn: ['b'], departmentId: 'd3' },
    ];
    expect(findDependencyCycle(items)).toEqual(['a', 'c', 'b', 'a']);
    expect(checkDefinitionItems(items)?.code).toBe('BUNDLE_DEPENDENCY_CYCLE');
    expect(checkDefinitionItems([{ ...items[0]!, dependsOn: [] }, items[1]!])).toBeUndefined();
  });
  it('BUN-1: items of one department only, or a dependency outside the bundle, are refused', () => {
    expect(
      checkDefinitionItems([
        { itemId: 'a', dependsOn: [], departmentId: 'd1' },
        { itemId: 'b', dependsOn: [], departmentId: 'd1' },
      ])?.code,
    ).toBe('BUNDLE_ONE_DEPARTMENT');
    expect(
      checkDefinitionItems([
        { itemId: 'a', dependsOn: ['x'], departmentId: 'd1' },
        { itemId: 'b', dependsOn: [], departmentId: 'd2' },
      ])?.code,
    ).toBe('BUNDLE_DEPENDENCY_UNKNOWN');
  });
  it('一表申请 asks a shared field once; 一套材料 lists a material three items need once', () => {
    const fields = mergeFormFields(
      ['a', 'b', 'c'],
      [
        { key: 'seats', label: '座位数', itemIds: ['a'] },
        { key: 'seats', label: '座位数', itemIds: ['b'] },
      ],
    );
    expect(fields.filter((f) => f.key === 'seats')).toEqual([
      { key: 'seats', label: '座位数', itemIds: ['a', 'b'], shared: true },
    ]);
    const m = mergeMaterials([
      {
        itemId: 'a',
        materials: [
          { name: '营业执照', required: true },
          { name: '申请书A', required: true },
        ],
      },
      { itemId: 'b', materials: [{ name: '营业执照', required: false }] },
      { itemId: 'c', materials: [{ name: '营业执照', required: true }] },
    ]);
    expect(m).toEqual([
      { name: '营业执照', required: true, itemIds: ['a', 'b', 'c'] },
      { name: '申请书A', required: true, itemIds: ['a'] },
    ]);
  });
});

describe('BUN-1 / DEC-2 clock', () => {
  it('DEC-2: 45 working days from receipt across National Day and its 调休 Saturday; +15 on extension', () => {
    expect(bundleLegalDeadline(calendar, '2026-09-25', 0)).toBe('2026-12-03');
    expect(bundleLegalDeadline(calendar, '2026-09-25', 15)).toBe('2026-12-24');
  });
  const A = {
    itemId: 'A',
    dependsOn: [],
    promisedDays: 5,
    startedOn: '2026-09-25',
    pausedSince: null,
    concludedOn: null,
  };
  const B = {
    itemId: 'B',
    dependsOn: ['A'],
    promisedDays: 3,
    startedOn: '2026-09-25',
    pausedSince: null,
    concludedOn: null,
  };
  const C = {
    itemId: 'C',
    dependsOn: [],
    promisedDays: 12,
    startedOn: '2026-09-25',
    pausedSince: null,
    concludedOn: null,
  };
  it('BUN-1: the expected finish is the critical path; a dependent branch starts after its prerequisite', () => {
    const r = criticalPath(calendar, '2026-09-28', [A, B, C]);
    expect(r.finish.get('A')).toBe('2026-10-09');
    expect(r.finish.get('B')).toBe('2026-10-13'); // 10-10 (调休), 10-12, 10-13
    expect(r.expectedFinish).toBe('2026-10-19');
    expect(r.holding).toBe('C');
    const longB = criticalPath(calendar, '2026-09-28', [A, { ...B, promisedDays: 10 }, C]);
    expect(longB.expectedFinish).toBe('2026-10-22');
    expect(longB.path).toEqual(['A', 'B']);
  });
  it('BUN-1: a supplement on one branch pauses only that branch', () => {
    const r = criticalPath(calendar, '2026-09-28', [A, B, { ...C, pausedSince: '2026-09-28' }]);
    expect(r.finish.get('C')).toBe('2026-10-20');
    expect(r.finish.get('A')).toBe('2026-10-09');
    expect(r.finish.get('B')).toBe('2026-10-13');
  });
});

describe('BUN-1 join, waits, refusal, SOD-1', () => {
  const br = (
    itemId: string,
    status: Parameters<typeof bundleStatusAfter>[1][number]['status'],
    dependsOn: string[] = [],
  ) => ({ itemId, status, dependsOn });
  it('BUN-1: the bundle concludes only when every branch has concluded', () => {
    expect(bundleStatusAfter('open', [br('a', 'granted'), br('b', 'accepted')], 'granted')).toBe('open');
    expect(bundleStatusAfter('open', [br('a', 'granted'), br('b', 'granted')], 'granted')).toBe('concluded');
    expect(bundleStatusAfter('concluded', [br('a', 'granted')], 'granted')).toBe('concluded');
  });
  it('BUN-1: a refused branch does not cancel the others; the applicant chooses', () => {
    expect(bundleStatusAfter('open', [br('a', 'refused'), br('b', 'accepted')], 'refused')).toBe(
      'awaiting_choice',
    );
    const all = [br('a', 'refused'), br('b', 'accepted', ['a']), br('c', 'accepted')];
    expect(branchesToWithdraw(all, 'continue').map((b) => b.itemId)).toEqual(['b']);
    expect(branchesToWithdraw(all, 'withdraw').map((b) => b.itemId)).toEqual(['b', 'c']);
  });
  it('BUN-1: a dependent branch waits until its prerequisite is granted', () => {
    expect(waitingFor({ dependsOn: ['a'] }, [br('a', 'accepted')])).toEqual(['a']);
    expect(waitingFor({ dependsOn: ['a'] }, [br('a', 'granted')])).toEqual([]);
  });
  it('SOD-1 across branches: who reviewed a branch decides none of the bundle', () => {
    const branches = [
      { reviewers: ['u1'], deciders: [] },
      { reviewers: [], deciders: ['u2'] },
    ];
    expect(checkSodAcrossBranches('decide', 'u1', branches)).toBe('BUNDLE_SOD_ACROSS_BRANCHES');
    expect(checkSodAcrossBranches('review', 'u2', branches)).toBe('BUNDLE_SOD_ACROSS_BRANCHES');
    expect(checkSodAcrossBranches('decide', 'u3', branches)).toBeUndefined();
  });
});
