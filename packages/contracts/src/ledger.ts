import { z } from 'zod';
import { Instant, ItemsOf } from './reply';
import { Id, IsoDate, nonEmptyPatch } from './org';

/**
 * The rectification ledger (整改台账): inspections, their findings and measures, progress with
 * evidence, sign-off (REC-1, SOD-2), revisits, and what the public report counts (TRUTH-1).
 */

const Text = (label: string, max: number, min = 1) =>
  z
    .string()
    .trim()
    .min(min, { message: `${label}不能为空` })
    .max(max, { message: `${label}不超过 ${max} 个字` });
const OptText = (label: string, max: number) => Text(label, max, 0).optional();

/** Same codes as the parser in apps/server/src/modules/ledger/ledger-outline.parser.ts. */
export const LedgerInspectionKind = z.enum([
  'xuncha',
  'xunshi',
  'audit',
  'special_supervision',
  'unannounced',
  'self_check',
  'revisit',
]);
export type LedgerInspectionKind = z.infer<typeof LedgerInspectionKind>;
export const LEDGER_INSPECTION_KIND_LABELS: Record<LedgerInspectionKind, string> = {
  xuncha: '巡察',
  xunshi: '巡视',
  audit: '审计',
  special_supervision: '专项督查',
  unannounced: '暗访',
  self_check: '自查',
  revisit: '回头看',
};

export const LedgerMeasureKind = z.enum(['immediate', 'deadline', 'ongoing']);
export type LedgerMeasureKind = z.infer<typeof LedgerMeasureKind>;
export const LEDGER_MEASURE_KIND_LABELS: Record<LedgerMeasureKind, string> = {
  immediate: '立行立改',
  deadline: '限期整改',
  ongoing: '长期坚持',
};

/** Derived, never stored: `overdue` comes from the due date against today in Asia/Shanghai. */
export const MeasureStatus = z.enum([
  'not_started',
  'in_progress',
  'overdue',
  'awaiting_signoff',
  'signed_off',
  'reopened',
]);
export type MeasureStatus = z.infer<typeof MeasureStatus>;
export const MEASURE_STATUS_LABELS: Record<MeasureStatus, string> = {
  not_started: '未开始',
  in_progress: '整改中',
  overdue: '已逾期',
  awaiting_signoff: '待销号',
  signed_off: '已销号',
  reopened: '回头看重新整改',
};

export const FindingSeverity = z.enum(['minor', 'general', 'serious']);
export type FindingSeverity = z.infer<typeof FindingSeverity>;
export const FINDING_SEVERITY_LABELS: Record<FindingSeverity, string> = {
  minor: '轻微',
  general: '一般',
  serious: '严重',
};

export const FindingSource = z.enum([
  'inspection',
  'overdue_cases',
  'evaluations',
  'complaints',
  'patrols',
  'file_reviews',
]);
export type FindingSource = z.infer<typeof FindingSource>;

export const AccountabilityKind = z.enum([
  'circulated_criticism',
  'reminder_talk',
  'admonishment_talk',
  'criticism_education',
  'party_discipline',
  'case_filed',
]);
export type AccountabilityKind = z.infer<typeof AccountabilityKind>;
export const ACCOUNTABILITY_KIND_LABELS: Record<AccountabilityKind, string> = {
  circulated_criticism: '通报批评',
  reminder_talk: '提醒谈话',
  admonishment_talk: '诫勉谈话',
  criticism_education: '批评教育',
  party_discipline: '党纪处分',
  case_filed: '立案查处',
};

export const RecoveryKind = z.enum(['recovered', 'refunded']);
export type RecoveryKind = z.infer<typeof RecoveryKind>;
export const RECOVERY_KIND_LABELS: Record<RecoveryKind, string> = { recovered: '追缴', refunded: '退还' };

// ── Inspections ──────────────────────────────────────────────────────────

const InspectionFields = z.object({
  kind: LedgerInspectionKind,
  team: Text('巡察组', 100),
  inspectedUnit: Text('被巡察单位', 200),
  issuer: OptText('通报单位', 200),
  periodStart: IsoDate.nullable().optional(),
  periodEnd: IsoDate.nullable().optional(),
  feedbackDate: IsoDate.nullable().optional(),
  scope: OptText('巡察范围', 2000),
  planApprovedOn: IsoDate.nullable().optional(),
  carriedOverFromId: Id.nullable().optional(),
  leadsReferred: z.number().int().min(0).max(100000).optional(),
  contactPhone: OptText('联系电话', 50),
  contactEmail: OptText('电子邮箱', 100),
  contactAddress: OptText('通信地址', 200),
});
export const InspectionInput = InspectionFields;
export type InspectionInput = z.infer<typeof InspectionInput>;
export const InspectionPatch = nonEmptyPatch(
  InspectionFields.partial().extend({
    workDone: OptText('整改工作开展情况', 20000),
    nextSteps: OptText('下一步工作', 20000),
    published: z.boolean().optional(),
  }),
);
export type InspectionPatch = z.infer<typeof InspectionPatch>;

export const CategoryInput = z.object({ title: Text('类别名称', 200), parentId: Id.nullable().optional() });
export type CategoryInput = z.infer<typeof CategoryInput>;

// ── Findings and measures ────────────────────────────────────────────────

const FindingFields = z.object({
  categoryId: Id.nullable().optional(),
  title: Text('问题', 500),
  description: OptText('问题表现', 20000),
  severity: FindingSeverity.optional(),
  source: FindingSource.optional(),
  carriedOverFromId: Id.nullable().optional(),
});
export const FindingInput = FindingFields;
export type FindingInput = z.infer<typeof FindingInput>;
export const FindingPatch = nonEmptyPatch(FindingFields.partial());
export type FindingPatch = z.infer<typeof FindingPatch>;

/** How often a signed-off 长期坚持 measure needs fresh evidence from its owner. */
export const RecurPeriod = z.enum(['month', 'quarter', 'half_year', 'year']);
export type RecurPeriod = z.infer<typeof RecurPeriod>;
export const RECUR_PERIOD_LABELS: Record<RecurPeriod, string> = {
  month: '每月',
  quarter: '每季度',
  half_year: '每半年',
  year: '每年',
};

/** A signed-off 长期坚持 measure's current period and the periods that ended without evidence. */
export const MeasureRecurrence = z.object({
  period: RecurPeriod,
  /** The period now running, e.g. 2026年12月, and its last day (when the evidence is due). */
  current: z.object({ label: z.string(), start: z.string(), end: z.string(), done: z.boolean() }),
  /** Periods since sign-off that ended without fresh evidence (脱节). */
  lapsed: z.array(z.object({ label: z.string(), start: z.string(), end: z.string() })),
});
export type MeasureRecurrence = z.infer<typeof MeasureRecurrence>;

const MeasureFields = z.object({
  content: Text('整改措施', 5000),
  leader: OptText('责任领导', 100),
  departmentId: Id.nullable().optional(),
  ownerUserId: Id.nullable().optional(),
  dueDate: IsoDate.nullable().optional(),
  kind: LedgerMeasureKind,
  /** 长期坚持: how often fresh evidence is due after sign-off (default: each quarter). */
  recurPeriod: RecurPeriod.nullable().optional(),
});
export const MeasureInput = MeasureFields;
export type MeasureInput = z.infer<typeof MeasureInput>;
export const MeasurePatch = nonEmptyPatch(MeasureFields.partial());
export type MeasurePatch = z.infer<typeof MeasurePatch>;

/** A progress entry; evidence is a text record (e.g. 会议纪要文号) or uploaded files. */
export const ProgressInput = z.object({
  date: IsoDate,
  text: Text('整改进展', 5000),
  evidenceText: OptText('佐证材料说明', 2000),
  /** The owner asks for sign-off with this entry (待销号). */
  requestSignoff: z.boolean().optional(),
});
export type ProgressInput = z.infer<typeof ProgressInput>;

export const SignoffInput = z.object({ comment: OptText('销号意见', 1000) });
export type SignoffInput = z.infer<typeof SignoffInput>;
export const ReopenInput = z.object({ reason: Text('回头看原因', 2000) });
export type ReopenInput = z.infer<typeof ReopenInput>;

// ── Also recorded ────────────────────────────────────────────────────────

export const AccountabilityInput = z.object({
  kind: AccountabilityKind,
  count: z.number().int().min(1).max(10000),
  date: IsoDate,
  findingId: Id.nullable().optional(),
  /** Visible only to leader and supervisor. */
  names: OptText('被问责人员', 500),
});
export type AccountabilityInput = z.infer<typeof AccountabilityInput>;

export const RegulationInput = z.object({
  name: Text('制度名称', 200),
  docNumber: OptText('文号', 100),
  date: IsoDate,
  findingIds: z.array(Id).max(200).optional(),
});
export type RegulationInput = z.infer<typeof RegulationInput>;

export const RecoveryInput = z.object({
  kind: RecoveryKind,
  /** 分, an integer: sums stay exact. */
  amountFen: z.number().int().min(1).max(1e13),
  date: IsoDate,
  findingId: Id.nullable().optional(),
  note: OptText('说明', 500),
});
export type RecoveryInput = z.infer<typeof RecoveryInput>;

/** 移交问题线索 per finding: how many leads went to whom, and when. */
export const LeadInput = z.object({
  count: z.number().int().min(1).max(10000),
  date: IsoDate,
  findingId: Id.nullable().optional(),
  receiver: OptText('接收单位', 100),
  note: OptText('说明', 500),
});
export type LeadInput = z.infer<typeof LeadInput>;

// ── Import and the reviewed draft ────────────────────────────────────────

export const ImportTextInput = z.object({ text: Text('反馈意见文本', 500000) });
export type ImportTextInput = z.infer<typeof ImportTextInput>;

/**
 * Where the importer read an element (its first source line and that line's text) and how sure
 * it was of the element's place (0..1). Shown beside the element in the draft editor, which
 * highlights the unsure ones; accepted and ignored when the draft is saved.
 */
export const DraftSource = z.object({
  line: z.number().int().positive(),
  text: z.string().max(1000),
  confidence: z.number().min(0).max(1),
});
export type DraftSource = z.infer<typeof DraftSource>;
/** Below this the draft editor marks an element 待核对. */
export const DRAFT_LOW_CONFIDENCE = 0.7;

export const DraftMeasure = MeasureFields.extend({ source: DraftSource.optional() });
export const DraftFinding = z.object({
  title: Text('问题', 500),
  description: OptText('问题表现', 20000),
  categoryKey: z.string().max(200).nullable().optional(),
  severity: FindingSeverity.optional(),
  measures: z.array(DraftMeasure).max(100),
  source: DraftSource.optional(),
});
export const DraftCategory = z.object({
  key: z.string().min(1).max(200),
  title: Text('类别名称', 200),
  parentKey: z.string().max(200).nullable().optional(),
  source: DraftSource.optional(),
});
/** What the reviewer saves after editing the parsed draft: all of it, or nothing. */
export const LedgerDraft = z.object({
  inspection: InspectionInput,
  categories: z.array(DraftCategory).max(500),
  findings: z.array(DraftFinding).min(1, { message: '至少需要一个问题' }).max(2000),
  narratives: z
    .object({ workDone: OptText('整改工作开展情况', 20000), nextSteps: OptText('下一步工作', 20000) })
    .optional(),
});
export type LedgerDraft = z.infer<typeof LedgerDraft>;

export const LedgerViewQuery = z.object({
  inspectionId: Id.optional(),
  status: MeasureStatus.optional(),
  departmentId: Id.optional(),
  ownerUserId: Id.optional(),
  q: z.string().trim().max(100).optional(),
});
export type LedgerViewQuery = z.infer<typeof LedgerViewQuery>;

/** One row of the 整改台账 (序号、问题、整改措施、责任领导、责任部门、责任人、完成时限、整改进展、状态). */
export const LedgerRow = z.object({
  inspectionId: z.string(),
  findingId: z.string(),
  measureId: z.string(),
  number: z.string(),
  finding: z.string(),
  measure: z.string(),
  leader: z.string(),
  departmentId: z.string().nullable(),
  department: z.string(),
  ownerUserId: z.string().nullable(),
  owner: z.string(),
  dueDate: z.string().nullable(),
  kind: LedgerMeasureKind,
  progress: z.string(),
  status: MeasureStatus,
  /** Only for signed-off 长期坚持 measures: the evidence due this period, and any lapse. */
  recurrence: MeasureRecurrence.nullable().optional(),
});
export type LedgerRow = z.infer<typeof LedgerRow>;

export const PublicFeedbackInput = z.object({
  name: OptText('姓名', 50),
  contact: Text('联系方式', 100),
  text: Text('意见建议', 2000),
});
export type PublicFeedbackInput = z.infer<typeof PublicFeedbackInput>;

// ── The 整改台账 spreadsheet and the dashboard ────────────────────────────

/** One bad row of an imported 整改台账 sheet: nothing is saved while there is any. */
export const LedgerSheetProblem = z.object({ row: z.number().int(), reason: z.string() });
export type LedgerSheetProblem = z.infer<typeof LedgerSheetProblem>;

export const LedgerSheetImportResult = z.object({
  inspectionId: z.string(),
  categories: z.number().int(),
  findings: z.number().int(),
  measures: z.number().int(),
  /** 问责、建章立制、追缴退还、移交线索 rows of the second sheet that were new. */
  records: z.number().int(),
  /** Findings, measures and records already in the ledger: a repeated import adds nothing. */
  unchanged: z.number().int(),
});
export type LedgerSheetImportResult = z.infer<typeof LedgerSheetImportResult>;

/** Per inspection, computed from the records at request time (TRUTH-1), never stored. */
export const LedgerDashboard = z.object({
  inspectionId: z.string(),
  /** Asia/Shanghai date the states were computed for (overdue depends on it). */
  asOf: z.string(),
  findingsTotal: z.number().int(),
  /** done = every measure signed off (REC-1); ongoing = only 长期坚持 measures left open. */
  findingsByState: z.object({
    done: z.number(),
    in_progress: z.number(),
    ongoing: z.number(),
    no_measure: z.number(),
  }),
  measuresTotal: z.number().int(),
  measuresByState: z.record(MeasureStatus, z.number()),
  overdueByDepartment: z.array(
    z.object({ departmentId: z.string().nullable(), department: z.string(), overdue: z.number() }),
  ),
  /** Weeks from Monday: measures signed off by the week's end (current sign-offs), progress entries and 回头看 reopenings in the week. */
  progressByWeek: z.array(
    z.object({
      weekStart: z.string(),
      signedOffCumulative: z.number(),
      progressEntries: z.number(),
      reopened: z.number(),
    }),
  ),
});
export type LedgerDashboard = z.infer<typeof LedgerDashboard>;

/** GET /api/public/reports — the published 整改通报 for the public portal (newest first). */
export const PublicReportListItem = z.object({
  id: z.string(),
  kind: LedgerInspectionKind,
  kindLabel: z.string(),
  inspectedUnit: z.string(),
  issuer: z.string(),
  publishedAt: z.string(),
});
export const PublicReportList = z.object({ items: z.array(PublicReportListItem) });
export type PublicReportList = z.infer<typeof PublicReportList>;

// ── The public rectification report (整改通报) as data: server report-model.ts builds it ──

/** A measure's state in the report: only signed-off measures count as done (REC-1). */
export const ReportMeasureState = z.enum([
  'not_started',
  'in_progress',
  'awaiting_signoff',
  'signed_off',
  'reopened',
]);
export type ReportMeasureState = z.infer<typeof ReportMeasureState>;

/** done = every measure signed off; ongoing = only 长期坚持 measures left open. */
/** no_measure: a problem with no measure yet is not 正在推进 (issue 14 point 14). */
export const FindingStatus = z.enum(['done', 'in_progress', 'ongoing', 'no_measure']);
export type FindingStatus = z.infer<typeof FindingStatus>;

export const ReportFinding = z.object({
  id: z.string(),
  number: z.number(),
  title: z.string(),
  description: z.string(),
  status: FindingStatus,
  /** What was done: each measure's content followed by its recorded progress. */
  actions: z.array(z.string()),
});
export type ReportFinding = z.infer<typeof ReportFinding>;

export const ReportSection = z.object({
  label: z.string(),
  title: z.string(),
  findings: z.array(ReportFinding),
});
export type ReportSection = z.infer<typeof ReportSection>;

export const ReportNumbers = z.object({
  findingsTotal: z.number(),
  /** Of findingsTotal, those carried over from the previous inspection (counted once, here). */
  findingsCarriedOver: z.number(),
  findingsDone: z.number(),
  findingsInProgress: z.number(),
  findingsOngoing: z.number(),
  /** Problems with no measure yet: neither done nor 正在推进. */
  findingsWithoutMeasures: z.number(),
  /** findingsDone / findingsTotal, 0 when there are none (整改完成率, TRUTH-1). */
  findingCompletionRate: z.number(),
  measuresTotal: z.number(),
  measuresDone: z.number(),
  measuresOverdue: z.number(),
  measuresByState: z.record(ReportMeasureState, z.number()),
  accountability: z.record(AccountabilityKind, z.number()),
  accountabilityTotal: z.number(),
  regulations: z.number(),
  recoveredFen: z.number(),
  refundedFen: z.number(),
  leadsReferred: z.number(),
});
export type ReportNumbers = z.infer<typeof ReportNumbers>;

/** `GET /api/ledger/inspections/:id/report` and `GET /api/public/reports/:id`: no number typed in (TRUTH-1). */
export const ReportModel = z.object({
  title: z.string(),
  /** 落款: the issuing unit, printed with asOf at the end of the report and its .docx. */
  issuer: z.string(),
  /** YYYY-MM-DD (Asia/Shanghai) */
  asOf: z.string(),
  opening: z.string(),
  summary: z.string(),
  workDone: z.array(z.string()),
  sections: z.array(ReportSection),
  leads: z.array(z.string()),
  nextSteps: z.array(z.string()),
  contact: z.string(),
  numbers: ReportNumbers,
});
export type ReportModel = z.infer<typeof ReportModel>;

/** `POST /api/public/reports/:id/feedback`: the submitter learns it arrived, nothing more. */
export const PublicFeedbackReceipt = z.object({ id: z.string(), received: z.boolean() });
export type PublicFeedbackReceipt = z.infer<typeof PublicFeedbackReceipt>;

// ── Replies of the ledger's records (the web reads `z.input<…>`, the wire shape) ──

/** `GET /api/ledger/inspections`: one row per inspection in the reader's scope. */
export const LedgerInspectionSummary = z.object({
  id: z.string(),
  regionCode: z.string(),
  kind: LedgerInspectionKind,
  team: z.string(),
  inspectedUnit: z.string(),
  periodStart: z.string().nullable(),
  periodEnd: z.string().nullable(),
  feedbackDate: z.string().nullable(),
  publishedAt: Instant.nullable(),
  carriedOverFromId: z.string().nullable(),
  findingCount: z.number(),
});
export type LedgerInspectionSummary = z.input<typeof LedgerInspectionSummary>;
export const LedgerInspectionList = ItemsOf(LedgerInspectionSummary);

/** An inspection as stored (created, changed, and at the head of its detail). */
export const LedgerInspection = LedgerInspectionSummary.omit({ findingCount: true }).extend({
  issuer: z.string(),
  scope: z.string(),
  planApprovedOn: z.string().nullable(),
  leadsReferred: z.number(),
  workDone: z.string(),
  nextSteps: z.string(),
  contactPhone: z.string(),
  contactEmail: z.string(),
  contactAddress: z.string(),
  createdBy: z.string().nullable(),
  createdAt: Instant,
});
export type LedgerInspection = z.input<typeof LedgerInspection>;

export const LedgerCategory = z.object({
  id: z.string(),
  parentId: z.string().nullable(),
  title: z.string(),
  sortOrder: z.number(),
});
export type LedgerCategory = z.input<typeof LedgerCategory>;
/** A category with its derived number (一、/（一）) and place in the tree. */
export const NumberedCategory = LedgerCategory.extend({
  label: z.string(),
  depth: z.number(),
  topId: z.string(),
  order: z.number(),
});
export type NumberedCategory = z.input<typeof NumberedCategory>;

export const LedgerFinding = z.object({
  id: z.string(),
  regionCode: z.string(),
  inspectionId: z.string(),
  categoryId: z.string().nullable(),
  number: z.number(),
  title: z.string(),
  description: z.string(),
  severity: FindingSeverity,
  source: FindingSource,
  carriedOverFromId: z.string().nullable(),
  createdAt: Instant,
});
export type LedgerFinding = z.input<typeof LedgerFinding>;

export const LedgerMeasure = z.object({
  id: z.string(),
  regionCode: z.string(),
  findingId: z.string(),
  sortOrder: z.number(),
  content: z.string(),
  leader: z.string(),
  departmentId: z.string().nullable(),
  ownerUserId: z.string().nullable(),
  dueDate: z.string().nullable(),
  kind: LedgerMeasureKind,
  recurPeriod: RecurPeriod.nullable(),
  signedOffBy: z.string().nullable(),
  signedOffAt: Instant.nullable(),
  signoffComment: z.string(),
  reopenedAt: Instant.nullable(),
  round: z.number(),
  createdAt: Instant,
});
export type LedgerMeasure = z.input<typeof LedgerMeasure>;

/** A progress entry (整改进展) with its evidence: uploaded files by SHA-256, or a text record. */
export const LedgerProgress = z.object({
  id: z.string(),
  regionCode: z.string(),
  measureId: z.string(),
  date: z.string(),
  text: z.string(),
  evidenceFiles: z.array(z.string()),
  evidenceText: z.string(),
  requestSignoff: z.boolean(),
  round: z.number(),
  createdBy: z.string().nullable(),
  createdAt: Instant,
});
export type LedgerProgress = z.input<typeof LedgerProgress>;

/** A 回头看 reopening of a measure or of a whole finding (and the measures it set back). */
export const LedgerRevisit = z.object({
  id: z.string(),
  targetType: z.enum(['measure', 'finding']),
  targetId: z.string(),
  measureIds: z.array(z.string()),
  reason: z.string(),
  priorSignedOffBy: z.string().nullable(),
  priorSignedOffAt: Instant.nullable(),
  reopenedBy: z.string().nullable(),
  reopenedAt: Instant,
});
export type LedgerRevisit = z.input<typeof LedgerRevisit>;

export const LedgerMeasureDetail = LedgerMeasure.omit({ signoffComment: true, createdAt: true }).extend({
  inspectionId: z.string(),
  findingNumber: z.number(),
  findingTitle: z.string(),
  categoryId: z.string().nullable(),
  departmentName: z.string().nullable(),
  ownerName: z.string().nullable(),
  status: MeasureStatus,
  recurrence: MeasureRecurrence.nullable(),
  progress: z.array(LedgerProgress),
  revisits: z.array(LedgerRevisit),
});
export type LedgerMeasureDetail = z.input<typeof LedgerMeasureDetail>;

export const LedgerFindingDetail = LedgerFinding.extend({
  categoryLabel: z.string().nullable(),
  done: z.boolean(),
  status: FindingStatus,
  measures: z.array(LedgerMeasureDetail),
  revisits: z.array(LedgerRevisit),
});
export type LedgerFindingDetail = z.input<typeof LedgerFindingDetail>;

const InspectionRecord = z.object({
  id: z.string(),
  regionCode: z.string(),
  inspectionId: z.string(),
  findingId: z.string().nullable(),
});
/** 问责; `names` is empty for readers other than the leader and the supervisor. */
export const LedgerAccountability = InspectionRecord.extend({
  kind: AccountabilityKind,
  count: z.number(),
  date: z.string(),
  names: z.string(),
});
export type LedgerAccountability = z.input<typeof LedgerAccountability>;
export const LedgerRegulation = InspectionRecord.omit({ findingId: true }).extend({
  name: z.string(),
  docNumber: z.string(),
  date: z.string(),
  findingIds: z.array(z.string()),
});
export type LedgerRegulation = z.input<typeof LedgerRegulation>;
export const LedgerRecovery = InspectionRecord.extend({
  kind: RecoveryKind,
  amountFen: z.number(),
  date: z.string(),
  note: z.string(),
});
export type LedgerRecovery = z.input<typeof LedgerRecovery>;
export const LedgerLead = InspectionRecord.extend({
  count: z.number(),
  date: z.string(),
  receiver: z.string(),
  note: z.string(),
});
export type LedgerLead = z.input<typeof LedgerLead>;

/** `GET /api/ledger/inspections/:id`: everything about one inspection, numbering and states derived. */
export const LedgerInspectionDetail = z.object({
  inspection: LedgerInspection,
  categories: z.array(NumberedCategory),
  findings: z.array(LedgerFindingDetail),
  accountability: z.array(LedgerAccountability),
  regulations: z.array(LedgerRegulation),
  recoveries: z.array(LedgerRecovery),
  leads: z.array(LedgerLead),
});
export type LedgerInspectionDetail = z.input<typeof LedgerInspectionDetail>;

/** `POST /api/ledger/measures/:id/reopen` (回头看). */
export const MeasureReopened = z.object({ measureId: z.string(), reopened: z.boolean() });
export type MeasureReopened = z.infer<typeof MeasureReopened>;
/** `POST /api/ledger/findings/:id/reopen`: how many of its signed-off measures were set back. */
export const FindingReopened = z.object({ findingId: z.string(), reopenedMeasures: z.number() });
export type FindingReopened = z.infer<typeof FindingReopened>;

/** `POST /api/ledger/drafts`: the saved inspection and how much was created. */
export const LedgerDraftSaved = z.object({
  inspectionId: z.string(),
  categories: z.number(),
  findings: z.number(),
  measures: z.number(),
});
export type LedgerDraftSaved = z.infer<typeof LedgerDraftSaved>;

/** An opinion sent on a published report; the sender's address is never in the reply. */
export const LedgerPublicFeedback = z.object({
  id: z.string(),
  name: z.string(),
  contact: z.string(),
  text: z.string(),
  createdAt: Instant,
});
export type LedgerPublicFeedback = z.input<typeof LedgerPublicFeedback>;
