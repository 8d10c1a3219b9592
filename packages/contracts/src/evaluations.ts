// Contracts of the evaluations module (好差评, issue 17): request and reply schemas, error codes, labels.
import { z } from 'zod';
import { TrackInput } from './cases';
import { Id, IsoDate } from './org';

/** EVAL-1: five levels; 1 and 2 are 差评. */
export const RatingLevel = z.number().int().min(1).max(5);
export type RatingLevel = z.infer<typeof RatingLevel>;
export const RATING_LEVEL_LABELS: Record<number, string> = {
  5: '非常满意',
  4: '满意',
  3: '基本满意',
  2: '不满意',
  1: '非常不满意',
};
export const isBadLevel = (level: number): boolean => level <= 2;

export const RatingChannel = z.enum(['site', 'online', 'sms']);
export type RatingChannel = z.infer<typeof RatingChannel>;
export const RATING_CHANNEL_LABELS: Record<RatingChannel, string> = {
  site: '现场评价器',
  online: '网上评价',
  sms: '短信评价',
};

/** 差评 reasons: the national scheme's categories (国办发〔2019〕51号 附件). */
export const BadReasonCategory = z.enum([
  'attitude',
  'efficiency',
  'guide',
  'requirements',
  'environment',
  'online_system',
  'other',
]);
export type BadReasonCategory = z.infer<typeof BadReasonCategory>;
export const BAD_REASON_LABELS: Record<BadReasonCategory, string> = {
  attitude: '服务态度不好',
  efficiency: '办事效率低、等候时间长',
  guide: '办事指南不准确、一次性告知不到位',
  requirements: '要求提交材料过多或重复提交',
  environment: '办事环境和设施不便',
  online_system: '网上办事系统不好用',
  other: '其他',
};

/** The national scheme's indicators (GB/T 39734-2020): on site and online each have their own. */
export const SITE_INDICATORS = ['overall', 'efficiency', 'attitude'] as const;
export const ONLINE_INDICATORS = ['overall', 'guideAccuracy', 'convenience'] as const;
export const INDICATOR_LABELS: Record<string, string> = {
  overall: '整体满意度',
  efficiency: '办事效率',
  attitude: '服务态度',
  guideAccuracy: '办事指南准确度',
  convenience: '办事便捷度',
};
const Score = z.number().int().min(1).max(5);
export const SiteIndicators = z.strictObject({ efficiency: Score.optional(), attitude: Score.optional() });
export const OnlineIndicators = z.strictObject({
  guideAccuracy: Score.optional(),
  convenience: Score.optional(),
});

const Reason = {
  reasonCategory: BadReasonCategory.nullable().default(null),
  reasonText: z.string().trim().max(500).default(''),
};

// ── Pads (评价器) ────────────────────────────────────────────────────────

export const PadToken = z.string().regex(/^[A-Za-z0-9_-]{20,100}$/, { message: '评价器令牌格式不正确' });

export const PadRegisterInput = z.strictObject({ windowId: Id, label: z.string().trim().min(1).max(60) });
export type PadRegisterInput = z.infer<typeof PadRegisterInput>;

export const Pad = z.object({
  id: Id,
  regionCode: z.string(),
  windowId: Id,
  windowName: z.string(),
  windowNumber: z.string(),
  label: z.string(),
  registeredAt: z.iso.datetime(),
  revokedAt: z.iso.datetime().nullable(),
});
export type Pad = z.infer<typeof Pad>;
export const PadList = z.object({ items: z.array(Pad) });
export type PadList = z.infer<typeof PadList>;
/** The token is shown once, at registration: only its keyed hash is stored. */
export const PadRegistered = z.object({ pad: Pad, token: z.string(), padUrl: z.string() });
export type PadRegistered = z.infer<typeof PadRegistered>;

export const OnDutyStaff = z.object({
  staffId: Id,
  name: z.string(),
  photo: z.string().nullable(),
  staffNo: z.string().nullable(),
});
export type OnDutyStaff = z.infer<typeof OnDutyStaff>;

/** What the pad shows: its window, the clerk on duty and the visit waiting for a rating. */
export const PadView = z.object({
  windowName: z.string(),
  windowNumber: z.string(),
  onDuty: OnDutyStaff.nullable(),
  visit: z.object({ id: Id, openedAt: z.iso.datetime(), staffName: z.string().nullable() }).nullable(),
});
export type PadView = z.infer<typeof PadView>;

export const PadRatingInput = z.strictObject({
  visitId: Id,
  level: RatingLevel,
  indicators: SiteIndicators.default({}),
  ...Reason,
});
export type PadRatingInput = z.infer<typeof PadRatingInput>;

export const RatingReceipt = z.object({ id: Id, level: RatingLevel, badReview: z.boolean() });
export type RatingReceipt = z.infer<typeof RatingReceipt>;

export const VisitOpenInput = z.strictObject({
  windowId: Id,
  staffId: Id.nullable().default(null),
  caseId: Id.nullable().default(null),
});
export type VisitOpenInput = z.infer<typeof VisitOpenInput>;
export const VisitOpened = z.object({ id: Id });

// ── Online and SMS ───────────────────────────────────────────────────────

export const CaseRatingInput = TrackInput.extend({
  level: RatingLevel,
  indicators: OnlineIndicators.default({}),
  ...Reason,
});
export type CaseRatingInput = z.infer<typeof CaseRatingInput>;

export const SmsRatingInput = z.strictObject({
  level: RatingLevel,
  indicators: OnlineIndicators.default({}),
  ...Reason,
});
export type SmsRatingInput = z.infer<typeof SmsRatingInput>;

export const SmsLinkView = z.object({ itemName: z.string(), departmentName: z.string() });
export type SmsLinkView = z.infer<typeof SmsLinkView>;

// ── Ratings ──────────────────────────────────────────────────────────────

export const RatingFlagKind = z.enum(['burst', 'not_handled', 'after_sign_in', 'unstaffed']);
export type RatingFlagKind = z.infer<typeof RatingFlagKind>;
export const FLAG_LABELS: Record<RatingFlagKind, string> = {
  burst: '同一评价器短时间内连续好评（快于窗口办结速度）',
  not_handled: '被评价人未经办该办件',
  after_sign_in: '被评价人登录后一分钟内集中评价',
  unstaffed: '窗口无人在岗时评价',
};

export const Rating = z.object({
  id: Id,
  channel: RatingChannel,
  level: RatingLevel,
  indicators: z.record(z.string(), z.number()),
  reasonCategory: BadReasonCategory.nullable(),
  reasonText: z.string(),
  realName: z.boolean(),
  staffName: z.string().nullable(),
  windowId: Id.nullable(),
  departmentId: Id.nullable(),
  caseId: Id.nullable(),
  createdAt: z.iso.datetime(),
  excluded: z.boolean(),
  excludedReason: z.string().nullable(),
  flags: z.array(RatingFlagKind),
});
export type Rating = z.infer<typeof Rating>;

export const RatingQuery = z.object({
  from: IsoDate.optional(),
  to: IsoDate.optional(),
  channel: RatingChannel.optional(),
  departmentId: Id.optional(),
  staffId: Id.optional(),
  windowId: Id.optional(),
  itemId: Id.optional(),
  month: z
    .string()
    .regex(/^\d{4}-\d{2}$/)
    .optional(),
  /** good: 4–5, bad: 1–2 (EVAL-1). */
  kind: z.enum(['all', 'good', 'bad', 'flagged']).default('all'),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
});
export type RatingQuery = z.infer<typeof RatingQuery>;
export const RatingList = z.object({ items: z.array(Rating), total: z.number().int() });
export type RatingList = z.infer<typeof RatingList>;

// ── 差评 loop ────────────────────────────────────────────────────────────

export const BadReviewStatus = z.enum(['verify', 'rectify', 'reply', 'callback', 'closed']);
export type BadReviewStatus = z.infer<typeof BadReviewStatus>;
export const BAD_REVIEW_STATUS_LABELS: Record<BadReviewStatus, string> = {
  verify: '待核实',
  rectify: '待整改',
  reply: '待反馈',
  callback: '待回访',
  closed: '已办结',
};

export const BadReviewStep = z.object({
  step: z.enum(['verify', 'rectify', 'reply', 'callback', 'close']),
  actorName: z.string(),
  note: z.string(),
  evidence: z.array(z.string()),
  reached: z.boolean().nullable(),
  satisfied: z.boolean().nullable(),
  at: z.iso.datetime(),
});
export type BadReviewStep = z.infer<typeof BadReviewStep>;

export const Appeal = z.object({
  id: Id,
  kind: z.enum(['malicious', 'mistaken']),
  reason: z.string(),
  filedByName: z.string(),
  filedAt: z.iso.datetime(),
  decision: z.enum(['upheld', 'rejected']).nullable(),
  decisionNote: z.string().nullable(),
  decidedByName: z.string().nullable(),
  decidedAt: z.iso.datetime().nullable(),
});
export type Appeal = z.infer<typeof Appeal>;

export const BadReviewAction = z.enum([
  'verify',
  'rectify',
  'reply',
  'callback',
  'close',
  'appeal',
  'decideAppeal',
]);
export type BadReviewAction = z.infer<typeof BadReviewAction>;

export const BadReview = z.object({
  id: Id,
  status: BadReviewStatus,
  dueDate: IsoDate,
  overdue: z.boolean(),
  openedAt: z.iso.datetime(),
  closedAt: z.iso.datetime().nullable(),
  departmentId: Id.nullable(),
  version: z.number().int(),
  rating: Rating,
});
export type BadReview = z.infer<typeof BadReview>;
export const BadReviewDetail = BadReview.extend({
  steps: z.array(BadReviewStep),
  appeal: Appeal.nullable(),
  /** What the signed-in person may do now (the web asks the server). */
  actions: z.array(BadReviewAction),
});
export type BadReviewDetail = z.infer<typeof BadReviewDetail>;
export const BadReviewQuery = z.object({
  status: BadReviewStatus.optional(),
  overdue: z.enum(['true', 'false']).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
});
export type BadReviewQuery = z.infer<typeof BadReviewQuery>;
export const BadReviewList = z.object({ items: z.array(BadReview), total: z.number().int() });
export type BadReviewList = z.infer<typeof BadReviewList>;

const Note = z.string().trim().min(2, { message: '请填写说明' }).max(2000);
const Version = z.number().int().min(0);
export const BadReviewStepInput = z.strictObject({ note: Note, version: Version });
export type BadReviewStepInput = z.infer<typeof BadReviewStepInput>;
export const RectifyInput = z.strictObject({
  note: Note,
  version: Version,
  evidence: z
    .array(z.string().regex(/^[0-9a-f]{64}$/))
    .min(1, { message: '整改须附证明材料' })
    .max(10),
});
export type RectifyInput = z.infer<typeof RectifyInput>;
export const CallbackInput = z.strictObject({
  note: Note,
  version: Version,
  reached: z.boolean(),
  satisfied: z.boolean().nullable().default(null),
});
export type CallbackInput = z.infer<typeof CallbackInput>;
export const EvidenceUploaded = z.object({ sha256: z.string(), name: z.string() });

export const AppealInput = z.strictObject({
  kind: z.enum(['malicious', 'mistaken']),
  reason: Note,
});
export type AppealInput = z.infer<typeof AppealInput>;
export const AppealDecisionInput = z.strictObject({ decision: z.enum(['upheld', 'rejected']), note: Note });
export type AppealDecisionInput = z.infer<typeof AppealDecisionInput>;

// ── Figures (EVAL-4, RATE-1, TRUTH-1) ────────────────────────────────────

export const FigureDimension = z.enum(['staff', 'window', 'department', 'item', 'channel', 'month']);
export type FigureDimension = z.infer<typeof FigureDimension>;
export const FigureQuery = z.object({
  by: FigureDimension.default('department'),
  from: IsoDate.optional(),
  to: IsoDate.optional(),
  departmentId: Id.optional(),
});
export type FigureQuery = z.infer<typeof FigureQuery>;

export const FigureRow = z.object({
  key: z.string(),
  label: z.string(),
  ratings: z.number().int(),
  good: z.number().int(),
  bad: z.number().int(),
  /** 好评率 = (4–5) ÷ ratings, excluded ratings left out. */
  goodRate: z.number().nullable(),
  badRate: z.number().nullable(),
  /** EVAL-4: rated cases ÷ concluded cases; null where cases do not apply (staff, window). */
  concludedCases: z.number().int().nullable(),
  ratedCases: z.number().int().nullable(),
  activeRate: z.number().nullable(),
  badReviews: z.number().int(),
  rectified: z.number().int(),
  rectifyRate: z.number().nullable(),
  calledBack: z.number().int(),
  callbackRate: z.number().nullable(),
  /** EVAL-4: Wilson lower bound (95%) of the 好评率: small samples do not top the ranking. */
  score: z.number(),
  rank: z.number().int(),
});
export type FigureRow = z.infer<typeof FigureRow>;
export const Figures = z.object({
  by: FigureDimension,
  from: IsoDate,
  to: IsoDate,
  total: FigureRow,
  rows: z.array(FigureRow),
  definitions: z.record(z.string(), z.string()),
});
export type Figures = z.infer<typeof Figures>;

export const PublicFigures = z.object({
  regionName: z.string(),
  from: IsoDate,
  to: IsoDate,
  total: FigureRow,
  departments: z.array(FigureRow),
});
export type PublicFigures = z.infer<typeof PublicFigures>;

export const Flag = z.object({
  ratingId: Id,
  kind: RatingFlagKind,
  /** In Chinese, as stored. */
  detail: z.string(),
  /** The ratings the pattern counted (burst, after_sign_in), for a screen in another language. */
  counted: z.number().int().nullable(),
  createdAt: z.iso.datetime(),
  level: RatingLevel,
  staffName: z.string().nullable(),
  channel: RatingChannel,
});
export type Flag = z.infer<typeof Flag>;
export const FlagList = z.object({ items: z.array(Flag) });
export type FlagList = z.infer<typeof FlagList>;

export const EvalSetting = z.object({
  rectifyDays: z.union([z.literal(5), z.literal(15)]),
  smsAfterDays: z.number().int().min(1).max(30),
});
export type EvalSetting = z.infer<typeof EvalSetting>;
export const EvalSettingInput = z.strictObject({
  rectifyDays: z.union([z.literal(5), z.literal(15)]),
  smsAfterDays: z.number().int().min(1).max(30),
});

export const EvaluationsErrorCode = {
  PAD_NOT_REGISTERED: 'EVAL_PAD_NOT_REGISTERED',
  VISIT_NOT_FOUND: 'EVAL_VISIT_NOT_FOUND',
  ALREADY_RATED: 'EVAL_ALREADY_RATED',
  CASE_NOT_CONCLUDED: 'EVAL_CASE_NOT_CONCLUDED',
  LINK_INVALID: 'EVAL_LINK_INVALID',
  REASON_REQUIRED: 'EVAL_REASON_REQUIRED',
  BAD_REVIEW_NOT_FOUND: 'EVAL_BAD_REVIEW_NOT_FOUND',
  WRONG_STEP: 'EVAL_WRONG_STEP',
  STALE: 'EVAL_STALE',
  SOD: 'EVAL_SOD',
  CALLBACK_REQUIRED: 'EVAL_CALLBACK_REQUIRED',
  APPEAL_EXISTS: 'EVAL_APPEAL_EXISTS',
  APPEAL_NOT_FOUND: 'EVAL_APPEAL_NOT_FOUND',
  RATING_NOT_FOUND: 'EVAL_RATING_NOT_FOUND',
  WINDOW_NOT_FOUND: 'EVAL_WINDOW_NOT_FOUND',
  EVIDENCE_UNKNOWN: 'EVAL_EVIDENCE_UNKNOWN',
} as const;
export type EvaluationsErrorCode = (typeof EvaluationsErrorCode)[keyof typeof EvaluationsErrorCode];
