import { describe, expect, it } from 'vitest';
import { rollupDeltas, type FactForRollup } from './supervision-rollups';

const fact = (over: Partial<FactForRollup> = {}): FactForRollup => ({
  regionCode: '350999',
  departmentId: 'd1',
  departmentName: '市场监管局',
  itemId: 'i1',
  itemName: '食品经营许可',
  channel: 'online',
  receivedMonth: '2026-03',
  concludedMonth: null,
  online: true,
  fullOnline: true,
  zeroVisitItem: true,
  zeroVisit: true,
  instant: false,
  onTime: false,
  early: false,
  overduePromised: false,
  overdueLegal: false,
  workingDays: 0,
  firstTime: true,
  ...over,
});

describe('rollup deltas (TRUTH-1: the aggregates change by what each case changes)', () => {
  it('TRUTH-1: a case recomputed to the same facts changes nothing', () => {
    const d = rollupDeltas([fact()], [fact()]);
    expect(d.full).toEqual([]);
    expect(d.department).toEqual([]);
    expect(d.channel).toEqual([]);
    expect(d.item).toEqual([]);
    expect(d.itemDepartment).toEqual([]);
    expect(d.itemChannel).toEqual([]);
  });

  it('TRUTH-1: a new case adds one to every grain; on both bases once decided', () => {
    const d = rollupDeltas([], [fact({ concludedMonth: '2026-04', onTime: true, workingDays: 3 })]);
    expect(d.full.map((r) => [r.month, r.basis, r.cases, r.onTime, r.workingDays])).toEqual([
      ['2026-03', 'received', 1, 1, 3],
      ['2026-04', 'concluded', 1, 1, 3],
    ]);
    expect(d.department).toHaveLength(2);
    expect(d.channel).toHaveLength(2);
    // Distinct items count on the received basis only.
    expect(d.item).toEqual([
      { regionCode: '350999', month: '2026-03', itemId: 'i1', cases: 1, zeroVisitItem: 1 },
    ]);
    expect(d.itemDepartment).toEqual([
      {
        regionCode: '350999',
        month: '2026-03',
        itemId: 'i1',
        departmentId: 'd1',
        cases: 1,
        zeroVisitItem: 1,
      },
    ]);
    expect(d.itemChannel).toEqual([
      { regionCode: '350999', month: '2026-03', itemId: 'i1', channel: 'online', cases: 1, zeroVisitItem: 1 },
    ]);
    expect([...d.months].sort()).toEqual(['350999|2026-03', '350999|2026-04']);
  });

  it('TRUTH-1: a decision moves the case into its concluded month without touching the received row but its flags', () => {
    const before = fact();
    const after = fact({ concludedMonth: '2026-04', overduePromised: true, workingDays: 9 });
    const d = rollupDeltas([before], [after]);
    const received = d.full.find((r) => r.basis === 'received')!;
    expect(received.cases).toBe(0);
    expect(received.overduePromised).toBe(1);
    const concluded = d.full.find((r) => r.basis === 'concluded')!;
    expect(concluded.cases).toBe(1);
    expect(d.item).toEqual([]);
  });

  it('TRUTH-1: a case whose channel changes leaves one row and enters another', () => {
    const d = rollupDeltas([fact({ channel: 'window', online: false, fullOnline: false })], [fact()]);
    expect(d.channel.map((r) => [r.channel, r.cases])).toEqual([
      ['window', -1],
      ['online', 1],
    ]);
    expect(d.department.map((r) => [r.cases, r.online])).toEqual([[0, 1]]);
    // The distinct items: the channel's rows move, the department's and the item's stay.
    expect(d.itemChannel.map((r) => [r.channel, r.cases, r.zeroVisitItem])).toEqual([
      ['window', -1, -1],
      ['online', 1, 1],
    ]);
    expect(d.itemDepartment).toEqual([]);
    expect(d.item).toEqual([]);
  });

  it('TRUTH-1: a case moved to another department moves its distinct item with it', () => {
    const d = rollupDeltas([fact()], [fact({ departmentId: 'd2', departmentName: '卫健委' })]);
    expect(d.itemDepartment.map((r) => [r.departmentId, r.cases])).toEqual([
      ['d1', -1],
      ['d2', 1],
    ]);
    expect(d.itemChannel).toEqual([]);
  });
});
