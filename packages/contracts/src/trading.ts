// Contracts of the trading module (公共资源交易, issue 22): request and reply schemas, error codes, labels.
import { z } from 'zod';
import { Id, IsoDate } from './org';

export const TradingKind = z.enum([
  'construction',
  'procurement',
  'state_property',
  'land',
  'rural_property',
]);
export type TradingKind = z.infer<typeof TradingKind>;
export const TRADING_KIND_LABELS: Record<TradingKind, string> = {
  construction: '工程建设',
  procurement: '政府采购',
  state_property: '国有产权',
  land: '土地使用权',
  rural_property: '农村产权',
};

export const TradingMethod = z.enum([
  'open',
  'invited',
  'negotiation',
  'consultation',
  'single_source',
  'auction',
  'listing',
]);
export type TradingMethod = z.infer<typeof TradingMethod>;
export const TRADING_METHOD_LABELS: Record<TradingMethod, string> = {
  open: '公开招标',
  invited: '邀请招标',
  negotiation: '竞争性谈判',
  consultation: '竞争性磋商',
  single_source: '单一来源',
  auction: '拍卖',
  listing: '挂牌',
};

/** A project's states, after Prozorro's (active.tendering → active.qualification → complete). */
export const ProjectStatus = z.enum([
  'draft',
  'tendering',
  'opened',
  'evaluating',
  'publicity',
  'awarded',
  'contracted',
  'accepted',
  'cancelled',
  'unsuccessful',
]);
export type ProjectStatus = z.infer<typeof ProjectStatus>;
export const PROJECT_STATUS_LABELS: Record<ProjectStatus, string> = {
  draft: '登记',
  tendering: '招标公告中',
  opened: '已开标',
  evaluating: '评标中',
  publicity: '中标候选人公示',
  awarded: '已发中标通知',
  contracted: '已签合同',
  accepted: '已履约验收',
  cancelled: '已终止',
  unsuccessful: '流标',
};

export const ProjectAction = z.enum([
  'announce',
  'open_bids',
  'start_evaluation',
  'publish_candidates',
  'award',
  'sign_contract',
  'accept',
  'cancel',
  'fail',
]);
export type ProjectAction = z.infer<typeof ProjectAction>;
export const PROJECT_ACTION_LABELS: Record<ProjectAction, string> = {
  announce: '发布招标公告',
  open_bids: '开标',
  start_evaluation: '开始评标',
  publish_candidates: '公示中标候选人',
  award: '发出中标通知书',
  sign_contract: '签订合同',
  accept: '履约验收',
  cancel: '终止项目',
  fail: '流标',
};

const Name = z.string().trim().min(1).max(200);
const Money = z.number().positive().max(1e13);
const Dt = z.iso.datetime({ offset: true });

export const ProjectCreate = z.strictObject({
  name: Name,
  kind: TradingKind,
  method: TradingMethod,
  tendererName: Name,
  agencyName: Name.nullable().default(null),
  estimateYuan: Money,
});
export type ProjectCreate = z.infer<typeof ProjectCreate>;

/** One state action; the fields each action needs are checked by the policy (4xx when missing). */
export const ProjectTransition = z.strictObject({
  action: ProjectAction,
  bidDeadline: Dt.optional(),
  /** 投标有效期, days from the bid deadline (with the announcement; 90 when not given). */
  bidValidityDays: z.number().int().min(1).max(365).optional(),
  evaluationReportAt: Dt.optional(),
  publicityDays: z.number().int().min(1).max(30).optional(),
  winnerBidderId: Id.optional(),
  evidence: z.string().trim().min(1).max(2000).optional(),
  note: z.string().trim().max(500).optional(),
});
export type ProjectTransition = z.infer<typeof ProjectTransition>;

export const ProjectEntryCreate = z.strictObject({
  kind: z.enum(['announcement', 'document']),
  title: Name,
  body: z.string().max(20000).default(''),
});
export type ProjectEntryCreate = z.infer<typeof ProjectEntryCreate>;

export const ProjectEntry = z.object({
  id: Id,
  kind: z.enum(['announcement', 'document', 'state']),
  title: z.string(),
  body: z.string(),
  version: z.number().int(),
  isPublic: z.boolean(),
  createdAt: z.string(),
});
export type ProjectEntry = z.infer<typeof ProjectEntry>;

export const BidCreate = z.strictObject({
  name: Name,
  creditCode: z.string().trim().max(18).nullable().default(null),
  priceYuan: Money.nullable().default(null),
  fileAuthor: z.string().trim().max(100).nullable().default(null),
});
export type BidCreate = z.infer<typeof BidCreate>;

export const Bidder = z.object({
  id: Id,
  name: z.string(),
  creditCode: z.string().nullable(),
  bidAt: z.string(),
  priceYuan: z.number().nullable(),
  fileAuthor: z.string().nullable(),
  withdrawnAt: z.string().nullable(),
});
export type Bidder = z.infer<typeof Bidder>;

export const ProjectSummary = z.object({
  id: Id,
  projectNo: z.string(),
  name: z.string(),
  kind: TradingKind,
  method: TradingMethod,
  tendererName: z.string(),
  agencyName: z.string().nullable(),
  estimateYuan: z.number(),
  status: ProjectStatus,
  bidDeadline: z.string().nullable(),
  publicityEnd: z.string().nullable(),
  createdAt: z.string(),
});
export type ProjectSummary = z.infer<typeof ProjectSummary>;

export const CollusionSignal = z.object({
  kind: z.enum(['same_account', 'same_author']),
  value: z.string(),
  bidders: z.array(z.string()),
});
export type CollusionSignal = z.infer<typeof CollusionSignal>;

// ── Complaints (BID-3) ──

export const TradingComplaintStatus = z.enum([
  'awaiting_acceptance',
  'refused',
  'under_review',
  'expert_review',
  'decided',
]);
export type TradingComplaintStatus = z.infer<typeof TradingComplaintStatus>;
export const TRADING_COMPLAINT_STATUS_LABELS: Record<TradingComplaintStatus, string> = {
  awaiting_acceptance: '待决定是否受理',
  refused: '不予受理',
  under_review: '已受理，处理中',
  expert_review: '专家评审中（不计入处理期限）',
  decided: '已作出处理决定',
};
export const TradingComplaintOutcome = z.enum(['upheld', 'dismissed']);
export type TradingComplaintOutcome = z.infer<typeof TradingComplaintOutcome>;
export const TRADING_COMPLAINT_OUTCOME_LABELS: Record<TradingComplaintOutcome, string> = {
  upheld: '投诉成立',
  dismissed: '投诉不成立，驳回',
};

export const TradingComplaintCreate = z.strictObject({
  /** Who complains: a bidder or another interested party (a company's name, never a person's id number). */
  complainant: Name,
  grounds: z.string().trim().min(1).max(2000),
});
export type TradingComplaintCreate = z.infer<typeof TradingComplaintCreate>;

/** The supervision's answer: accept or refuse (with reasons), expert review start/end, the decision (with reasons). */
export const TradingComplaintAnswer = z.strictObject({
  action: z.enum(['accept', 'refuse', 'start_expert_review', 'end_expert_review', 'decide']),
  reason: z.string().trim().min(1).max(2000).optional(),
  outcome: TradingComplaintOutcome.optional(),
});
export type TradingComplaintAnswer = z.infer<typeof TradingComplaintAnswer>;

export const TradingComplaint = z.object({
  id: Id,
  complainant: z.string(),
  grounds: z.string(),
  filedOn: z.string(),
  status: TradingComplaintStatus,
  acceptanceDueOn: z.string(),
  acceptanceReason: z.string().nullable(),
  acceptedOn: z.string().nullable(),
  expertStartedOn: z.string().nullable(),
  expertDays: z.number().int(),
  decisionDueOn: z.string().nullable(),
  outcome: TradingComplaintOutcome.nullable(),
  decisionReason: z.string().nullable(),
  decidedOn: z.string().nullable(),
  /** The answer due now is late (acceptance past its 3 working days, decision past its 30). */
  overdue: z.boolean(),
  /** Actions the reader may take now (the screen asks the server). */
  actions: z.array(z.enum(['accept', 'refuse', 'start_expert_review', 'end_expert_review', 'decide'])),
});
export type TradingComplaint = z.infer<typeof TradingComplaint>;

export const ProjectDetail = ProjectSummary.extend({
  bidValidityDays: z.number().int().nullable(),
  /** The last day bids (and deposits) must stay valid: the deadline's day plus the validity days. */
  bidValidUntil: z.string().nullable(),
  complaints: z.array(TradingComplaint),
  /** Last day a complaint may be filed (10 days of the publicity's start), while it is open. */
  complaintsUntil: z.string().nullable(),
  /** The reader may file a complaint now. */
  canFileComplaint: z.boolean(),
  openedAt: z.string().nullable(),
  evaluationReportAt: z.string().nullable(),
  publicityStart: z.string().nullable(),
  awardedAt: z.string().nullable(),
  winnerBidderId: z.string().nullable(),
  contractSignedAt: z.string().nullable(),
  acceptedAt: z.string().nullable(),
  acceptanceEvidence: z.string().nullable(),
  entries: z.array(ProjectEntry),
  bidders: z.array(Bidder),
  actions: z.array(ProjectAction),
  drawId: z.string().nullable(),
  signals: z.array(CollusionSignal),
});
export type ProjectDetail = z.infer<typeof ProjectDetail>;

export const ProjectListQuery = z.object({
  status: ProjectStatus.optional(),
  kind: TradingKind.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
});
export type ProjectListQuery = z.infer<typeof ProjectListQuery>;
export const ProjectList = z.object({ items: z.array(ProjectSummary), total: z.number().int() });
export type ProjectList = z.infer<typeof ProjectList>;

/** The public page: announcements and results only (no bid prices before award, no expert names). */
export const PublicProject = z.object({
  projectNo: z.string(),
  name: z.string(),
  kind: TradingKind,
  method: TradingMethod,
  tendererName: z.string(),
  agencyName: z.string().nullable(),
  status: ProjectStatus,
  bidDeadline: z.string().nullable(),
  publicityStart: z.string().nullable(),
  publicityEnd: z.string().nullable(),
  winnerName: z.string().nullable(),
  announcements: z.array(z.object({ title: z.string(), body: z.string(), createdAt: z.string() })),
});
export type PublicProject = z.infer<typeof PublicProject>;

// ── Experts and draws (BID-1) ──

export const RelationKind = z.enum(['employment', 'ownership', 'kin']);
export type RelationKind = z.infer<typeof RelationKind>;
export const RELATION_KIND_LABELS: Record<RelationKind, string> = {
  employment: '任职（现任或曾任）',
  ownership: '持股',
  kin: '近亲属在该单位任职或持股',
};

export const ExpertCreate = z.strictObject({
  name: z.string().trim().min(1).max(50),
  specialties: z.array(z.string().trim().min(1).max(50)).min(1).max(10),
  employer: Name,
  title: z.string().trim().max(50).default(''),
  available: z.boolean().default(true),
  relations: z
    .array(z.strictObject({ kind: RelationKind, companyName: Name, note: z.string().max(200).default('') }))
    .max(50)
    .default([]),
});
export type ExpertCreate = z.infer<typeof ExpertCreate>;

export const Expert = z.object({
  id: Id,
  name: z.string(),
  specialties: z.array(z.string()),
  employer: z.string(),
  title: z.string(),
  available: z.boolean(),
  rating: z.number().nullable(),
  ratingCount: z.number().int(),
  panels: z.number().int(),
  relations: z.array(z.object({ kind: RelationKind, companyName: z.string() })),
});
export type Expert = z.infer<typeof Expert>;
export const ExpertList = z.object({ items: z.array(Expert), total: z.number().int() });
export type ExpertList = z.infer<typeof ExpertList>;

export const ExclusionGround = z.enum([
  'works_for_tenderer',
  'works_for_bidder',
  'worked_for_bidder',
  'owns_bidder',
  'kin_of_bidder',
]);
export type ExclusionGround = z.infer<typeof ExclusionGround>;
export const EXCLUSION_GROUND_LABELS: Record<ExclusionGround, string> = {
  works_for_tenderer: '在招标人单位任职',
  works_for_bidder: '在投标人单位任职',
  worked_for_bidder: '曾在投标人单位任职',
  owns_bidder: '持有投标人股份',
  kin_of_bidder: '近亲属与投标人有关',
};

export const DrawCreate = z.strictObject({
  /** Total panel: the drawn experts plus the tenderer's representatives. */
  panelSize: z.number().int().min(1).max(49),
  ownerReps: z.number().int().min(0).max(20).default(0),
  reserveCount: z.number().int().min(0).max(20).default(2),
  requests: z
    .array(
      z.strictObject({ specialty: z.string().trim().min(1).max(50), count: z.number().int().min(1).max(49) }),
    )
    .min(1)
    .max(10),
  /** The set time at which the supervisor may open the sealed list. */
  openAt: Dt,
});
export type DrawCreate = z.infer<typeof DrawCreate>;

export const PanelMember = z.object({
  expertId: Id,
  name: z.string(),
  employer: z.string(),
  specialty: z.string(),
  position: z.number().int(),
  isReserve: z.boolean(),
  rating: z.number().int().nullable(),
  /** Recused (回避) or absent after the list opened; a reserve took the seat. */
  recused: z.boolean(),
  substituteFor: z.string().nullable(),
});
export type PanelMember = z.infer<typeof PanelMember>;

export const Draw = z.object({
  id: Id,
  projectId: Id,
  panelSize: z.number().int(),
  ownerReps: z.number().int(),
  reserveCount: z.number().int(),
  requests: z.array(z.object({ specialty: z.string(), count: z.number().int() })),
  seedHash: z.string(),
  /** Revealed only once the sealed list is open. */
  seed: z.string().nullable(),
  openAt: z.string(),
  drawnAt: z.string().nullable(),
  openedAt: z.string().nullable(),
  sealed: z.boolean(),
  /** How many were drawn (known before opening); names only after. */
  drawnCount: z.number().int(),
  excludedCount: z.number().int(),
  members: z.array(PanelMember),
  exclusions: z.array(
    z.object({ expertId: z.string(), name: z.string(), grounds: z.array(ExclusionGround) }),
  ),
});
export type Draw = z.infer<typeof Draw>;

export const DrawReplay = z.object({
  seed: z.string(),
  seedHashMatches: z.boolean(),
  members: z.array(z.object({ expertId: z.string(), specialty: z.string(), isReserve: z.boolean() })),
  matchesRecorded: z.boolean(),
});
export type DrawReplay = z.infer<typeof DrawReplay>;

export const SubstituteInput = z.strictObject({
  /** The seated member who recuses or cannot attend. */
  expertId: Id,
  /** The reserve who takes the seat; the first eligible reserve when left out. */
  replacementId: Id.optional(),
});
export type SubstituteInput = z.infer<typeof SubstituteInput>;

export const RatingsInput = z.strictObject({
  ratings: z
    .array(z.strictObject({ expertId: Id, rating: z.number().int().min(1).max(5) }))
    .min(1)
    .max(49),
});
export type RatingsInput = z.infer<typeof RatingsInput>;

// ── Deposits (BID-2) ──

export const DepositRegime = z.enum(['tender', 'procurement']);
export type DepositRegime = z.infer<typeof DepositRegime>;
export const RefundTrigger = z.enum(['contract', 'award_notice', 'withdrawal', 'termination']);
export type RefundTrigger = z.infer<typeof RefundTrigger>;
export const REFUND_TRIGGER_LABELS: Record<RefundTrigger, string> = {
  contract: '书面合同签订',
  award_notice: '中标通知书发出',
  withdrawal: '截止前撤回投标',
  termination: '招标终止或流标',
};

export const DepositCreate = z.strictObject({
  bidderId: Id,
  amountYuan: Money,
  payerAccount: z.string().trim().min(4).max(40),
  paidOn: IsoDate,
  /** 保证金有效期 of a bank guarantee or insurance; must reach the end of the bid validity. Null for cash. */
  validUntil: IsoDate.nullable().default(null),
});
export type DepositCreate = z.infer<typeof DepositCreate>;

export const RefundCreate = z.strictObject({
  refundedOn: IsoDate,
  bankRef: z.string().trim().min(4).max(60),
});
export type RefundCreate = z.infer<typeof RefundCreate>;

export const DepositStatus = z.enum(['held', 'due', 'overdue', 'refunded']);
export type DepositStatus = z.infer<typeof DepositStatus>;

export const Deposit = z.object({
  id: Id,
  projectId: z.string().nullable(),
  projectLabel: z.string(),
  bidderName: z.string(),
  regime: DepositRegime,
  amountYuan: z.number(),
  /** Account masked to its last four digits. */
  payerAccount: z.string(),
  paidOn: z.string(),
  validUntil: z.string().nullable(),
  refundTrigger: RefundTrigger.nullable(),
  triggeredOn: z.string().nullable(),
  refundDueOn: z.string().nullable(),
  refundedOn: z.string().nullable(),
  interestYuan: z.number().nullable(),
  bankRef: z.string().nullable(),
  status: DepositStatus,
  daysOverdue: z.number().int(),
});
export type Deposit = z.infer<typeof Deposit>;

export const DepositQuery = z.object({
  view: z.enum(['overdue', 'unrefunded', 'all']).default('overdue'),
  projectId: Id.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).max(10_000_000).default(0),
});
export type DepositQuery = z.infer<typeof DepositQuery>;

export const DepositBoard = z.object({
  items: z.array(Deposit),
  overdueCount: z.number().int(),
  overdueYuan: z.number(),
  unrefundedCount: z.number().int(),
  unrefundedYuan: z.number(),
  oldestUnrefundedOn: z.string().nullable(),
});
export type DepositBoard = z.infer<typeof DepositBoard>;

export const SweepResult = z.object({ overdue: z.number().int(), delivered: z.number().int() });
export type SweepResult = z.infer<typeof SweepResult>;

// ── Rooms ──

export const RoomBookingCreate = z.strictObject({
  room: z.string().trim().min(1).max(50),
  kind: z.enum(['room', 'remote_seat']),
  day: IsoDate,
  projectId: Id,
});
export type RoomBookingCreate = z.infer<typeof RoomBookingCreate>;

export const RoomDay = z.object({
  day: z.string(),
  bookings: z.array(
    z.object({
      id: Id,
      room: z.string(),
      kind: z.enum(['room', 'remote_seat']),
      projectId: z.string(),
      projectName: z.string(),
      /** 封闭评标区 access list: the opened panel's members (names only once the list is open). */
      access: z.array(z.string()),
    }),
  ),
});
export type RoomDay = z.infer<typeof RoomDay>;

// ── Figures (应进必进, TRUTH-1) ──

export const DeclarationCreate = z.strictObject({
  year: z.number().int().min(2000).max(2100),
  kind: TradingKind,
  department: Name,
  tradeCount: z.number().int().min(0).max(1_000_000),
  note: z.string().max(500).default(''),
});
export type DeclarationCreate = z.infer<typeof DeclarationCreate>;

export const TradingFigures = z.object({
  year: z.number().int(),
  definition: z.string(),
  byKind: z.array(
    z.object({
      kind: TradingKind,
      onPlatform: z.number().int(),
      declaredOff: z.number().int(),
      share: z.number().nullable(),
    }),
  ),
});
export type TradingFigures = z.infer<typeof TradingFigures>;
export const TradingFiguresQuery = z.object({ year: z.coerce.number().int().min(2000).max(2100).optional() });

export const TradingOk = z.object({ ok: z.literal(true) });
export type TradingOk = z.infer<typeof TradingOk>;
export const CreatedId = z.object({ id: Id });
export type CreatedId = z.infer<typeof CreatedId>;
export const ExpertListQuery = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});
export const RoomDayQuery = z.object({ day: IsoDate });
export const ProjectNoParams = z.object({ projectNo: z.string().regex(/^JY\d{11}$/, '项目编号格式不正确') });
