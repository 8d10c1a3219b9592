import { z } from 'zod';
import { Id, IsoDate } from './org';
import { ClockState, SuspensionKind } from './calendar';
import { isValidCreditCode } from './validators/credit-code';
import { isValidIdCardNumber } from './validators/id-card';

/**
 * Cases (办件), DOMAIN.md "Cases": applicants, intake at a window (受理/容缺受理/一次性告知/不予受理),
 * the back office along the item's step template, the decision, the e-license and delivery (出件),
 * and the applicant portal. The API is written up in docs/api-cases.md.
 */

const Text = (label: string, max: number, min = 1) =>
  z
    .string()
    .trim()
    .min(min, { message: `${label}不能为空` })
    .max(max, { message: `${label}不超过 ${max} 个字` });

export const CaseChannel = z.enum(['window', 'online', 'kiosk', 'mail', 'agent']);
export type CaseChannel = z.infer<typeof CaseChannel>;
export const CASE_CHANNEL_LABELS: Record<CaseChannel, string> = {
  window: '窗口',
  online: '网上申报',
  kiosk: '自助终端',
  mail: '邮寄',
  agent: '帮办代办',
};

export const CaseStatus = z.enum([
  'draft',
  'submitted',
  'supplement_requested',
  'accepted',
  'refused',
  'decided',
  'delivered',
  'withdrawn',
]);
export type CaseStatus = z.infer<typeof CaseStatus>;
export const CASE_STATUS_LABELS: Record<CaseStatus, string> = {
  draft: '草稿',
  submitted: '待受理',
  supplement_requested: '待补正',
  accepted: '办理中',
  refused: '不予受理',
  decided: '已办结待出件',
  delivered: '已出件',
  withdrawn: '已撤回',
};

export const DeliveryMethod = z.enum(['window', 'post', 'electronic']);
export type DeliveryMethod = z.infer<typeof DeliveryMethod>;
export const DELIVERY_METHOD_LABELS: Record<DeliveryMethod, string> = {
  window: '窗口领取',
  post: '邮寄送达',
  electronic: '电子送达',
};

export const NoticeKind = z.enum(['accept', 'refuse', 'supplement', 'suspend', 'extend', 'decide']);
export type NoticeKind = z.infer<typeof NoticeKind>;
export const NOTICE_KIND_LABELS: Record<NoticeKind, string> = {
  accept: '受理通知书',
  refuse: '不予受理通知书',
  supplement: '补正材料通知书（一次性告知）',
  suspend: '特别程序（中止）告知书',
  extend: '延长办理期限告知书',
  decide: '行政决定书',
};

// ── Applicants (ID-1) ───────────────────────────────────────────────────────

export const Phone = z
  .string()
  .trim()
  .regex(/^(1\d{10}|0\d{2,3}-?\d{7,8})$/, { message: '电话号码格式不正确（手机 11 位或区号-号码）' });

export const IdCardNumber = z
  .string()
  .trim()
  .toUpperCase()
  .refine((v) => isValidIdCardNumber(v), { message: '公民身份号码不正确（校验码或出生日期有误）' });
export const CreditCode = z
  .string()
  .trim()
  .toUpperCase()
  .refine(isValidCreditCode, { message: '统一社会信用代码不正确（校验码有误）' });

export const PersonApplicantInput = z.strictObject({
  kind: z.literal('person'),
  name: Text('姓名', 50),
  idNumber: IdCardNumber,
  phone: Phone,
});
export type PersonApplicantInput = z.infer<typeof PersonApplicantInput>;

export const EnterpriseApplicantInput = z.strictObject({
  kind: z.literal('enterprise'),
  name: Text('单位名称', 200),
  idNumber: CreditCode,
  legalRepresentative: Text('法定代表人', 50),
  contactName: Text('联系人', 50),
  phone: Phone,
});
export type EnterpriseApplicantInput = z.infer<typeof EnterpriseApplicantInput>;

export const ApplicantInput = z.discriminatedUnion('kind', [PersonApplicantInput, EnterpriseApplicantInput]);
export type ApplicantInput = z.infer<typeof ApplicantInput>;

/**
 * Look-up by identity number: sent in a POST body, never in a URL, so the number reaches no request
 * log, proxy log or browser history (issue 12, point 7).
 */
export const ApplicantLookup = z.strictObject({
  idNumber: z.string().trim().toUpperCase().min(1).max(30),
});

/** Identity numbers are never shown in full: `1101**********002X`. */
export const Applicant = z.object({
  id: z.string(),
  regionCode: z.string(),
  kind: z.enum(['person', 'enterprise']),
  name: z.string(),
  idNumberMasked: z.string(),
  phoneMasked: z.string(),
  legalRepresentative: z.string().nullable(),
  contactName: z.string().nullable(),
});
export type Applicant = z.infer<typeof Applicant>;

// ── Intake ──────────────────────────────────────────────────────────────────

export const MaterialStatus = z.enum(['provided', 'missing', 'deferred', 'from_license', 'not_applicable']);
export type MaterialStatus = z.infer<typeof MaterialStatus>;
export const MATERIAL_STATUS_LABELS: Record<MaterialStatus, string> = {
  provided: '已提交',
  missing: '缺少',
  deferred: '容缺后补',
  from_license: '免提交（电子证照）',
  not_applicable: '不适用',
};

const MaterialName = Text('材料名称', 200);
const Version = z.number().int().min(0).max(1_000_000);

export const VersionOnly = z.strictObject({ version: Version });
export type VersionOnly = z.infer<typeof VersionOnly>;

/** 受理 / 容缺受理: deferred materials (deferrable ones only) with their due dates. */
export const AcceptInput = z.strictObject({
  version: Version,
  deferred: z
    .array(z.strictObject({ name: MaterialName, dueDate: IsoDate }))
    .max(50)
    .default([]),
});
export type AcceptInput = z.infer<typeof AcceptInput>;

/** 一次性告知 (ACC-1): every missing material is listed by the server; faulty ones are added here. */
export const SupplementInput = z.strictObject({
  version: Version,
  faulty: z
    .array(z.strictObject({ name: MaterialName, reason: Text('补正理由', 500) }))
    .max(100)
    .default([]),
  note: Text('说明', 1000, 0).default(''),
});
export type SupplementInput = z.infer<typeof SupplementInput>;

export const SupplementReceivedInput = z.strictObject({
  version: Version,
  materials: z.array(MaterialName).max(100).default([]),
  /** Handed in at a window (counts as a visit) rather than online or by post. */
  atWindow: z.boolean().default(true),
});
export type SupplementReceivedInput = z.infer<typeof SupplementReceivedInput>;

/** 不予受理: the reason and the body to apply to instead; lands in the 办不成事 list. */
export const RefuseInput = z.strictObject({
  version: Version,
  reason: Text('不予受理理由', 1000),
  redirectTo: Text('告知向有关机关申请', 200),
});
export type RefuseInput = z.infer<typeof RefuseInput>;

export const DecisionOutcome = z.enum(['grant', 'deny']);
export type DecisionOutcome = z.infer<typeof DecisionOutcome>;

const DecisionFields = {
  version: Version,
  outcome: DecisionOutcome,
  opinion: Text('审批意见', 2000, 0).default(''),
  reason: Text('理由', 2000, 0).default(''),
  legalBasis: Text('法律依据', 1000, 0).default(''),
};
const denyNeedsReasons = (v: { outcome: DecisionOutcome; reason: string; legalBasis: string }) =>
  v.outcome === 'grant' || (v.reason.length > 0 && v.legalBasis.length > 0);
const DENY_MESSAGE = { message: '不予许可须写明理由和法律依据', path: ['reason'] };

/** 准予 / 不予: 不予 needs reason and legal basis (remedies are added to the notice). */
export const DecideInput = z.strictObject(DecisionFields).refine(denyNeedsReasons, DENY_MESSAGE);
export type DecideInput = z.infer<typeof DecideInput>;
/** 即办件: accepted and decided on the spot by a clerk of the item's department. */
export const InstantDecisionInput = DecideInput;

/** The window's decision sent with the intake (the bodies of the four intake transitions, no version). */
export const CaseIntakeDecision = z.discriminatedUnion('action', [
  z.strictObject({ action: z.literal('accept'), body: AcceptInput.omit({ version: true }) }),
  z.strictObject({ action: z.literal('request-supplement'), body: SupplementInput.omit({ version: true }) }),
  z.strictObject({ action: z.literal('refuse'), body: RefuseInput.omit({ version: true }) }),
  z.strictObject({
    action: z.literal('instant-decision'),
    body: z
      .strictObject({ ...DecisionFields, version: Version.optional() })
      .refine(denyNeedsReasons, DENY_MESSAGE),
  }),
]);
export type CaseIntakeDecision = z.infer<typeof CaseIntakeDecision>;

/** POST /api/cases — a clerk receives an application at a window (受审分离: windows only). */
export const CaseCreate = z.strictObject({
  itemId: Id,
  applicantId: Id,
  agentId: Id.nullable().default(null),
  channel: CaseChannel.exclude(['online']).default('window'),
  /**
   * Materials handed in. Required ones not listed are missing unless an e-license covers them (免提交);
   * conditional ones not listed do not apply — list them as `missing` when they apply but are absent.
   */
  materials: z
    .array(z.strictObject({ name: MaterialName, status: z.enum(['provided', 'not_applicable', 'missing']) }))
    .max(100)
    .default([]),
  /**
   * Issue 14 point 7: the window's decision, taken with the intake in one step, so nothing is
   * created until the clerk confirms it (an abandoned intake leaves no case). Without it the case
   * is only received (待受理), as an API client may still want.
   */
  decision: CaseIntakeDecision.optional(),
});
export type CaseCreate = z.infer<typeof CaseCreate>;
export type CaseCreateInput = z.input<typeof CaseCreate>;

export const DeferredReceivedInput = z.strictObject({
  version: Version,
  names: z.array(MaterialName).min(1).max(50),
});

export const OpinionInput = z.strictObject({ version: Version, opinion: Text('审查意见', 2000) });
export const ReasonInput = z.strictObject({ version: Version, reason: Text('理由', 1000) });
export const TransferInput = z.strictObject({
  version: Version,
  toUserId: Id,
  reason: Text('转办理由', 1000),
});
/** Someone a case may be transferred to (转办): an approver or the head of the case's department. */
export const TransferCandidate = z.object({
  id: Id,
  displayName: z.string(),
  role: z.enum(['approver', 'dept_head']),
  /** The step this person already signed on the case, if any: SOD-1 forbids a second signature. */
  signedStep: z.string().nullable(),
});
export type TransferCandidate = z.infer<typeof TransferCandidate>;

export const UrgeInput = z.strictObject({ version: Version, note: Text('催办内容', 1000) });
export const SuspendInput = z.strictObject({
  version: Version,
  kind: SuspensionKind,
  expectedDays: z.number().int().min(1).max(3650),
  reason: Text('理由', 1000),
});
export type SuspendInput = z.infer<typeof SuspendInput>;
export const ExtensionRequestInput = z.strictObject({
  version: Version,
  days: z.number().int().min(1).max(3650),
  reason: Text('延期理由', 1000),
});
export const ExtensionDecisionInput = z.strictObject({
  version: Version,
  approved: z.boolean(),
  note: Text('意见', 1000, 0).default(''),
});
export const DeliveryPrepareInput = z
  .strictObject({
    version: Version,
    method: DeliveryMethod,
    trackingNo: z
      .string()
      .trim()
      .regex(/^[0-9A-Za-z-]{6,40}$/, { message: '快递单号格式不正确' })
      .nullable()
      .default(null),
  })
  .refine((v) => v.method !== 'post' || v.trackingNo !== null, {
    message: '邮寄送达须填写快递单号',
    path: ['trackingNo'],
  });
export type DeliveryPrepareInput = z.infer<typeof DeliveryPrepareInput>;
/**
 * 出件签收 at the window (issue 14 point 8): who collected, identified by their identity number
 * (compared by keyed hash, never stored in clear); an agent also needs the 授权委托书 checked unless
 * they are the case's registered agent.
 */
export const DeliveryReceiver = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('applicant'), idNumber: z.string().trim().toUpperCase().min(1).max(30) }),
  z.strictObject({
    kind: z.literal('agent'),
    idNumber: IdCardNumber,
    authorisationChecked: z.boolean().default(false),
  }),
]);
export type DeliveryReceiver = z.infer<typeof DeliveryReceiver>;
export const DeliverInput = z.strictObject({
  version: Version,
  receivedBy: Text('签收人', 50),
  receiver: DeliveryReceiver.optional(),
});
export const VisitInput = z.strictObject({ version: Version, purpose: Text('来访事由', 200) });
export const WithdrawInput = z.strictObject({ version: Version, reason: Text('撤回理由', 500) });

export const CaseListQuery = z.strictObject({
  status: CaseStatus.optional(),
  /** review: the department's back-office queue; mine: assigned to me; extension: waiting for the head. */
  queue: z.enum(['review', 'mine', 'extension', 'intake']).optional(),
  departmentId: Id.optional(),
  clock: ClockState.optional(),
  q: z.string().trim().max(50).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
});
export type CaseListQuery = z.infer<typeof CaseListQuery>;

export const OverdueQuery = z.strictObject({ departmentId: Id.optional() });

// ── Replies ─────────────────────────────────────────────────────────────────

export const CaseClockSummary = z.object({
  state: ClockState,
  phase: z.enum(['acceptance', 'awaiting_supplement', 'decision', 'delivery', 'done']),
  /** Deadline of the clock that matters in this phase (legal deadline while deciding). */
  deadline: z.string(),
  leftWorkingDays: z.number(),
  /** ACC-1: not answered within 5 working days of receipt, so it counts as accepted. */
  deemedAccepted: z.boolean(),
  /** CAL-2: the deadline falls in a year whose holiday notice is not loaded yet (暂定); absent = final. */
  provisional: z.boolean().optional(),
});
export type CaseClockSummary = z.infer<typeof CaseClockSummary>;

export const CaseSummary = z.object({
  id: z.string(),
  caseNo: z.string(),
  regionCode: z.string(),
  itemId: z.string(),
  itemVersionId: z.string(),
  itemName: z.string(),
  departmentId: z.string(),
  departmentName: z.string(),
  applicantName: z.string(),
  applicantIdMasked: z.string(),
  channel: CaseChannel,
  status: CaseStatus,
  stepIndex: z.number(),
  stepName: z.string().nullable(),
  assigneeId: z.string().nullable(),
  /** How the result is to be delivered, once 准备出件 is done (null before). */
  deliveryMethod: DeliveryMethod.nullable(),
  suspended: z.boolean(),
  extensionStatus: z.enum(['requested', 'approved', 'rejected']).nullable(),
  outcome: DecisionOutcome.nullable(),
  receivedAt: z.string().nullable(),
  visits: z.number(),
  maxVisits: z.number().nullable(),
  version: z.number(),
  clock: CaseClockSummary.nullable(),
});
export type CaseSummary = z.infer<typeof CaseSummary>;

/** `GET /api/cases/refused`: 不予受理 cases with the refusal (办不成事反映窗口 review). */
export const RefusedCase = CaseSummary.extend({
  refusal: z
    .object({
      reason: z.string(),
      redirectTo: z.string(),
      noticeNo: z.string(),
      at: z.string().nullable(),
      by: z.string(),
    })
    .nullable(),
});
export type RefusedCase = z.infer<typeof RefusedCase>;

/** 超期办件: the red cases, and how many each department has (SUP-1). */
export const OverdueReply = z.object({
  items: z.array(CaseSummary),
  departments: z.array(z.object({ departmentId: z.string(), departmentName: z.string(), cases: z.number() })),
});
export type OverdueReply = z.infer<typeof OverdueReply>;

export const CaseMaterial = z.object({
  name: z.string(),
  required: z.boolean(),
  deferrable: z.boolean(),
  status: MaterialStatus,
  dueDate: z.string().nullable(),
  licenseId: z.string().nullable(),
  fileSha256: z.string().nullable(),
  receivedAt: z.string().nullable(),
});
export type CaseMaterial = z.infer<typeof CaseMaterial>;

/**
 * POST /api/cases/intake-preview — the materials as the case would record them (免提交 ones taken
 * from the applicant's e-licenses), before anything is created (issue 14 point 7).
 */
export const IntakePreview = z.object({ materials: z.array(CaseMaterial) });
export type IntakePreview = z.infer<typeof IntakePreview>;

export const CaseNotice = z.object({
  id: z.string(),
  caseId: z.string(),
  kind: NoticeKind,
  title: z.string(),
  noticeNo: z.string(),
  issuedAt: z.string(),
  content: z.record(z.string(), z.unknown()),
});
export type CaseNotice = z.infer<typeof CaseNotice>;

export const CaseEventView = z.object({
  seq: z.number(),
  type: z.string(),
  at: z.string(),
  actorId: z.string().nullable(),
  actorName: z.string(),
  payload: z.record(z.string(), z.unknown()),
});
export type CaseEventView = z.infer<typeof CaseEventView>;

export const License = z.object({
  id: z.string(),
  typeCode: z.string(),
  typeName: z.string(),
  holderName: z.string(),
  holderIdMasked: z.string(),
  issuerName: z.string(),
  issuerCreditCode: z.string(),
  validFrom: z.string(),
  validUntil: z.string().nullable(),
  status: z.enum(['valid', 'revoked', 'expired']),
  caseNo: z.string(),
  issuedAt: z.string(),
  /** SEC-2: the random token of the public verification URL and QR (/verify/{token}); never the id. */
  verifyToken: z.string(),
});
export type License = z.infer<typeof License>;

/**
 * What a user may do on a case now, in the order the action bar shows them. The server computes
 * them (cases.policy allowedCaseActions) from the case's state and the user's role; the web shows
 * these buttons and nothing else.
 */
export const CaseActionKey = z.enum([
  'resume',
  'decide',
  'complete',
  'return',
  'transfer',
  'suspend',
  'extension',
  'approveExtension',
  'rejectExtension',
  'urge',
  'deferredReceived',
  'delivery',
  'deliver',
  'visit',
  'withdraw',
]);
export type CaseActionKey = z.infer<typeof CaseActionKey>;

export const CaseDetail = CaseSummary.extend({
  steps: z.array(z.string()),
  agentName: z.string().nullable(),
  applicant: Applicant,
  materials: z.array(CaseMaterial),
  notices: z.array(CaseNotice),
  events: z.array(CaseEventView),
  license: License.nullable(),
  delivery: z
    .object({ method: DeliveryMethod, trackingNo: z.string().nullable(), preparedAt: z.string() })
    .nullable(),
  deliveredAt: z.string().nullable(),
  deferredOutstanding: z.array(z.string()),
  /** The full derived clock (ACC-1, DEC-1 with SUS-1 pauses and the extension, DEL-1). */
  clockDetail: z.unknown(),
  signers: z.record(z.string(), z.string()),
  /** SEC-2: the 查询码 the applicant tracks the case with (printed on the receipt); null before 0014. */
  queryCode: z.string().nullable(),
  /** SEC-1: the contact this case was filed with (online: as typed; window: the applicant's). */
  contact: z.object({ name: z.string(), phoneMasked: z.string() }).nullable(),
  /** The actions the signed-in user may take on the case now (from the server's rules). */
  allowedActions: z.array(CaseActionKey),
});
export type CaseDetail = z.infer<typeof CaseDetail>;

/**
 * The public verification of an e-license (no sign-in), by its verification token (SEC-2: the id is
 * built from a serial and could be generated). The check character of the found license's id is
 * recomputed. An unknown token and a malformed one answer alike: found false, nothing else.
 */
export const LicenseVerification = z.object({
  id: z.string().nullable(),
  checkCharacterValid: z.boolean(),
  found: z.boolean(),
  license: License.omit({ caseNo: true, verifyToken: true }).nullable(),
  /** The public address of this verification, from the configured PUBLIC_BASE_URL (null if not found). */
  verifyUrl: z.string().nullable(),
});
export type LicenseVerification = z.infer<typeof LicenseVerification>;

// ── Applicant portal (no sign-in) ──────────────────────────────────────────

export const DraftToken = z.string().regex(/^[A-Za-z0-9_-]{32,64}$/, { message: '草稿凭证格式不正确' });

/** Free-form form fields of an online draft, checked in full only on submission. */
export const DraftSave = z.strictObject({
  itemId: Id,
  data: z
    .record(z.string().max(50), z.union([z.string().max(1000), z.number(), z.boolean(), z.null()]))
    .refine((r) => Object.keys(r).length <= 50, { message: '草稿字段过多' })
    .default({}),
});
export type DraftSave = z.infer<typeof DraftSave>;

export const PublicSubmit = z.strictObject({
  draftToken: DraftToken,
  applicant: ApplicantInput,
  agent: PersonApplicantInput.nullable().default(null),
});
export type PublicSubmit = z.infer<typeof PublicSubmit>;

/** The answer to an online submission: the case number and the 查询码 to track it with (SEC-2). */
export const PublicSubmitResult = z.object({
  caseNo: z.string(),
  queryCode: z.string(),
  status: CaseStatus,
  statusLabel: z.string(),
  itemName: z.string(),
  receivedAt: z.string().nullable(),
});
export type PublicSubmitResult = z.infer<typeof PublicSubmitResult>;

/**
 * SEC-2: 查询码, the applicant's non-guessable way in to public tracking: 10 characters from an
 * alphabet without look-alikes (no 0/O, 1/I/L), printed on the receipt and shown after an online
 * submission. Spaces and hyphens typed between the characters are ignored.
 */
export const QUERY_CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const QUERY_CODE_LENGTH = 10;
export const QueryCode = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[2-9A-HJKMNP-Z\s-]{10,20}$/, { message: '查询码格式不正确（10 位字母和数字）' });

/** Public tracking: the case number (sequential, for staff) and the case's 查询码. */
export const TrackInput = z.strictObject({
  caseNo: z
    .string()
    .trim()
    .regex(/^\d{6,12}-\d{8}-\d{5}$/, { message: '办件编号格式不正确' }),
  queryCode: QueryCode,
});
export type TrackInput = z.infer<typeof TrackInput>;

export const TrackNoticeInput = TrackInput.extend({ noticeId: Id });
export type TrackNoticeInput = z.infer<typeof TrackNoticeInput>;
