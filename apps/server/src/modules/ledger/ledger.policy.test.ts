import { describe, expect, it } from 'vitest';
import type { Actor } from '../../platform/access';
import {
  baseMeasureState,
  categoryLabel,
  checkSignoff,
  completeDate,
  hasEvidence,
  mayAddProgress,
  measureStatus,
  numberCategories,
  type MeasureFacts,
  type ProgressFacts,
} from './ledger.policy';

const actor = (over: Partial<Actor> = {}): Actor => ({
  userId: 'u-verifier',
  username: 'v',
  displayName: '核验人',
  role: 'supervisor',
  regionCode: '350322',
  departmentId: null,
  clientIp: '127.0.0.1',
  ...over,
});
const measure = (over: Partial<MeasureFacts> = {}): MeasureFacts => ({
  ownerUserId: 'u-owner',
  departmentId: 'd-market',
  dueDate: '2026-12-31',
  signedOffAt: null,
  round: 0,
  ...over,
});
const entry = (over: Partial<ProgressFacts> = {}): ProgressFacts => ({
  round: 0,
  requestSignoff: false,
  evidenceFiles: [],
  evidenceText: '',
  ...over,
});

describe('ledger policy: sign-off (REC-1, SOD-2)', () => {
  it('REC-1: a measure without evidence is not signed off', () => {
    expect(checkSignoff(actor(), measure(), [])).toBe('LEDGER_NO_EVIDENCE');
    expect(checkSignoff(actor(), measure(), [entry({ evidenceText: '   ' })])).toBe('LEDGER_NO_EVIDENCE');
  });

  it('REC-1: a file or a text record is evidence; then another person may sign off', () => {
    expect(checkSignoff(actor(), measure(), [entry({ evidenceFiles: ['ab'.repeat(32)] })])).toBeUndefined();
    expect(
      checkSignoff(actor(), measure(), [entry({ evidenceText: '会议纪要〔2026〕3号' })]),
    ).toBeUndefined();
  });

  it('REC-1: evidence of an earlier round (before a 回头看) does not count', () => {
    const reopened = measure({ round: 1 });
    const old = [entry({ round: 0, evidenceText: '旧佐证' })];
    expect(hasEvidence(reopened, old)).toBe(false);
    expect(checkSignoff(actor(), reopened, old)).toBe('LEDGER_NO_EVIDENCE');
    expect(
      checkSignoff(actor(), reopened, [...old, entry({ round: 1, evidenceText: '新佐证' })]),
    ).toBeUndefined();
  });

  it('SOD-2: the owner cannot sign off their own measure, even with evidence', () => {
    const withEvidence = [entry({ evidenceText: '佐证' })];
    expect(checkSignoff(actor({ userId: 'u-owner', role: 'leader' }), measure(), withEvidence)).toBe(
      'LEDGER_SIGNOFF_OWN',
    );
  });

  it('a signed-off measure is not signed off twice', () => {
    expect(checkSignoff(actor(), measure({ signedOffAt: '2026-11-01T00:00:00Z' }), [])).toBe(
      'LEDGER_ALREADY_SIGNED_OFF',
    );
  });
});

describe('ledger policy: a measure’s state is derived from its rows', () => {
  it('not started, in progress, awaiting sign-off, signed off', () => {
    expect(baseMeasureState(measure(), [])).toBe('not_started');
    expect(baseMeasureState(measure(), [entry()])).toBe('in_progress');
    expect(baseMeasureState(measure(), [entry({ requestSignoff: true })])).toBe('awaiting_signoff');
    expect(baseMeasureState(measure({ signedOffAt: new Date() }), [])).toBe('signed_off');
  });

  it('a reopened measure (回头看) without new progress is reopened, not not-started', () => {
    expect(baseMeasureState(measure({ round: 1 }), [entry({ round: 0 })])).toBe('reopened');
  });

  it('REC-1: overdue only while open past the due date; awaiting sign-off and signed off are not overdue', () => {
    expect(measureStatus(measure({ dueDate: '2026-12-01' }), [], '2026-12-02')).toBe('overdue');
    expect(measureStatus(measure({ dueDate: '2026-12-01' }), [], '2026-12-01')).toBe('not_started');
    expect(
      measureStatus(measure({ dueDate: '2026-12-01' }), [entry({ requestSignoff: true })], '2026-12-02'),
    ).toBe('awaiting_signoff');
    expect(measureStatus(measure({ dueDate: '2026-12-01', signedOffAt: new Date() }), [], '2026-12-02')).toBe(
      'signed_off',
    );
    expect(measureStatus(measure({ dueDate: null }), [], '2030-01-01')).toBe('not_started');
  });
});

describe('ledger policy: who adds progress', () => {
  it('a department role adds progress only to its own or its department’s measures', () => {
    const clerk = (over: Partial<Actor> = {}) =>
      actor({ role: 'clerk', userId: 'u-clerk', departmentId: 'd-x', ...over });
    expect(mayAddProgress(clerk(), measure())).toBe(false);
    expect(mayAddProgress(clerk({ userId: 'u-owner' }), measure())).toBe(true);
    expect(mayAddProgress(clerk({ departmentId: 'd-market' }), measure())).toBe(true);
    expect(mayAddProgress(clerk({ departmentId: null }), measure({ departmentId: null }))).toBe(false);
  });

  it('bureau roles (supervisor, leader) add progress to any measure', () => {
    expect(mayAddProgress(actor({ role: 'supervisor' }), measure())).toBe(true);
    expect(mayAddProgress(actor({ role: 'leader' }), measure())).toBe(true);
  });
});

describe('ledger policy: numbering and dates', () => {
  it('numbers categories 一、/（一）/1./（1） depth-first in sort order', () => {
    expect([0, 1, 2, 3].map((d) => categoryLabel(d, 2))).toEqual(['二、', '（二）', '2.', '（2）']);
    const rows = [
      { id: 'b', parentId: null, title: 'B', sortOrder: 2 },
      { id: 'a', parentId: null, title: 'A', sortOrder: 1 },
      { id: 'a1', parentId: 'a', title: 'A1', sortOrder: 1 },
    ];
    expect(numberCategories(rows).map((c) => [c.id, c.label, c.depth, c.topId, c.order])).toEqual([
      ['a', '一、', 0, 'a', 0],
      ['a1', '（一）', 1, 'a', 1],
      ['b', '二、', 0, 'b', 2],
    ]);
  });

  it('a month named without a day becomes its first or last day', () => {
    expect(completeDate('2026-02', 'start')).toBe('2026-02-01');
    expect(completeDate('2026-02', 'end')).toBe('2026-02-28');
    expect(completeDate('2024-02', 'end')).toBe('2024-02-29');
    expect(completeDate('2026-05-09', 'end')).toBe('2026-05-09');
    expect(completeDate('九月', 'end')).toBeNull();
    expect(completeDate(undefined, 'start')).toBeNull();
  });
});
