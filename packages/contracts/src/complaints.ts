import { z } from 'zod';
import { Id, IsoDate } from './org';

/**
 * Complaints and 12345 work orders (投诉 / 12345 工单), issue 18: intake from every channel, dispatch
 * along the versioned 派单目录 (CPL-2), handling, reply, callback and close (SOD-2), 并单 (CPL-3), the
 * 办不成事 window, figures, and an Open311 GeoReport v2 view of the same records.
 */

const Text = (label: string, max: number, min = 1) =>
  z
    .string()
    .trim()
    .min(min, { message: `${label}不能为空` })
    .max(max, { message: `${label}不超过 ${max} 个字` });

export const ComplaintType = z.enum(['consult', 'help', 'suggest', 'complain', 'report', 'praise']);
export type ComplaintType = z.infer<typeof ComplaintType>;
export const COMPLAINT_TYPE_LABELS: Record<ComplaintType, string> = {
  consult: '咨询',
  help: '求助',
  suggest: '建议',
  complain: '投诉',
  report: '举报',
  praise: '表扬',
};

export const ComplaintSource = z.enum([
  'hotline_12345',
  'window',
  'unresolved_window',
  'grievance_window',
  'comment_book',
  'online',
  'report_feedback',
  'invited_monitor',
]);
export type ComplaintSource = z.infer<typeof ComplaintSource>;
export const COMPLAINT_SOURCE_LABELS: Record<ComplaintSource, string> = {
  hotline_12345: '12345热线',
  window: '窗口',
  unresolved_window: '办不成事反映窗口',
  grievance_window: '吐槽窗口',
  comment_book: '意见簿',
  online: '网上留言',
  report_feedback: '整改通报反馈',
  invited_monitor: '特邀监督员',
};

export const ComplaintStatus = z.enum([
  'received',
  'dispatched',
  'handling',
  'replied',
  'closed',
  'merged',
  'escalated',
]);
export type ComplaintStatus = z.infer<typeof ComplaintStatus>;
export const COMPLAINT_STATUS_LABELS: Record<ComplaintStatus, string> = {
  received: '待派单',
  dispatched: '已派单',
  handling: '办理中',
  replied: '已回复待回访',
  closed: '已办结',
  merged: '已并单',
  escalated: '已报领导',
};

export const SubjectKind = z.enum(['staff', 'window', 'department', 'item', 'case', 'none']);
export type SubjectKind = z.infer<typeof SubjectKind>;
export const SUBJECT_KIND_LABELS: Record<SubjectKind, string> = {
  staff: '工作人员',
  window: '窗口',
  department: '部门',
  item: '事项',
  case: '办件',
  none: '其他',
};

export const CallbackResult = z.enum(['satisfied', 'unsatisfied']);
export type CallbackResult = z.infer<typeof CallbackResult>;
export const CALLBACK_RESULT_LABELS: Record<CallbackResult, string> = {
  satisfied: '满意',
  unsatisfied: '不满意',
};

export const OutcomeKind = z.enum(['reopened', 'accepted_elsewhere', 'explained']);
export type OutcomeKind = z.infer<typeof OutcomeKind>;
export const OUTCOME_KIND_LABELS: Record<OutcomeKind, string> = {
  reopened: '重新受理',
  accepted_elsewhere: '他处受理',
  explained: '解释说明',
};

const Phone = z
  .string()
  .trim()
  .regex(/^1\d{10}$|^0\d{2,3}-?\d{7,8}$/, { message: '电话号码格式不正确' });

const Subject = {
  subjectKind: SubjectKind.default('none'),
  subjectId: z.string().trim().max(64).nullable().default(null),
  subjectLabel: Text('对象名称', 100, 0).default(''),
};

/** Staff intake (window, 办不成事, 吐槽, comment book typed in, 特邀监督员, 12345 by hand). */
export const ComplaintIntake = z.strictObject({
  source: ComplaintSource,
  type: ComplaintType,
  title: Text('标题', 100),
  content: Text('内容', 4000),
  anonymous: z.boolean().default(false),
  complainantName: Text('姓名', 40, 0).default(''),
  phone: Phone.or(z.literal('')).default(''),
  externalNo: z
    .string()
    .trim()
    .min(1)
    .max(64)
    .regex(/^[\w-]+$/, { message: '工单号格式不正确' })
    .nullable()
    .default(null),
  address: Text('地址', 200, 0).default(''),
  relatedCaseId: Id.nullable().default(null),
  ...Subject,
});
export type ComplaintIntake = z.infer<typeof ComplaintIntake>;
export type ComplaintIntakeInput = z.input<typeof ComplaintIntake>;

/** The public online form on the portal and the public report's feedback form (SEC-1, SEC-2). */
export const PublicComplaintInput = z.strictObject({
  regionCode: z.string().regex(/^\d{6}(\d{6})?$/, { message: '行政区划代码格式不正确' }),
  channel: z.enum(['online', 'report_feedback']).default('online'),
  type: ComplaintType,
  title: Text('标题', 100),
  content: Text('内容', 2000),
  anonymous: z.boolean().default(false),
  complainantName: Text('姓名', 40, 0).default(''),
  phone: Phone.or(z.literal('')).default(''),
});
export type PublicComplaintInput = z.infer<typeof PublicComplaintInput>;
export const PublicComplaintReply = z.object({ orderNo: z.string(), message: z.string() });
export type PublicComplaintReply = z.infer<typeof PublicComplaintReply>;

export const VersionBody = z.strictObject({ version: z.number().int().min(0) });

export const DispatchInput = z.strictObject({
  version: z.number().int().min(0),
  leadDepartmentId: Id,
  assistDepartmentIds: z.array(Id).max(10).default([]),
  note: Text('派单说明', 500, 0).default(''),
});
export type DispatchInput = z.infer<typeof DispatchInput>;

export const ReturnInput = z.strictObject({
  version: z.number().int().min(0),
  reason: Text('退单理由', 500),
});
export type ReturnInput = z.infer<typeof ReturnInput>;

/** The dispatch desk decides a disputed dispatch: accept the return and reassign, or keep it. */
export const DecideReturnInput = z.strictObject({
  version: z.number().int().min(0),
  accept: z.boolean(),
  leadDepartmentId: Id.nullable().default(null),
  assistDepartmentIds: z.array(Id).max(10).default([]),
  note: Text('裁定意见', 500),
});
export type DecideReturnInput = z.infer<typeof DecideReturnInput>;

export const NoteInput = z.strictObject({
  version: z.number().int().min(0),
  note: Text('办理记录', 2000),
});
export type NoteInput = z.infer<typeof NoteInput>;

export const ReplyInput = z.strictObject({
  version: z.number().int().min(0),
  text: Text('答复内容', 4000),
});
export type ReplyInput = z.infer<typeof ReplyInput>;

export const ComplaintCallbackInput = z.strictObject({
  version: z.number().int().min(0),
  result: CallbackResult,
  note: Text('回访记录', 1000),
});
export type ComplaintCallbackInput = z.infer<typeof ComplaintCallbackInput>;

export const MergeInput = z.strictObject({
  version: z.number().int().min(0),
  /** The record the duplicate joins. */
  intoId: Id,
});
export type MergeInput = z.infer<typeof MergeInput>;

export const CoordinateInput = z.strictObject({
  version: z.number().int().min(0),
  outcome: OutcomeKind,
  /** The case the matter was resolved with (reopened = a new case for the refused one). */
  outcomeCaseId: Id.nullable().default(null),
  note: Text('协调结果', 1000),
});
export type CoordinateInput = z.infer<typeof CoordinateInput>;

export const EscalateInput = z.strictObject({
  version: z.number().int().min(0),
  note: Text('报领导说明', 1000),
});

/**
 * The leader's decision on a matter the 办不成事 window could not solve, or on a 督办 order:
 * assign it to a department (it is dispatched there), decide it (the decision is the reply to the
 * complainant; callback and close follow), or instruct (批示) the department holding a late order.
 */
export const LeaderDecision = z.enum(['assigned', 'decided', 'instructed']);
export type LeaderDecision = z.infer<typeof LeaderDecision>;
export const LEADER_DECISION_LABELS: Record<LeaderDecision, string> = {
  assigned: '交办部门',
  decided: '领导决定',
  instructed: '批示督办',
};
export const LeaderDecideInput = z.strictObject({
  version: z.number().int().min(0),
  decision: LeaderDecision,
  /** assigned: the department that now leads the order. */
  departmentId: Id.nullable().default(null),
  note: Text('领导意见', 1000),
});
export type LeaderDecideInput = z.infer<typeof LeaderDecideInput>;

export const ReopenCaseInput = z.strictObject({
  version: z.number().int().min(0),
  /** The refused case the visitor came about. */
  caseId: Id,
});

export const ComplaintListQuery = z.object({
  status: ComplaintStatus.optional(),
  source: ComplaintSource.optional(),
  type: ComplaintType.optional(),
  departmentId: Id.optional(),
  /** mine = held by the actor's department. */
  scope: z.enum(['all', 'mine', 'desk', 'overdue']).default('all'),
  subjectKind: SubjectKind.optional(),
  subjectId: z.string().max(64).optional(),
  month: z
    .string()
    .regex(/^\d{4}-\d{2}$/)
    .optional(),
  q: z.string().trim().max(50).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
});
export type ComplaintListQuery = z.infer<typeof ComplaintListQuery>;

export const ComplaintSummary = z.object({
  id: z.string(),
  orderNo: z.string(),
  externalNo: z.string().nullable(),
  source: ComplaintSource,
  type: ComplaintType,
  title: z.string(),
  status: ComplaintStatus,
  anonymous: z.boolean(),
  complainantNameMasked: z.string(),
  phoneMasked: z.string(),
  subjectKind: SubjectKind,
  subjectId: z.string().nullable(),
  subjectLabel: z.string(),
  leadDepartmentId: z.string().nullable(),
  leadDepartmentName: z.string().nullable(),
  heldByDepartmentId: z.string().nullable(),
  heldByDepartmentName: z.string().nullable(),
  returnPending: z.boolean(),
  receivedAt: z.string(),
  dueDate: z.string(),
  overdue: z.boolean(),
  flagged: z.boolean(),
  reopenCount: z.number().int(),
  mergedIntoId: z.string().nullable(),
  version: z.number().int(),
});
export type ComplaintSummary = z.infer<typeof ComplaintSummary>;

export const ComplaintList = z.object({ items: z.array(ComplaintSummary), total: z.number().int() });
export type ComplaintList = z.infer<typeof ComplaintList>;

export const ComplaintEvent = z.object({
  seq: z.number().int(),
  type: z.string(),
  at: z.string(),
  actorName: z.string(),
  payload: z.record(z.string(), z.unknown()),
});
export const ComplaintHolding = z.object({
  departmentId: z.string(),
  departmentName: z.string(),
  fromAt: z.string(),
  untilAt: z.string().nullable(),
  endedBy: z.string().nullable(),
  workingDays: z.number().int(),
});

export const ComplaintAction = z.enum([
  'dispatch',
  'return',
  'decide_return',
  'note',
  'reply',
  'callback',
  'close',
  'merge',
  'supervise',
  'coordinate',
  'escalate',
  'lead',
]);
export type ComplaintAction = z.infer<typeof ComplaintAction>;

export const ComplaintDetail = ComplaintSummary.extend({
  content: z.string(),
  address: z.string(),
  relatedCaseId: z.string().nullable(),
  assistDepartmentIds: z.array(z.string()),
  catalogVersion: z.number().int().nullable(),
  dispatchedAt: z.string().nullable(),
  returnReason: z.string().nullable(),
  replyText: z.string().nullable(),
  repliedAt: z.string().nullable(),
  repliedById: z.string().nullable(),
  callbackResult: CallbackResult.nullable(),
  callbackNote: z.string().nullable(),
  callbackAt: z.string().nullable(),
  callbackById: z.string().nullable(),
  closedAt: z.string().nullable(),
  outcomeKind: OutcomeKind.nullable(),
  outcomeCaseId: z.string().nullable(),
  supervisedAt: z.string().nullable(),
  escalatedAt: z.string().nullable(),
  /** The comment book page's photo (GET /files/:sha256). */
  photoSha256: z.string().nullable(),
  leaderDecision: LeaderDecision.nullable(),
  leaderNote: z.string().nullable(),
  leaderDecidedAt: z.string().nullable(),
  merged: z.array(
    ComplaintSummary.pick({ id: true, orderNo: true, status: true, complainantNameMasked: true }).extend({
      replied: z.boolean(),
      calledBack: z.boolean(),
    }),
  ),
  events: z.array(ComplaintEvent),
  holdings: z.array(ComplaintHolding),
  /** What the signed-in person may do now (the web shows only these buttons). */
  actions: z.array(ComplaintAction),
});
export type ComplaintDetail = z.infer<typeof ComplaintDetail>;

export const DispatchSuggestion = z.object({
  catalogVersion: z.number().int().nullable(),
  leadDepartmentId: z.string().nullable(),
  leadDepartmentName: z.string().nullable(),
  assistDepartmentIds: z.array(z.string()),
  explanation: z.string(),
});
export type DispatchSuggestion = z.infer<typeof DispatchSuggestion>;

export const CatalogRuleInput = z.strictObject({
  type: ComplaintType.nullable().default(null),
  subjectKind: SubjectKind.nullable().default(null),
  subjectId: z.string().trim().max(64).nullable().default(null),
  leadDepartmentId: Id,
  assistDepartmentIds: z.array(Id).max(10).default([]),
  explanation: Text('说明', 500),
});
export const CatalogPublishInput = z.strictObject({
  note: Text('版本说明', 200, 0).default(''),
  rules: z.array(CatalogRuleInput).min(1, { message: '派单目录至少一条规则' }).max(500),
});
export type CatalogPublishInput = z.infer<typeof CatalogPublishInput>;
export const DispatchCatalog = z.object({
  version: z.number().int().nullable(),
  publishedAt: z.string().nullable(),
  note: z.string(),
  rules: z.array(CatalogRuleInput.extend({ id: z.string(), leadDepartmentName: z.string().nullable() })),
});
export type DispatchCatalog = z.infer<typeof DispatchCatalog>;
export const CatalogVersionSummary = z.object({
  version: z.number().int(),
  publishedAt: z.string(),
  publishedBy: z.string(),
  note: z.string(),
  rules: z.number().int(),
});
export const CatalogVersionList = z.object({ items: z.array(CatalogVersionSummary) });
export type CatalogVersionList = z.infer<typeof CatalogVersionList>;

/** The leader's screen: what the 办不成事 window sent up, and the 督办 (late, supervised) orders. */
export const LeaderBoard = z.object({
  escalated: z.array(ComplaintSummary.extend({ escalationNote: z.string() })),
  supervised: z.array(ComplaintSummary),
  decided: z.array(
    ComplaintSummary.extend({
      leaderDecision: LeaderDecision,
      leaderNote: z.string(),
      leaderDecidedAt: z.string(),
    }),
  ),
});
export type LeaderBoard = z.infer<typeof LeaderBoard>;

export const ComplaintSettings = z.object({ limits: z.record(ComplaintType, z.number().int()) });
export type ComplaintSettings = z.infer<typeof ComplaintSettings>;
export const ComplaintSettingsInput = z.strictObject({
  limits: z.partialRecord(ComplaintType, z.number().int().min(1).max(60)),
});

export const ImportRowError = z.object({ row: z.number().int(), reasons: z.array(z.string()) });
export const ImportResult = z.object({
  imported: z.number().int(),
  orderNos: z.array(z.string()),
});
export type ImportResult = z.infer<typeof ImportResult>;

export const ComplaintFigureRow = z.object({
  key: z.string(),
  label: z.string(),
  total: z.number().int(),
  closed: z.number().int(),
  onTime: z.number().int(),
  calledBack: z.number().int(),
  satisfied: z.number().int(),
  repeat: z.number().int(),
  onTimeRate: z.number().nullable(),
  callbackRate: z.number().nullable(),
  satisfactionRate: z.number().nullable(),
});
export type ComplaintFigureRow = z.infer<typeof ComplaintFigureRow>;
export const ComplaintFigureDimension = z.enum(['department', 'window', 'staff', 'type', 'month', 'source']);
export type ComplaintFigureDimension = z.infer<typeof ComplaintFigureDimension>;
export const ComplaintFiguresQuery = z.object({
  by: ComplaintFigureDimension.default('department'),
  from: IsoDate.optional(),
  to: IsoDate.optional(),
});
export type ComplaintFiguresQuery = z.infer<typeof ComplaintFiguresQuery>;
export const ComplaintFigures = z.object({
  by: ComplaintFigureDimension,
  /** RATE-1: each rate's written definition. */
  definitions: z.record(z.string(), z.string()),
  total: ComplaintFigureRow,
  rows: z.array(ComplaintFigureRow),
});
export type ComplaintFigures = z.infer<typeof ComplaintFigures>;

/** 办不成事 window: refused and stuck cases to look at. */
export const UnresolvedCase = z.object({
  caseId: z.string(),
  caseNo: z.string(),
  itemName: z.string(),
  departmentName: z.string(),
  status: z.string(),
  reason: z.string(),
  at: z.string().nullable(),
  kind: z.enum(['refused', 'overdue']),
});
export const UnresolvedBoard = z.object({
  cases: z.array(UnresolvedCase),
  matters: z.array(ComplaintSummary),
});
export type UnresolvedBoard = z.infer<typeof UnresolvedBoard>;

export const ReopenCaseReply = z.object({ caseId: z.string(), caseNo: z.string() });

export const ComplaintErrorCode = {
  NOT_FOUND: 'COMPLAINT_NOT_FOUND',
  STALE: 'COMPLAINT_STALE',
  WRONG_STATUS: 'COMPLAINT_WRONG_STATUS',
  NOT_HOLDER: 'COMPLAINT_NOT_HOLDER',
  RETURN_TOO_LATE: 'COMPLAINT_RETURN_TOO_LATE',
  RETURN_PENDING: 'COMPLAINT_RETURN_PENDING',
  NO_REPLY: 'COMPLAINT_NO_REPLY',
  NO_CALLBACK: 'COMPLAINT_NO_CALLBACK',
  CALLBACK_BY_HANDLER: 'COMPLAINT_CALLBACK_BY_HANDLER',
  CLOSE_BY_HANDLER: 'COMPLAINT_CLOSE_BY_HANDLER',
  MERGE_CROSS_REGION: 'COMPLAINT_MERGE_CROSS_REGION',
  MERGE_INVALID: 'COMPLAINT_MERGE_INVALID',
  MERGED_OPEN: 'COMPLAINT_MERGED_NOT_CALLED_BACK',
  DEPARTMENT_UNKNOWN: 'COMPLAINT_DEPARTMENT_UNKNOWN',
  DUPLICATE_EXTERNAL_NO: 'COMPLAINT_DUPLICATE_EXTERNAL_NO',
  SHEET_INVALID: 'COMPLAINT_SHEET_INVALID',
  NAME_REQUIRED: 'COMPLAINT_NAME_REQUIRED',
  CASE_NOT_REFUSED: 'COMPLAINT_CASE_NOT_REFUSED',
  OUTCOME_CASE_REQUIRED: 'COMPLAINT_OUTCOME_CASE_REQUIRED',
  NOT_OVERDUE: 'COMPLAINT_NOT_OVERDUE',
  NOT_FOR_LEADER: 'COMPLAINT_NOT_FOR_LEADER',
  PHOTO_NOT_COMMENT_BOOK: 'COMPLAINT_PHOTO_NOT_COMMENT_BOOK',
  CATALOG_VERSION_NOT_FOUND: 'COMPLAINT_CATALOG_VERSION_NOT_FOUND',
} as const;
export type ComplaintErrorCode = (typeof ComplaintErrorCode)[keyof typeof ComplaintErrorCode];

// ── Open311 GeoReport v2 ─────────────────────────────────────────────────

export const Open311Service = z.object({
  service_code: z.string(),
  service_name: z.string(),
  description: z.string(),
  metadata: z.boolean(),
  type: z.enum(['realtime', 'batch', 'blackbox']),
  keywords: z.string(),
  group: z.string(),
});
export const Open311Request = z.object({
  service_request_id: z.string(),
  status: z.enum(['open', 'closed']),
  status_notes: z.string().nullable(),
  service_name: z.string(),
  service_code: z.string(),
  description: z.string(),
  agency_responsible: z.string().nullable(),
  service_notice: z.string().nullable(),
  requested_datetime: z.string(),
  updated_datetime: z.string(),
  expected_datetime: z.string().nullable(),
  address: z.string().nullable(),
  address_id: z.string().nullable(),
  zipcode: z.string().nullable(),
  lat: z.number().nullable(),
  long: z.number().nullable(),
  media_url: z.string().nullable(),
});
export type Open311Request = z.infer<typeof Open311Request>;
export const Open311RequestsQuery = z.object({
  jurisdiction_id: z
    .string()
    .regex(/^\d{6}(\d{6})?$/)
    .optional(),
  service_request_id: z.string().max(500).optional(),
  service_code: z.string().max(50).optional(),
  start_date: z.string().max(40).optional(),
  end_date: z.string().max(40).optional(),
  status: z.string().max(20).optional(),
});
export const Open311PostInput = z.object({
  jurisdiction_id: z
    .string()
    .regex(/^\d{6}(\d{6})?$/)
    .optional(),
  service_code: ComplaintType,
  description: Text('description', 2000),
  address_string: z.string().max(200).optional(),
  lat: z.coerce.number().min(-90).max(90).optional(),
  long: z.coerce.number().min(-180).max(180).optional(),
  first_name: z.string().max(20).optional(),
  last_name: z.string().max(20).optional(),
  phone: z.string().max(20).optional(),
  email: z.string().max(100).optional(),
  device_id: z.string().max(100).optional(),
  account_id: z.string().max(100).optional(),
  media_url: z.string().max(500).optional(),
});
export const Open311PostReply = z.array(
  z.object({
    service_request_id: z.string(),
    service_notice: z.string(),
    account_id: z.string().nullable(),
  }),
);
