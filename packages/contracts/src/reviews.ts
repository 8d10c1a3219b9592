import { z } from 'zod';
import { LedgerInspectionKind } from './ledger';
import { Id, IsoDate } from './org';

/**
 * 卷宗评查 (FR-1), 考核 (ASSESS-1) and automatic findings (issue 21). Scores and rates come from the
 * record (TRUTH-1); a source whose module has not landed yet is listed as "not yet recorded" and
 * weighs nothing — never a made-up number.
 */

export const ReviewsErrorCode = {
  NOT_FOUND: 'REVIEWS_NOT_FOUND',
  NO_CONCLUDED_CASES: 'REVIEWS_NO_CONCLUDED_CASES',
  NO_ELIGIBLE_REVIEWER: 'REVIEWS_NO_ELIGIBLE_REVIEWER',
  REVIEWER_CONFLICT: 'REVIEWS_REVIEWER_CONFLICT',
  NOT_ASSIGNED: 'REVIEWS_NOT_ASSIGNED',
  BAD_SCORE: 'REVIEWS_BAD_SCORE',
  BAD_STATE: 'REVIEWS_BAD_STATE',
  ASSESSMENT_COMPUTED: 'REVIEWS_ASSESSMENT_COMPUTED',
  NO_SCHEME: 'REVIEWS_NO_SCHEME',
  BAD_WEIGHTS: 'REVIEWS_BAD_WEIGHTS',
  FINDING_DECIDED: 'REVIEWS_FINDING_DECIDED',
  BAD_REFERENCE: 'REVIEWS_BAD_REFERENCE',
} as const;
export type ReviewsErrorCode = (typeof ReviewsErrorCode)[keyof typeof ReviewsErrorCode];

// ── Rubric ──────────────────────────────────────────────────────────────────

export const RubricItemKey = z.enum([
  'legal_basis',
  'materials_complete',
  'time_limits',
  'signatures',
  'notices',
  'archive',
]);
export type RubricItemKey = z.infer<typeof RubricItemKey>;
export const RUBRIC_ITEM_LABELS: Record<RubricItemKey, string> = {
  legal_basis: '法律依据充分',
  materials_complete: '申请材料齐全',
  time_limits: '办理时限合规',
  signatures: '各环节签署人不同（一人不签两个环节）',
  notices: '文书告知齐全',
  archive: '归档完整',
};
export const RubricItem = z.strictObject({ key: RubricItemKey, maxPoints: z.int().min(1).max(100) });
export type RubricItem = z.infer<typeof RubricItem>;
export const DEFAULT_RUBRIC: RubricItem[] = [
  { key: 'legal_basis', maxPoints: 20 },
  { key: 'materials_complete', maxPoints: 20 },
  { key: 'time_limits', maxPoints: 20 },
  { key: 'signatures', maxPoints: 15 },
  { key: 'notices', maxPoints: 15 },
  { key: 'archive', maxPoints: 10 },
];

// ── Plans and the draw ──────────────────────────────────────────────────────

export const ReviewPlanStatus = z.enum(['committed', 'drawn', 'finished']);
export type ReviewPlanStatus = z.infer<typeof ReviewPlanStatus>;
export const REVIEW_PLAN_STATUS_LABELS: Record<ReviewPlanStatus, string> = {
  committed: '已承诺种子，待抽取',
  drawn: '已抽取，评查中',
  finished: '评查完成',
};

export const ReviewPlanInput = z.strictObject({
  title: z.string().trim().min(1, '请填写评查名称').max(100),
  periodStart: IsoDate,
  periodEnd: IsoDate,
  departmentIds: z.array(Id).min(1, '至少选择一个部门').max(500),
  casesPerDepartment: z.int().min(1).max(50),
  /** Reviewers to draw from; none from a file's own department is ever drawn for it (FR-1). */
  reviewerPool: z.array(Id).min(1, '评查人员库不能为空').max(500),
  rubric: z.array(RubricItem).min(1).max(6).optional(),
});
export type ReviewPlanInput = z.infer<typeof ReviewPlanInput>;

export const PrefillItem = z.object({
  /** What the record proves: a score (0 when it proves a failure) or null when only a reviewer can judge. */
  suggested: z.number().nullable(),
  evidence: z.array(z.string()),
});
export type PrefillItem = z.infer<typeof PrefillItem>;

export const ReviewFile = z.object({
  id: Id,
  planId: Id,
  departmentId: Id,
  departmentName: z.string(),
  caseId: Id,
  caseNo: z.string(),
  drawOrder: z.number(),
  reviewerUserId: Id,
  reviewerName: z.string(),
  prefill: z.record(z.string(), PrefillItem),
  scores: z.record(z.string(), z.number()).nullable(),
  total: z.number().nullable(),
  comment: z.string(),
  scoredAt: z.string().nullable(),
});
export type ReviewFile = z.infer<typeof ReviewFile>;

export const DepartmentResult = z.object({
  departmentId: Id,
  departmentName: z.string(),
  files: z.number(),
  scored: z.number(),
  average: z.number().nullable(),
  lowest: z.number().nullable(),
});
export type DepartmentResult = z.infer<typeof DepartmentResult>;

export const ReviewPlan = z.object({
  id: Id,
  regionCode: z.string(),
  title: z.string(),
  periodStart: z.string(),
  periodEnd: z.string(),
  departmentIds: z.array(Id),
  casesPerDepartment: z.number(),
  reviewerPool: z.array(Id),
  rubric: z.array(RubricItem),
  seedHash: z.string(),
  /** Revealed only once drawn (the commitment is seedHash). */
  seed: z.string().nullable(),
  status: ReviewPlanStatus,
  createdAt: z.string(),
  drawnAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
});
export type ReviewPlan = z.infer<typeof ReviewPlan>;

export const ReviewPlanDetail = ReviewPlan.extend({
  files: z.array(ReviewFile),
  results: z.array(DepartmentResult),
});
export type ReviewPlanDetail = z.infer<typeof ReviewPlanDetail>;
export const ReviewPlanList = z.object({ items: z.array(ReviewPlan) });
export type ReviewPlanList = z.infer<typeof ReviewPlanList>;

export const DrawnDepartment = z.object({
  departmentId: Id,
  candidates: z.array(z.string()),
  drawn: z.array(z.object({ caseNo: z.string(), reviewerUserId: Id })),
});
export type DrawnDepartment = z.infer<typeof DrawnDepartment>;

export const ReplayResult = z.object({
  seed: z.string(),
  seedHash: z.string(),
  hashMatches: z.boolean(),
  drawMatches: z.boolean(),
  departments: z.array(DrawnDepartment),
});
export type ReplayResult = z.infer<typeof ReplayResult>;

export const ScoreInput = z.strictObject({
  scores: z.record(z.string().max(40), z.int()),
  comment: z.string().trim().max(1000).optional(),
});
export type ScoreInput = z.infer<typeof ScoreInput>;

// ── Assessments ─────────────────────────────────────────────────────────────

export const AssessmentUnitKind = z.enum(['department', 'township']);
export type AssessmentUnitKind = z.infer<typeof AssessmentUnitKind>;
export const ASSESSMENT_UNIT_KIND_LABELS: Record<AssessmentUnitKind, string> = {
  department: '进驻部门',
  township: '乡镇（街道）',
};

export const IndicatorKey = z.enum([
  'on_time_rate',
  'online_rate',
  'review_score',
  'in_hall',
  'bad_review_rate',
  'complaints',
  'patrol_problems',
]);
export type IndicatorKey = z.infer<typeof IndicatorKey>;

/** Each indicator's written definition and the module whose record it reads (RATE-1). */
export const INDICATOR_DEFINITIONS: Record<
  IndicatorKey,
  { label: string; module: string; definition: string; pending: boolean }
> = {
  on_time_rate: {
    label: '按时办结率',
    module: 'cases',
    definition: '期内办结（决定）的办件中，在承诺时限内作出决定的件数 ÷ 期内办结件数',
    pending: false,
  },
  online_rate: {
    label: '网办率',
    module: 'cases',
    definition: '期内办结的办件中，经网上申报渠道提交的件数 ÷ 期内办结件数',
    pending: false,
  },
  review_score: {
    label: '卷宗评查得分',
    module: 'reviews',
    definition: '评查期间落在考核期内的评查计划中，本单位已评分卷宗的平均得分 ÷ 100',
    pending: false,
  },
  in_hall: {
    label: '应进必进（人员在厅）',
    module: 'org',
    definition:
      '（本部门在办事项中进驻大厅办理的项数 + 期内在窗口签到过的进驻人员数）÷（在办事项数 + 进驻人员数）；事项列入负面清单的不算进驻，整个部门列入负面清单的不计权重',
    pending: false,
  },
  bad_review_rate: {
    label: '差评率及整改闭环',
    module: 'evaluations',
    definition:
      '（评价数 − 差评数 + 整改闭环的差评数 × 0.5）÷ 评价数：每件差评扣一件，整改闭环后返还一半；申诉复核排除的评价不计',
    pending: false,
  },
  complaints: {
    label: '投诉及重复投诉',
    module: 'complaints',
    definition:
      '1 − （期内针对本单位的投诉、举报件数 + 其中重复投诉件数）÷ 10，最低为 0；重复投诉指同一对象此前 12 个月内已有投诉、举报',
    pending: false,
  },
  patrol_problems: {
    label: '巡查发现问题',
    module: 'hall',
    definition: '1 − 期内大厅巡查发现的本单位问题数 ÷ 10，最低为 0',
    pending: false,
  },
};

export const SchemeIndicator = z.strictObject({ key: IndicatorKey, weight: z.int().min(0).max(100) });
export type SchemeIndicator = z.infer<typeof SchemeIndicator>;

export const SchemeInput = z.strictObject({
  unitKind: AssessmentUnitKind,
  name: z.string().trim().min(1).max(100),
  indicators: z.array(SchemeIndicator).min(1).max(7),
});
export type SchemeInput = z.infer<typeof SchemeInput>;

export const DEFAULT_SCHEMES: Record<AssessmentUnitKind, SchemeIndicator[]> = {
  department: [
    { key: 'on_time_rate', weight: 30 },
    { key: 'review_score', weight: 20 },
    { key: 'online_rate', weight: 15 },
    { key: 'in_hall', weight: 10 },
    { key: 'bad_review_rate', weight: 10 },
    { key: 'complaints', weight: 10 },
    { key: 'patrol_problems', weight: 5 },
  ],
  township: [
    { key: 'on_time_rate', weight: 40 },
    { key: 'online_rate', weight: 20 },
    { key: 'bad_review_rate', weight: 20 },
    { key: 'complaints', weight: 10 },
    { key: 'patrol_problems', weight: 10 },
  ],
};

export const Scheme = z.object({
  id: Id,
  unitKind: AssessmentUnitKind,
  name: z.string(),
  indicators: z.array(SchemeIndicator),
  publishedAt: z.string(),
});
export type Scheme = z.infer<typeof Scheme>;
export const SchemeList = z.object({ items: z.array(Scheme) });

export const PeriodKind = z.enum(['month', 'quarter', 'year']);
export type PeriodKind = z.infer<typeof PeriodKind>;
export const AssessmentInput = z.strictObject({
  schemeId: Id,
  periodKind: PeriodKind,
  /** 2026-09, 2026-Q3 or 2026. */
  period: z.string().regex(/^\d{4}(-(0[1-9]|1[0-2])|-Q[1-4])?$/, '期间格式：2026、2026-Q3 或 2026-09'),
});
export type AssessmentInput = z.infer<typeof AssessmentInput>;

export const IndicatorStatus = z.enum(['recorded', 'no_data', 'not_recorded']);
export type IndicatorStatus = z.infer<typeof IndicatorStatus>;
export const INDICATOR_STATUS_LABELS: Record<IndicatorStatus, string> = {
  recorded: '已计入',
  no_data: '期内无记录，不计权重',
  not_recorded: '数据源尚未接入，不计权重',
};

export const IndicatorScore = z.object({
  key: IndicatorKey,
  weight: z.number(),
  status: IndicatorStatus,
  numerator: z.number().nullable(),
  denominator: z.number().nullable(),
  value: z.number().nullable(),
  /** Points earned; the unit's score is exactly the sum of its indicators' points. */
  points: z.number(),
  records: z.object({ kind: z.string(), ids: z.array(z.string()), total: z.number() }),
});
export type IndicatorScore = z.infer<typeof IndicatorScore>;

export const UnitScore = z.object({
  unitId: z.string(),
  unitName: z.string(),
  score: z.number(),
  rank: z.number(),
  indicators: z.array(IndicatorScore),
});
export type UnitScore = z.infer<typeof UnitScore>;

export const Assessment = z.object({
  id: Id,
  schemeId: Id,
  unitKind: AssessmentUnitKind,
  periodKind: PeriodKind,
  periodLabel: z.string(),
  periodStart: z.string(),
  periodEnd: z.string(),
  computedAt: z.string(),
  units: z.array(UnitScore),
});
export type Assessment = z.infer<typeof Assessment>;
export const AssessmentSummary = Assessment.omit({ units: true }).extend({ unitCount: z.number() });
export const AssessmentList = z.object({ items: z.array(AssessmentSummary) });

// ── Automatic findings ──────────────────────────────────────────────────────

export const AutoRuleKey = z.enum([
  'red_share_two_months',
  'low_review_score',
  'review_sod_breach',
  'bad_review_cluster',
  'repeat_complaints_window',
  'patrol_problem_repeat',
]);
export type AutoRuleKey = z.infer<typeof AutoRuleKey>;

export const AUTO_RULES: Record<
  AutoRuleKey,
  {
    label: string;
    definition: string;
    defaultThreshold: number;
    unit: string;
    pending: boolean;
    source: string;
  }
> = {
  red_share_two_months: {
    label: '红牌（超期）办件占比连续两月超标',
    definition: '某部门连续两个自然月，当月办结件中超承诺时限办结的占比均高于阈值',
    defaultThreshold: 0.2,
    unit: '占比',
    pending: false,
    source: 'overdue_cases',
  },
  low_review_score: {
    label: '卷宗评查得分低于基准',
    definition: '一份评查卷宗的总分低于阈值',
    defaultThreshold: 60,
    unit: '分',
    pending: false,
    source: 'file_reviews',
  },
  review_sod_breach: {
    label: '评查发现一人签署多个环节',
    definition: '评查确认卷宗中同一人签署了两个以上环节（受理、审查、决定），违反审批职责分离要求',
    defaultThreshold: 1,
    unit: '处',
    pending: false,
    source: 'file_reviews',
  },
  bad_review_cluster: {
    label: '同一事项差评集中',
    definition: '一个自然月内同一事项的差评（申诉复核排除的不计）达到阈值件数',
    defaultThreshold: 3,
    unit: '件',
    pending: false,
    source: 'evaluations',
  },
  repeat_complaints_window: {
    label: '同一窗口重复投诉',
    definition: '一个自然月内针对同一窗口的投诉、举报（并单的不重复计）达到阈值件数',
    defaultThreshold: 2,
    unit: '件',
    pending: false,
    source: 'complaints',
  },
  patrol_problem_repeat: {
    label: '同一巡查问题一月三次',
    definition: '一个自然月内大厅巡查在同一窗口（无窗口的按同一人员）发现同类问题达到阈值次数',
    defaultThreshold: 3,
    unit: '次',
    pending: false,
    source: 'patrols',
  },
};

export const AutoRule = z.object({
  key: AutoRuleKey,
  label: z.string(),
  definition: z.string(),
  threshold: z.number(),
  unit: z.string(),
  enabled: z.boolean(),
  pending: z.boolean(),
});
export const AutoRuleList = z.object({ items: z.array(AutoRule) });
export const AutoRuleInput = z.strictObject({
  threshold: z.number().min(0).max(100),
  enabled: z.boolean().optional(),
});

export const AutoFindingStatus = z.enum(['draft', 'accepted', 'dismissed']);
export type AutoFindingStatus = z.infer<typeof AutoFindingStatus>;
export const AUTO_FINDING_STATUS_LABELS: Record<AutoFindingStatus, string> = {
  draft: '待处理',
  accepted: '已转入台账',
  dismissed: '已驳回',
};

/**
 * A record a finding rests on. `label` is the Chinese line stored with it; `ref` (a case or work-order
 * number, a date) and `note` (what about it: `overdue`, a rating level, a patrol problem, a score)
 * let a screen say the same in another language.
 */
export const Evidence = z.object({
  kind: z.string(),
  id: z.string(),
  label: z.string(),
  ref: z.string().optional(),
  note: z.string().optional(),
});
/**
 * What an automatic finding's title and description were made from (its rule's template fills in
 * these), so that a screen in another language can say it; null for findings opened before them.
 */
export const AutoFindingFacts = z.record(z.string(), z.union([z.string(), z.number(), z.null()]));
export type AutoFindingFacts = z.infer<typeof AutoFindingFacts>;
export const AutoFinding = z.object({
  id: Id,
  rule: AutoRuleKey,
  causeKey: z.string(),
  departmentId: Id.nullable(),
  title: z.string(),
  description: z.string(),
  facts: AutoFindingFacts.nullable(),
  evidence: z.array(Evidence),
  status: AutoFindingStatus,
  openedAt: z.string(),
  decidedAt: z.string().nullable(),
  dismissReason: z.string().nullable(),
  ledgerInspectionId: Id.nullable(),
  ledgerFindingId: Id.nullable(),
});
export type AutoFinding = z.infer<typeof AutoFinding>;
export const AutoFindingList = z.object({ items: z.array(AutoFinding) });

export const EvaluateInput = z.strictObject({
  month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份格式：2026-09'),
});
export const EvaluateResult = z.object({ opened: z.number(), checked: z.number() });

export const AutoFindingAcceptInput = z.union([
  z.strictObject({ inspectionId: Id }),
  z.strictObject({
    newInspection: z.strictObject({
      kind: LedgerInspectionKind.extract(['self_check', 'special_supervision']),
      team: z.string().trim().min(1).max(100),
      inspectedUnit: z.string().trim().min(1).max(100),
    }),
  }),
]);
export type AutoFindingAcceptInput = z.infer<typeof AutoFindingAcceptInput>;
export const AutoFindingDismissInput = z.strictObject({
  reason: z.string().trim().min(2, '请写明驳回理由').max(500),
});

export const CarryOverInput = z.strictObject({ fromInspectionId: Id, toInspectionId: Id });
export const CarryOverResult = z.object({ carried: z.number(), findingIds: z.array(Id) });

export const ReviewerCandidate = z.object({
  id: Id,
  displayName: z.string(),
  role: z.string(),
  departmentId: Id.nullable(),
});
export const ReviewerCandidateList = z.object({ items: z.array(ReviewerCandidate) });
