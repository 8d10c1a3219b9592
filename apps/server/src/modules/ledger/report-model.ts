import type {
  FindingStatus,
  ReportFinding,
  ReportMeasureState,
  ReportModel,
  ReportNumbers,
  ReportSection,
} from '@tongban/contracts';
import { inspectionKindLabels, type InspectionKind, type MeasureKind } from './ledger-outline.parser';

/**
 * The public rectification report (整改通报) as data: everything the .docx and the public web page
 * print, computed from a snapshot of the ledger at generation time. No number is ever typed in
 * (TRUTH-1), and only signed-off measures count as done (REC-1).
 */

export type MeasureState = ReportMeasureState;

export const measureKindLabels: Record<MeasureKind, string> = {
  immediate: '立行立改',
  deadline: '限期整改',
  ongoing: '长期坚持',
};

export const AccountabilityKinds = [
  'circulated_criticism',
  'reminder_talk',
  'admonishment_talk',
  'criticism_education',
  'party_discipline',
  'case_filed',
] as const;
export type AccountabilityKind = (typeof AccountabilityKinds)[number];

export const accountabilityKindLabels: Record<AccountabilityKind, string> = {
  circulated_criticism: '通报批评',
  reminder_talk: '提醒谈话',
  admonishment_talk: '诫勉谈话',
  criticism_education: '批评教育',
  party_discipline: '党纪处分',
  case_filed: '立案查处',
};

/** Calendar dates as `YYYY-MM-DD` (Asia/Shanghai), as the ledger stores them. */
export type IsoDate = string;

export type { FindingStatus, ReportFinding, ReportModel, ReportNumbers, ReportSection };

export type FindingSource =
  'inspection' | 'overdue_cases' | 'evaluations' | 'complaints' | 'patrols' | 'file_reviews';

export type ProgressEntry = { date: IsoDate; text: string; evidenceCount: number };

export type SnapshotMeasure = {
  id: string;
  content: string;
  leader?: string;
  department?: string;
  owner?: string;
  dueDate?: IsoDate;
  kind: MeasureKind;
  state: MeasureState;
  signedOffAt?: IsoDate;
  progress: ProgressEntry[];
};

export type SnapshotFinding = {
  id: string;
  number: number;
  title: string;
  /** 问题表现. */
  description: string;
  categoryId?: string;
  source: FindingSource;
  /** 新官要理旧账: carried over, still open, from the unit's previous inspection (issue 21). */
  carriedOver?: boolean;
  measures: SnapshotMeasure[];
};

export type SnapshotCategory = { id: string; title: string; order: number };

export type LedgerSnapshot = {
  /** e.g. "中共××局党组"; defaults to the inspected unit. */
  issuer?: string;
  /** Overrides the generated title. */
  title?: string;
  inspection: {
    kind: InspectionKind;
    team: string;
    inspectedUnit: string;
    periodStart?: IsoDate;
    periodEnd?: IsoDate;
    feedbackDate?: IsoDate;
  };
  categories: SnapshotCategory[];
  findings: SnapshotFinding[];
  accountability: { kind: AccountabilityKind; count: number; date: IsoDate; findingId?: string }[];
  regulations: { name: string; docNumber?: string; date: IsoDate; findingIds: string[] }[];
  /** Money in fen (分), integers, so that sums are exact. */
  recoveries: { amountFen: number; kind: 'recovered' | 'refunded'; findingId?: string }[];
  leadsReferred: number;
  narratives: { workDone: string; nextSteps: string };
  contact: { phone?: string; email?: string; address?: string };
};

export const findingStatusLabels: Record<FindingStatus, string> = {
  done: '已完成整改',
  in_progress: '正在推进',
  ongoing: '需长期坚持',
  no_measure: '尚未制定整改措施',
};

// ---------------------------------------------------------------------------------------------

const CN_DIGITS = '一二三四五六七八九';

export function formatCnOrdinal(n: number): string {
  if (n < 10) return CN_DIGITS[n - 1] ?? String(n);
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? '' : (CN_DIGITS[tens - 1] ?? '')}十${ones ? (CN_DIGITS[ones - 1] ?? '') : ''}`;
}

export function formatShanghaiDate(d: Date): IsoDate {
  // en-CA prints YYYY-MM-DD; the ledger's dates are Beijing time whatever the server's zone.
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(d);
}

export function formatCnDate(iso: IsoDate): string {
  const [y, m, d] = iso.split('-').map(Number);
  if (!y || !m) return iso;
  return d ? `${y}年${m}月${d}日` : `${y}年${m}月`;
}

export function formatYuan(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(Math.trunc(fen));
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}元`;
}

/** REC-1: a finding is done only when it has measures and every one of them is signed off. */
export function isFindingDone(finding: SnapshotFinding): boolean {
  return finding.measures.length > 0 && finding.measures.every((m) => m.state === 'signed_off');
}

export function getFindingStatus(finding: SnapshotFinding): FindingStatus {
  if (finding.measures.length === 0) return 'no_measure';
  if (isFindingDone(finding)) return 'done';
  const open = finding.measures.filter((m) => m.state !== 'signed_off');
  // What remains is only 长期坚持: the report says so instead of "in progress".
  if (open.length > 0 && open.every((m) => m.kind === 'ongoing')) return 'ongoing';
  return 'in_progress';
}

export function isMeasureOverdue(measure: SnapshotMeasure, today: IsoDate): boolean {
  return measure.state !== 'signed_off' && measure.dueDate !== undefined && measure.dueDate < today;
}

function describeActions(finding: SnapshotFinding): string[] {
  return finding.measures.map((m) => {
    const progress = [...m.progress]
      .sort((a, b) => a.date.localeCompare(b.date))
      .map((p) => `${formatCnDate(p.date)}，${p.text.replace(/[。；;]$/, '')}。`)
      .join('');
    const content = m.content.replace(/[。；;]$/, '');
    const state = m.state === 'signed_off' ? '已完成。' : m.kind === 'ongoing' ? '长期坚持。' : '正在推进。';
    return `${content}。${progress}${state}`;
  });
}

function splitParagraphs(text: string): string[] {
  return text
    .split(/\n+/)
    .map((p) => p.trim())
    .filter(Boolean);
}

export function buildReportModel(ledger: LedgerSnapshot, now: Date): ReportModel {
  const today = formatShanghaiDate(now);
  const { inspection } = ledger;
  const kindLabel = inspectionKindLabels[inspection.kind];

  const measures = ledger.findings.flatMap((f) => f.measures);
  const measuresByState: Record<MeasureState, number> = {
    not_started: 0,
    in_progress: 0,
    awaiting_signoff: 0,
    signed_off: 0,
    reopened: 0,
  };
  for (const m of measures) measuresByState[m.state] += 1;

  const statuses = ledger.findings.map(getFindingStatus);
  const count = (s: FindingStatus) => statuses.filter((x) => x === s).length;

  const accountability = Object.fromEntries(AccountabilityKinds.map((k) => [k, 0])) as Record<
    AccountabilityKind,
    number
  >;
  for (const a of ledger.accountability) accountability[a.kind] += a.count;

  const numbers: ReportNumbers = {
    findingsTotal: ledger.findings.length,
    findingsCarriedOver: ledger.findings.filter((f) => f.carriedOver).length,
    findingsDone: count('done'),
    findingsInProgress: count('in_progress'),
    findingsOngoing: count('ongoing'),
    findingsWithoutMeasures: count('no_measure'),
    findingCompletionRate: ledger.findings.length === 0 ? 0 : count('done') / ledger.findings.length,
    measuresTotal: measures.length,
    // REC-1: progress and evidence alone do not make a measure done; only its sign-off does.
    measuresDone: measuresByState.signed_off,
    measuresOverdue: measures.filter((m) => isMeasureOverdue(m, today)).length,
    measuresByState,
    accountability,
    accountabilityTotal: Object.values(accountability).reduce((a, b) => a + b, 0),
    regulations: ledger.regulations.length,
    recoveredFen: ledger.recoveries
      .filter((r) => r.kind === 'recovered')
      .reduce((a, r) => a + r.amountFen, 0),
    refundedFen: ledger.recoveries.filter((r) => r.kind === 'refunded').reduce((a, r) => a + r.amountFen, 0),
    leadsReferred: ledger.leadsReferred,
  };

  // Sections in category order; findings without a category close the list.
  const byNumber = (a: SnapshotFinding, b: SnapshotFinding) => a.number - b.number;
  const toReportFinding = (f: SnapshotFinding): ReportFinding => ({
    id: f.id,
    number: f.number,
    title: f.title,
    description: f.description,
    status: getFindingStatus(f),
    actions: describeActions(f),
  });
  const known = new Set(ledger.categories.map((c) => c.id));
  const groups = [...ledger.categories]
    .sort((a, b) => a.order - b.order)
    .map((c) => ({ title: c.title, findings: ledger.findings.filter((f) => f.categoryId === c.id) }));
  const loose = ledger.findings.filter((f) => f.categoryId === undefined || !known.has(f.categoryId));
  if (loose.length > 0) groups.push({ title: '其他问题', findings: loose });
  const sections: ReportSection[] = groups
    .filter((g) => g.findings.length > 0)
    .map((g, i) => ({
      label: `（${formatCnOrdinal(i + 1)}）`,
      title: g.title,
      findings: [...g.findings].sort(byNumber).map(toReportFinding),
    }));

  const issuer = ledger.issuer ?? inspection.inspectedUnit;
  const title = ledger.title ?? `${issuer}关于${inspection.team}${kindLabel}整改进展情况的通报`;

  const period =
    inspection.periodStart && inspection.periodEnd
      ? `${formatCnDate(inspection.periodStart)}至${formatCnDate(inspection.periodEnd)}，`
      : inspection.periodStart
        ? `${formatCnDate(inspection.periodStart)}起，`
        : '';
  const feedback = inspection.feedbackDate
    ? `${formatCnDate(inspection.feedbackDate)}，${inspection.team}向${inspection.inspectedUnit}反馈了${kindLabel}意见。`
    : '';
  const opening =
    `${period}${inspection.team}对${inspection.inspectedUnit}开展了${kindLabel}。${feedback}` +
    `按照有关要求，现将${kindLabel}整改进展情况予以公布。`;

  const summary =
    `截至${formatCnDate(today)}，${kindLabel}反馈的${numbers.findingsTotal}个问题` +
    (numbers.findingsCarriedOver > 0
      ? `（含上一轮检查延续未完成整改的${numbers.findingsCarriedOver}个）`
      : '') +
    `中，` +
    `已完成整改${numbers.findingsDone}个，正在推进${numbers.findingsInProgress}个，` +
    `需长期坚持${numbers.findingsOngoing}个` +
    (numbers.findingsWithoutMeasures > 0 ? `，尚未制定整改措施${numbers.findingsWithoutMeasures}个` : '') +
    `；制定整改措施${numbers.measuresTotal}项，` +
    `已销号${numbers.measuresDone}项，逾期未完成${numbers.measuresOverdue}项；` +
    `建立完善制度${numbers.regulations}项。`;

  const accountabilityParts = AccountabilityKinds.filter((k) => accountability[k] > 0).map(
    (k) => `${accountabilityKindLabels[k]}${accountability[k]}人次`,
  );
  const leads = [
    numbers.leadsReferred > 0
      ? `${inspection.team}移交问题线索${numbers.leadsReferred}件，已按规定办理。`
      : `${inspection.team}未移交问题线索。`,
    numbers.accountabilityTotal > 0
      ? `整改过程中共问责${numbers.accountabilityTotal}人次，其中${accountabilityParts.join('，')}。`
      : '整改过程中未对相关人员作出问责处理。',
  ];
  if (numbers.recoveredFen > 0 || numbers.refundedFen > 0) {
    const money = [
      numbers.recoveredFen > 0 ? `追缴资金${formatYuan(numbers.recoveredFen)}` : '',
      numbers.refundedFen > 0 ? `退还资金${formatYuan(numbers.refundedFen)}` : '',
    ].filter(Boolean);
    leads.push(`${money.join('，')}。`);
  }

  const contactParts = [
    ledger.contact.phone ? `联系电话：${ledger.contact.phone}` : '',
    ledger.contact.email ? `电子邮箱：${ledger.contact.email}` : '',
    ledger.contact.address ? `通信地址：${ledger.contact.address}` : '',
  ].filter(Boolean);
  const contact =
    `欢迎广大干部群众对${kindLabel}整改落实情况进行监督，如有意见建议，请及时向我们反映。` +
    (contactParts.length > 0 ? `${contactParts.join('；')}。` : '');

  return {
    title,
    issuer,
    asOf: today,
    opening,
    summary,
    workDone: splitParagraphs(ledger.narratives.workDone),
    sections,
    leads,
    nextSteps: splitParagraphs(ledger.narratives.nextSteps),
    contact,
    numbers,
  };
}
