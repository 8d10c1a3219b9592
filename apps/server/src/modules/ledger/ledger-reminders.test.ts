import { describe, expect, it } from 'vitest';
import { quarterOf, remindersFor, type ReminderFacts } from './ledger-reminders';

const m = (over: Partial<ReminderFacts> = {}): ReminderFacts => ({
  id: 'm1',
  regionCode: '350999',
  kind: 'deadline',
  content: '措施',
  findingTitle: '问题',
  ownerUserId: 'u1',
  departmentId: null,
  dueDate: '2026-11-23',
  signedOffAt: null,
  round: 0,
  ...over,
});
const kinds = (r: { kind: string }[]) => r.map((x) => x.kind);

describe('ledger reminders (pure)', () => {
  it('due soon from N days before, due today, overdue after', () => {
    expect(kinds(remindersFor(m(), [], '2026-11-19', 3))).toEqual([]);
    expect(kinds(remindersFor(m(), [], '2026-11-20', 3))).toEqual(['ledger.measure.due_soon']);
    expect(kinds(remindersFor(m(), [], '2026-11-22', 3))).toEqual(['ledger.measure.due_soon']);
    expect(kinds(remindersFor(m(), [], '2026-11-23', 3))).toEqual(['ledger.measure.due_today']);
    expect(kinds(remindersFor(m(), [], '2026-11-30', 3))).toEqual(['ledger.measure.overdue']);
    // One key per day after the due date; one key per due date and round before it.
    const a = remindersFor(m(), [], '2026-11-24', 3)[0]!.dedupeKey;
    const b = remindersFor(m(), [], '2026-11-25', 3)[0]!.dedupeKey;
    expect(a).not.toBe(b);
    expect(remindersFor(m(), [], '2026-11-20', 3)[0]!.dedupeKey).toBe(
      remindersFor(m(), [], '2026-11-22', 3)[0]!.dedupeKey,
    );
  });

  it('nothing when signed off, awaiting sign-off or without an owner', () => {
    expect(remindersFor(m({ signedOffAt: '2026-11-01T00:00:00Z' }), [], '2026-11-30', 3)).toEqual([]);
    expect(remindersFor(m({ ownerUserId: null }), [], '2026-11-30', 3)).toEqual([]);
    const asked = [
      { round: 0, requestSignoff: true, evidenceFiles: [], evidenceText: '纪要', date: '2026-11-20' },
    ];
    expect(remindersFor(m(), asked, '2026-11-30', 3)).toEqual([]);
  });

  it('长期坚持: once per quarter unless progress of the current round is recorded in it', () => {
    const ongoing = m({ kind: 'ongoing', dueDate: null });
    expect(remindersFor(ongoing, [], '2026-11-20', 3).map((r) => r.dedupeKey)).toEqual([
      'ledger.measure.quarterly:m1:2026Q4',
    ]);
    const p = (date: string, round = 0) => ({
      round,
      requestSignoff: false,
      evidenceFiles: [],
      evidenceText: '',
      date,
    });
    expect(remindersFor(ongoing, [p('2026-10-01')], '2026-11-20', 3)).toEqual([]);
    expect(remindersFor(ongoing, [p('2026-09-30')], '2026-11-20', 3)).toHaveLength(1);
    expect(remindersFor({ ...ongoing, round: 1 }, [p('2026-10-05', 0)], '2026-11-20', 3)).toHaveLength(1);
    expect(quarterOf('2027-03-31')).toEqual({ label: '2027Q1', start: '2027-01-01' });
    expect(quarterOf('2027-04-01')).toEqual({ label: '2027Q2', start: '2027-04-01' });
  });
});
