import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  AccountabilityKinds,
  buildReportModel,
  formatYuan,
  type LedgerSnapshot,
  type MeasureState,
  type SnapshotFinding,
  type SnapshotMeasure,
} from './report-model';

const NOW = new Date('2024-09-01T02:00:00Z'); // 2024-09-01 10:00 in Beijing
const TODAY = '2024-09-01';

const states: MeasureState[] = ['not_started', 'in_progress', 'awaiting_signoff', 'signed_off', 'reopened'];

const isoDate = fc
  .date({ min: new Date('2024-01-01T00:00:00Z'), max: new Date('2024-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

const measureArb: fc.Arbitrary<SnapshotMeasure> = fc.record(
  {
    id: fc.uuid(),
    content: fc.constantFrom('建立台账', '开展专题培训', '修订管理制度', '逐项对账销号'),
    department: fc.constantFrom('综合科', '督查科', '审批科'),
    owner: fc.constantFrom('张三', '李四'),
    dueDate: isoDate,
    kind: fc.constantFrom('immediate' as const, 'deadline' as const, 'ongoing' as const),
    state: fc.constantFrom(...states),
    progress: fc.array(
      fc.record({ date: isoDate, text: fc.constant('已推进'), evidenceCount: fc.nat({ max: 3 }) }),
      { maxLength: 3 },
    ),
  },
  { requiredKeys: ['id', 'content', 'kind', 'state', 'progress'] },
);

const snapshotArb: fc.Arbitrary<LedgerSnapshot> = fc
  .record({
    categoryCount: fc.integer({ min: 0, max: 4 }),
    findings: fc.array(
      fc.record({ measures: fc.array(measureArb, { maxLength: 5 }), category: fc.nat({ max: 5 }) }),
      { maxLength: 30 },
    ),
    accountability: fc.array(
      fc.record({
        kind: fc.constantFrom(...AccountabilityKinds),
        count: fc.integer({ min: 1, max: 5 }),
        date: isoDate,
      }),
      { maxLength: 8 },
    ),
    regulations: fc.nat({ max: 6 }),
    recoveries: fc.array(
      fc.record({
        amountFen: fc.integer({ min: 1, max: 10_000_000 }),
        kind: fc.constantFrom('recovered' as const, 'refunded' as const),
      }),
      { maxLength: 5 },
    ),
    leadsReferred: fc.nat({ max: 10 }),
  })
  .map(({ categoryCount, findings, accountability, regulations, recoveries, leadsReferred }) => {
    const categories = Array.from({ length: categoryCount }, (_, i) => ({
      id: `c${i}`,
      title: `第${i + 1}类问题方面`,
      order: categoryCount - i, // out of order on purpose: the model sorts by `order`
    }));
    return {
      inspection: {
        kind: 'xuncha',
        team: '区委第一巡察组',
        inspectedUnit: '区政务服务中心',
        feedbackDate: '2024-05-16',
      },
      categories,
      findings: findings.map((f, i): SnapshotFinding => ({
        id: `f${i}`,
        number: i + 1,
        title: `问题${i + 1}`,
        description: `问题${i + 1}的表现`,
        // Some findings point at a category that does not exist or have none at all.
        ...(f.category < 5 ? { categoryId: `c${f.category}` } : {}),
        source: 'inspection',
        measures: f.measures,
      })),
      accountability,
      regulations: Array.from({ length: regulations }, (_, i) => ({
        name: `制度${i}`,
        date: '2024-06-01',
        findingIds: [],
      })),
      recoveries,
      leadsReferred,
      narratives: { workDone: '成立整改工作领导小组。\n逐项制定整改措施。', nextSteps: '巩固整改成果。' },
      contact: { phone: '0000-1234567', email: 'ledger@example.org' },
    } satisfies LedgerSnapshot;
  });

/** An independent count, written the plain way, to check the model against (TRUTH-1). */
function countIndependently(ledger: LedgerSnapshot) {
  let findingsDone = 0;
  let findingsOngoing = 0;
  let findingsWithoutMeasures = 0;
  let measuresTotal = 0;
  let measuresDone = 0;
  let overdue = 0;
  for (const f of ledger.findings) {
    let signed = 0;
    let openNonOngoing = 0;
    for (const m of f.measures) {
      measuresTotal++;
      if (m.state === 'signed_off') {
        signed++;
        measuresDone++;
      } else {
        if (m.kind !== 'ongoing') openNonOngoing++;
        if (m.dueDate !== undefined && m.dueDate < TODAY) overdue++;
      }
    }
    if (f.measures.length === 0) findingsWithoutMeasures++;
    else if (signed === f.measures.length) findingsDone++;
    else if (f.measures.length > signed && openNonOngoing === 0) findingsOngoing++;
  }
  const perKind = new Map<string, number>();
  for (const a of ledger.accountability) perKind.set(a.kind, (perKind.get(a.kind) ?? 0) + a.count);
  let recovered = 0;
  let refunded = 0;
  for (const r of ledger.recoveries) {
    if (r.kind === 'recovered') recovered += r.amountFen;
    else refunded += r.amountFen;
  }
  return {
    findingsDone,
    findingsOngoing,
    findingsWithoutMeasures,
    measuresTotal,
    measuresDone,
    overdue,
    perKind,
    recovered,
    refunded,
  };
}

describe('buildReportModel', () => {
  it('TRUTH-1: every number equals an independent count of the snapshot', () => {
    fc.assert(
      fc.property(snapshotArb, (ledger) => {
        const { numbers, sections, summary } = buildReportModel(ledger, NOW);
        const expected = countIndependently(ledger);

        expect(numbers.findingsTotal).toBe(ledger.findings.length);
        expect(numbers.findingsDone).toBe(expected.findingsDone);
        expect(numbers.findingsOngoing).toBe(expected.findingsOngoing);
        expect(numbers.findingsWithoutMeasures).toBe(expected.findingsWithoutMeasures);
        expect(numbers.findingsInProgress).toBe(
          ledger.findings.length -
            expected.findingsDone -
            expected.findingsOngoing -
            expected.findingsWithoutMeasures,
        );
        expect(numbers.measuresTotal).toBe(expected.measuresTotal);
        expect(numbers.measuresDone).toBe(expected.measuresDone);
        expect(numbers.measuresOverdue).toBe(expected.overdue);
        for (const kind of AccountabilityKinds) {
          expect(numbers.accountability[kind]).toBe(expected.perKind.get(kind) ?? 0);
        }
        expect(numbers.regulations).toBe(ledger.regulations.length);
        expect(numbers.recoveredFen).toBe(expected.recovered);
        expect(numbers.refundedFen).toBe(expected.refunded);
        expect(numbers.leadsReferred).toBe(ledger.leadsReferred);
        // Every finding appears exactly once in the report body.
        const listed = sections.flatMap((s) => s.findings.map((f) => f.id)).sort();
        expect(listed).toEqual(ledger.findings.map((f) => f.id).sort());
        expect(summary).toContain(
          `反馈的${ledger.findings.length}个问题中，已完成整改${expected.findingsDone}个`,
        );
      }),
      { numRuns: 200 },
    );
  });

  it('REC-1: a measure with progress and evidence but not signed off is not done, nor is its finding', () => {
    const measure = (state: MeasureState): SnapshotMeasure => ({
      id: state,
      content: '建立投诉回访台账',
      owner: '张三',
      dueDate: '2024-12-31',
      kind: 'deadline',
      state,
      progress: [{ date: '2024-06-01', text: '台账已建立并运行', evidenceCount: 3 }],
    });
    const ledger = (state: MeasureState): LedgerSnapshot => ({
      inspection: { kind: 'xuncha', team: '区委第一巡察组', inspectedUnit: '区政务服务中心' },
      categories: [],
      findings: [
        {
          id: 'f1',
          number: 1,
          title: '投诉处理不闭环',
          description: '',
          source: 'inspection',
          measures: [measure('signed_off'), measure(state)],
        },
      ],
      accountability: [],
      regulations: [],
      recoveries: [],
      leadsReferred: 0,
      narratives: { workDone: '', nextSteps: '' },
      contact: {},
    });

    for (const state of ['in_progress', 'awaiting_signoff', 'reopened'] as const) {
      const { numbers, sections } = buildReportModel(ledger(state), NOW);
      expect(numbers.measuresDone).toBe(1);
      expect(numbers.findingsDone).toBe(0);
      expect(numbers.findingsInProgress).toBe(1);
      expect(sections[0]?.findings[0]?.status).toBe('in_progress');
    }
    expect(buildReportModel(ledger('signed_off'), NOW).numbers.findingsDone).toBe(1);
  });

  it('issue 14 point 14: a problem with no measure yet is counted as such, never as 正在推进', () => {
    const { numbers, sections, summary, issuer } = buildReportModel(
      {
        inspection: { kind: 'xuncha', team: '区委第一巡察组', inspectedUnit: '区政务服务中心' },
        categories: [],
        findings: [
          {
            id: 'f1',
            number: 1,
            title: '窗口人员不在岗',
            description: '',
            source: 'inspection',
            measures: [],
          },
        ],
        accountability: [],
        regulations: [],
        recoveries: [],
        leadsReferred: 0,
        narratives: { workDone: '', nextSteps: '' },
        contact: {},
      },
      NOW,
    );
    expect(numbers).toMatchObject({ findingsWithoutMeasures: 1, findingsInProgress: 0, findingsDone: 0 });
    expect(sections[0]?.findings[0]?.status).toBe('no_measure');
    expect(summary).toContain('正在推进0个，需长期坚持0个，尚未制定整改措施1个；制定整改措施0项');
    // 落款: without an issuer of its own, the inspected unit issues the report.
    expect(issuer).toBe('区政务服务中心');
  });

  it('assembles sections in category order with 问题表现 and what was done from measures and progress', () => {
    const model = buildReportModel(
      {
        issuer: '中共某区政务服务中心党组',
        inspection: {
          kind: 'xuncha',
          team: '区委第一巡察组',
          inspectedUnit: '某区政务服务中心党组',
          periodStart: '2024-03-05',
          periodEnd: '2024-04-18',
          feedbackDate: '2024-05-16',
        },
        categories: [
          { id: 'b', title: '作风建设方面', order: 2 },
          { id: 'a', title: '政务服务改革方面', order: 1 },
        ],
        findings: [
          {
            id: 'f2',
            number: 2,
            title: '窗口人员脱岗',
            description: '巡查发现窗口人员多次脱岗。',
            categoryId: 'b',
            source: 'patrols',
            measures: [
              {
                id: 'm2',
                content: '每日四次巡查',
                kind: 'ongoing',
                state: 'in_progress',
                progress: [
                  { date: '2024-07-01', text: '巡查记录已按日登记', evidenceCount: 1 },
                  { date: '2024-06-01', text: '制定巡查制度', evidenceCount: 1 },
                ],
              },
            ],
          },
          {
            id: 'f1',
            number: 1,
            title: '网办率不实',
            description: '统计口径与实际不符。',
            categoryId: 'a',
            source: 'inspection',
            measures: [
              {
                id: 'm1',
                content: '按办件记录重新统计',
                kind: 'immediate',
                state: 'signed_off',
                progress: [],
              },
            ],
          },
        ],
        accountability: [{ kind: 'admonishment_talk', count: 2, date: '2024-06-01' }],
        regulations: [],
        recoveries: [{ amountFen: 1_320_000, kind: 'refunded' }],
        leadsReferred: 0,
        narratives: { workDone: '', nextSteps: '' },
        contact: { phone: '0000-1234567' },
      },
      NOW,
    );

    expect(model.title).toBe('中共某区政务服务中心党组关于区委第一巡察组巡察整改进展情况的通报');
    expect(model.opening).toContain(
      '2024年3月5日至2024年4月18日，区委第一巡察组对某区政务服务中心党组开展了巡察',
    );
    expect(model.opening).toContain('2024年5月16日');
    expect(model.sections.map((s) => `${s.label}${s.title}`)).toEqual([
      '（一）政务服务改革方面',
      '（二）作风建设方面',
    ]);
    const patrol = model.sections[1]?.findings[0];
    expect(patrol?.status).toBe('ongoing');
    expect(patrol?.actions[0]).toBe(
      '每日四次巡查。2024年6月1日，制定巡查制度。2024年7月1日，巡查记录已按日登记。长期坚持。',
    );
    expect(model.leads.join('')).toContain('诫勉谈话2人次');
    expect(model.leads.join('')).toContain('退还资金13200.00元');
    expect(model.contact).toContain('联系电话：0000-1234567');
    expect(formatYuan(5)).toBe('0.05元');
  });
});
