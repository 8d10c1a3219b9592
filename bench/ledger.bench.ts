/**
 * `npm run bench:ledger`: parse the longest shared public report (target ≤ 200 ms), build + render
 * the .docx report for a ledger of 200 findings and 800 measures (target ≤ 1 s), and count the
 * report-style fixtures (apps/server/src/modules/ledger/fixtures/styles) the parser reads exactly:
 * every category, finding and measure where the fixture's expectation puts it. Medians of several
 * runs after a warm-up, so one GC pause does not decide the figure.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseFeedbackText } from '../apps/server/src/modules/ledger/ledger-outline.parser';
import {
  compareOutline,
  findReportsDir,
  loadStyleFixtures,
} from '../apps/server/src/modules/ledger/outline-expectation';
import { renderReportDocx } from '../apps/server/src/modules/ledger/report-docx';
import {
  AccountabilityKinds,
  buildReportModel,
  type LedgerSnapshot,
  type MeasureState,
  type SnapshotMeasure,
} from '../apps/server/src/modules/ledger/report-model';

const here = path.dirname(fileURLToPath(import.meta.url));
const reportsDir = findReportsDir(here);
// The longest shared report is the one timed.
const reportPath = readdirSync(reportsDir)
  .filter((f) => f.endsWith('.txt'))
  .map((f) => path.join(reportsDir, f))
  .sort((a, b) => statSync(b).size - statSync(a).size)[0];
if (!reportPath) throw new Error(`no reports in ${reportsDir}`);

function measureMedian(runs: number, fn: () => void): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    fn();
    times.push(performance.now() - start);
  }
  return median(times);
}

async function measureMedianAsync(runs: number, fn: () => Promise<void>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn();
    times.push(performance.now() - start);
  }
  return median(times);
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

/** A deterministic ledger: 200 findings in 8 categories, 4 measures each, every state present. */
function generateLedger(findingCount: number, measuresPerFinding: number): LedgerSnapshot {
  const states: MeasureState[] = ['not_started', 'in_progress', 'awaiting_signoff', 'signed_off', 'reopened'];
  const categories = Array.from({ length: 8 }, (_, i) => ({
    id: `c${i}`,
    title: `第${i + 1}类问题方面`,
    order: i,
  }));
  const findings = Array.from({ length: findingCount }, (_, f) => ({
    id: `f${f}`,
    number: f + 1,
    title: `窗口服务问题${f + 1}：办件超期未说明原因，群众多次往返`,
    description: '抽查办件记录发现，部分承诺件超过承诺时限办结，且未向申请人书面说明原因。'.repeat(2),
    categoryId: `c${f % 8}`,
    source: 'inspection' as const,
    measures: Array.from({ length: measuresPerFinding }, (_, m): SnapshotMeasure => ({
      id: `m${f}-${m}`,
      content: `整改措施${m + 1}：建立超期办件预警和书面说明制度，每周通报一次`,
      leader: '王局长',
      department: ['综合科', '督查科', '审批科'][m % 3] ?? '综合科',
      owner: ['张三', '李四', '王五'][(f + m) % 3] ?? '张三',
      dueDate: `2024-${String(1 + ((f + m) % 12)).padStart(2, '0')}-28`,
      kind: (['immediate', 'deadline', 'ongoing'] as const)[(f + m) % 3] ?? 'deadline',
      state: states[(f * 7 + m) % states.length] ?? 'in_progress',
      progress: Array.from({ length: m % 3 }, (_, p) => ({
        date: `2024-0${1 + p}-15`,
        text: '已完成阶段性工作并上传佐证材料',
        evidenceCount: p + 1,
      })),
    })),
  }));
  return {
    issuer: '中共某区政务服务中心党组',
    inspection: {
      kind: 'xuncha',
      team: '区委第一巡察组',
      inspectedUnit: '某区政务服务中心党组',
      periodStart: '2024-03-05',
      periodEnd: '2024-04-18',
      feedbackDate: '2024-05-16',
    },
    categories,
    findings,
    accountability: AccountabilityKinds.map((kind, i) => ({ kind, count: i + 1, date: '2024-06-01' })),
    regulations: Array.from({ length: 10 }, (_, i) => ({
      name: `制度${i}`,
      date: '2024-06-01',
      findingIds: [`f${i}`],
    })),
    recoveries: [{ amountFen: 1_320_000, kind: 'refunded' }],
    leadsReferred: 8,
    narratives: { workDone: '成立整改工作领导小组。\n逐项制定整改措施。', nextSteps: '巩固整改成果。' },
    contact: { phone: '0000-1234567', email: 'ledger@example.org', address: '某区政务服务中心' },
  };
}

const text = readFileSync(reportPath, 'utf8');
const parsed = parseFeedbackText(text);
console.log(
  `parse ${path.basename(reportPath)}: ${parsed.categories.length} categories, ${parsed.findings.length} findings, ` +
    `${parsed.unplaced.length} unplaced lines`,
);
for (let i = 0; i < 3; i++) parseFeedbackText(text);
const parseMs = measureMedian(15, () => {
  parseFeedbackText(text);
});
console.log(`parse: median ${parseMs.toFixed(2)} ms of 15 runs (target ≤ 200 ms)`);

const ledger = generateLedger(200, 4);
const now = new Date('2024-09-01T02:00:00Z');
let bytes = 0;
await renderReportDocx(buildReportModel(ledger, now));
const reportMs = await measureMedianAsync(5, async () => {
  const buffer = await renderReportDocx(buildReportModel(ledger, now));
  bytes = buffer.length;
});
const measures = ledger.findings.reduce((n, f) => n + f.measures.length, 0);
console.log(
  `report: ${ledger.findings.length} findings, ${measures} measures → ${(bytes / 1024).toFixed(0)} KiB .docx, ` +
    `median ${reportMs.toFixed(1)} ms of 5 runs (target ≤ 1000 ms)`,
);
const fixtures = loadStyleFixtures(path.resolve(here, '../apps/server/src/modules/ledger/fixtures/styles'));
let fixturesExact = 0;
for (const fixture of fixtures) {
  const diffs = compareOutline(parseFeedbackText(fixture.text), fixture.expected);
  if (diffs.length === 0) fixturesExact += 1;
  console.log(`fixture ${fixture.name}: ${diffs.length === 0 ? 'exact' : `${diffs.length} differences`}`);
  for (const d of diffs.slice(0, 5)) console.log(`  ${d}`);
}
console.log(`fixtures: ${fixturesExact} of ${fixtures.length} parsed exactly`);
console.log(`targets: ${parseMs <= 200 && reportMs <= 1000 ? 'met' : 'NOT met'}`);
console.log(
  `RESULT ${JSON.stringify({
    parseMs: Number(parseMs.toFixed(2)),
    reportMs: Number(reportMs.toFixed(1)),
    fixturesExact,
    fixturesTotal: fixtures.length,
  })}`,
);
