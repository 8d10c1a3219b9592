// Contracts of the bundles module (一件事一次办, issue 20): request and reply schemas, error codes,
// labels. BUN-1, DEC-2.
import { z } from 'zod';
import { ApplicantInput, DeliveryMethod, QueryCode } from './cases';
import { Id } from './org';

const Text = (label: string, max: number, min = 1) =>
  z
    .string()
    .trim()
    .min(min, { message: `${label}不能为空` })
    .max(max, { message: `${label}不超过 ${max} 个字` });

export const BundleErrorCode = {
  NOT_FOUND: 'BUNDLE_NOT_FOUND',
  ITEM_OTHER_REGION: 'BUNDLE_ITEM_OTHER_REGION',
  ITEM_NOT_PUBLISHED: 'BUNDLE_ITEM_NOT_PUBLISHED',
  ONE_DEPARTMENT: 'BUNDLE_ONE_DEPARTMENT',
  DEPENDENCY_CYCLE: 'BUNDLE_DEPENDENCY_CYCLE',
  DEPENDENCY_UNKNOWN: 'BUNDLE_DEPENDENCY_UNKNOWN',
  CODE_TAKEN: 'BUNDLE_CODE_TAKEN',
  NOT_DRAFT: 'BUNDLE_NOT_DRAFT',
  NOT_PUBLISHED: 'BUNDLE_NOT_PUBLISHED',
  UNKNOWN_MATERIAL: 'BUNDLE_UNKNOWN_MATERIAL',
  MISSING_FIELD: 'BUNDLE_MISSING_FIELD',
  BRANCH_WAITING: 'BUNDLE_BRANCH_WAITING',
  SOD_ACROSS_BRANCHES: 'BUNDLE_SOD_ACROSS_BRANCHES',
  NOT_CONCLUDED: 'BUNDLE_NOT_CONCLUDED',
  WRONG_STATUS: 'BUNDLE_WRONG_STATUS',
  EXTENSION_USED: 'BUNDLE_EXTENSION_USED',
  EXTENSION_NOT_REQUESTED: 'BUNDLE_EXTENSION_NOT_REQUESTED',
  EXTENSION_TOO_LONG: 'BUNDLE_EXTENSION_TOO_LONG',
  BRANCH_NOT_IN_BUNDLE: 'BUNDLE_BRANCH_NOT_IN_BUNDLE',
  STALE: 'BUNDLE_STALE',
} as const;
export type BundleErrorCode = (typeof BundleErrorCode)[keyof typeof BundleErrorCode];

export const BundleStatus = z.enum(['open', 'awaiting_choice', 'concluded', 'delivered', 'withdrawn']);
export type BundleStatus = z.infer<typeof BundleStatus>;
export const BUNDLE_STATUS_LABELS: Record<BundleStatus, string> = {
  open: '办理中',
  awaiting_choice: '待申请人选择',
  concluded: '已办结',
  delivered: '已出件',
  withdrawn: '已撤回',
};

export const BranchStatus = z.enum([
  'submitted',
  'supplement_requested',
  'accepted',
  'granted',
  'denied',
  'refused',
  'withdrawn',
]);
export type BranchStatus = z.infer<typeof BranchStatus>;
export const BRANCH_STATUS_LABELS: Record<BranchStatus, string> = {
  submitted: '待受理',
  supplement_requested: '待补正（本分支暂停）',
  accepted: '审查中',
  granted: '准予',
  denied: '不予许可',
  refused: '不予受理',
  withdrawn: '已撤回',
};

export const BundleVersionStatus = z.enum(['draft', 'published', 'retired']);
export type BundleVersionStatus = z.infer<typeof BundleVersionStatus>;
export const BUNDLE_VERSION_STATUS_LABELS: Record<BundleVersionStatus, string> = {
  draft: '草稿',
  published: '已发布',
  retired: '已停用',
};

const FieldKey = z
  .string()
  .trim()
  .regex(/^[a-z][a-zA-Z0-9_]{0,39}$/, { message: '字段标识只能是字母、数字和下划线，以小写字母开头' });

/** POST /api/bundles/definitions — a new theme with its draft version 1 (or a new draft of it). */
export const BundleDefinitionInput = z.strictObject({
  code: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9_-]{2,40}$/, { message: '主题编码为 2–40 位字母、数字、- 或 _' }),
  name: Text('主题名称', 100),
  description: Text('主题说明', 2000, 0).default(''),
  items: z
    .array(z.strictObject({ itemId: Id, dependsOn: z.array(Id).max(10).default([]) }))
    .min(2, { message: '一件事至少包括两个事项' })
    .max(10, { message: '一件事最多包括 10 个事项' }),
  /** Fields the items ask beyond the shared ones; the same key across items is asked once. */
  formFields: z
    .array(
      z.strictObject({ key: FieldKey, label: Text('字段名称', 50), itemIds: z.array(Id).min(1).max(10) }),
    )
    .max(40)
    .default([]),
  /** 一业一证: the comprehensive industry license this theme issues; null = none. */
  licenseTypeName: Text('综合许可证名称', 100).nullable().default(null),
});
export type BundleDefinitionInput = z.infer<typeof BundleDefinitionInput>;
export type BundleDefinitionInputRaw = z.input<typeof BundleDefinitionInput>;

export const BundleFormField = z.object({
  key: z.string(),
  label: z.string(),
  itemIds: z.array(z.string()),
  shared: z.boolean(),
});
export type BundleFormField = z.infer<typeof BundleFormField>;

export const BundleMaterial = z.object({
  name: z.string(),
  required: z.boolean(),
  itemIds: z.array(z.string()),
  itemNames: z.array(z.string()),
});
export type BundleMaterial = z.infer<typeof BundleMaterial>;

export const BundleDefinitionItem = z.object({
  itemId: z.string(),
  itemName: z.string(),
  departmentId: z.string(),
  departmentName: z.string(),
  legalLimitDays: z.number().nullable(),
  promisedLimitDays: z.number().nullable(),
  dependsOn: z.array(z.string()),
});
export type BundleDefinitionItem = z.infer<typeof BundleDefinitionItem>;

export const BundleDefinition = z.object({
  id: z.string(),
  versionId: z.string(),
  regionCode: z.string(),
  code: z.string(),
  versionNo: z.number(),
  status: BundleVersionStatus,
  name: z.string(),
  description: z.string(),
  licenseTypeCode: z.string().nullable(),
  licenseTypeName: z.string().nullable(),
  items: z.array(BundleDefinitionItem),
  formFields: z.array(BundleFormField),
  materials: z.array(BundleMaterial),
  /** Working days along the longest chain of promised limits (dependencies in sequence). */
  expectedDays: z.number(),
  publishedAt: z.string().nullable(),
});
export type BundleDefinition = z.infer<typeof BundleDefinition>;

export const BundleDefinitionList = z.object({ items: z.array(BundleDefinition) });
export type BundleDefinitionList = z.infer<typeof BundleDefinitionList>;

/** The guide generated from the items (web, print, .docx): 一次告知. */
export const BundleGuide = z.object({
  definition: BundleDefinition,
  items: z.array(
    z.object({
      itemId: z.string(),
      itemName: z.string(),
      departmentName: z.string(),
      conditions: z.string(),
      process: z.string(),
      location: z.string(),
      consultPhone: z.string(),
    }),
  ),
  legalLimitDays: z.number(),
});
export type BundleGuide = z.infer<typeof BundleGuide>;

const FormValues = z.record(FieldKey, z.string().trim().max(500)).default({});
const MaterialGiven = z.strictObject({
  name: Text('材料名称', 200),
  status: z.enum(['provided', 'missing', 'not_applicable']),
});

/** POST /api/bundles — one application at the comprehensive window (一窗受理). */
export const BundleIntake = z.strictObject({
  definitionId: Id,
  applicantId: Id,
  formValues: FormValues,
  materials: z.array(MaterialGiven).max(100).default([]),
  /** Accept every branch whose materials are complete on the spot (else they wait for the window). */
  accept: z.boolean().default(true),
});
export type BundleIntake = z.infer<typeof BundleIntake>;
export type BundleIntakeRaw = z.input<typeof BundleIntake>;

/** POST /api/public/bundles — one application online (一网办理), no sign-in. */
export const BundleOnlineApply = z.strictObject({
  definitionId: Id,
  applicant: ApplicantInput,
  formValues: FormValues,
  /** The one set of materials: each handed in once and shared by every item that needs it. */
  materials: z.array(Text('材料名称', 200)).max(100).default([]),
});
export type BundleOnlineApply = z.infer<typeof BundleOnlineApply>;

export const BundleOnlineResult = z.object({
  bundleNo: z.string(),
  queryCode: z.string(),
  name: z.string(),
  branches: z.array(z.object({ itemName: z.string(), caseNo: z.string() })),
});
export type BundleOnlineResult = z.infer<typeof BundleOnlineResult>;

export const BundleBranch = z.object({
  caseId: z.string(),
  caseNo: z.string(),
  itemId: z.string(),
  itemName: z.string(),
  departmentId: z.string(),
  departmentName: z.string(),
  status: BranchStatus,
  statusLabel: z.string(),
  promisedDays: z.number(),
  dependsOn: z.array(z.string()),
  /** Names of the branches whose result this one still waits for. */
  waitingFor: z.array(z.string()),
  paused: z.boolean(),
  expectedFinish: z.string(),
  onCriticalPath: z.boolean(),
  concludedAt: z.string().nullable(),
  licenseId: z.string().nullable(),
});
export type BundleBranch = z.infer<typeof BundleBranch>;

export const BundleSummary = z.object({
  id: z.string(),
  bundleNo: z.string(),
  name: z.string(),
  status: BundleStatus,
  statusLabel: z.string(),
  applicantName: z.string(),
  applicantIdMasked: z.string(),
  channel: z.enum(['window', 'online']),
  receivedAt: z.string(),
  legalDeadline: z.string(),
  expectedFinish: z.string(),
  /** The branch that holds the bundle up (the last on the critical path), while open. */
  holdingBranch: z
    .object({ caseNo: z.string(), itemName: z.string(), departmentName: z.string() })
    .nullable(),
  branchCount: z.number(),
  concludedBranches: z.number(),
  version: z.number(),
});
export type BundleSummary = z.infer<typeof BundleSummary>;

export const BundleLicense = z.object({
  id: z.string(),
  typeCode: z.string(),
  typeName: z.string(),
  holderName: z.string(),
  holderIdMasked: z.string(),
  issuerName: z.string(),
  validFrom: z.string(),
  members: z.array(z.object({ licenseId: z.string(), itemName: z.string() })),
  issuedAt: z.string(),
  verifyToken: z.string(),
});
export type BundleLicense = z.infer<typeof BundleLicense>;

export const BundleEvent = z.object({
  seq: z.number(),
  type: z.string(),
  at: z.string(),
  payload: z.record(z.string(), z.unknown()),
});
export type BundleEvent = z.infer<typeof BundleEvent>;

export const BundleDetail = BundleSummary.extend({
  legalLimitDays: z.number(),
  extension: z
    .object({ days: z.number(), reason: z.string(), status: z.enum(['requested', 'approved', 'rejected']) })
    .nullable(),
  concludedAt: z.string().nullable(),
  deliveredAt: z.string().nullable(),
  formValues: z.record(z.string(), z.string()),
  branches: z.array(BundleBranch),
  license: BundleLicense.nullable(),
  events: z.array(BundleEvent),
  allowed: z.object({
    deliver: z.boolean(),
    choose: z.boolean(),
    requestExtension: z.boolean(),
    decideExtension: z.boolean(),
  }),
});
export type BundleDetail = z.infer<typeof BundleDetail>;

export const BundleListQuery = z.object({
  status: BundleStatus.optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
});
export type BundleListQuery = z.infer<typeof BundleListQuery>;
export const BundleList = z.object({ items: z.array(BundleSummary), total: z.number() });
export type BundleList = z.infer<typeof BundleList>;

/** A refused or denied branch: the applicant chooses (told, never silently cancelled). */
export const BundleChoice = z.strictObject({
  version: z.number().int().min(1),
  choice: z.enum(['continue', 'withdraw']),
});
export type BundleChoice = z.infer<typeof BundleChoice>;

/** 出件: one delivery hands over every result. */
export const BundleDeliver = z.strictObject({
  version: z.number().int().min(1),
  method: DeliveryMethod,
  receivedBy: Text('领取人', 50),
});
export type BundleDeliver = z.infer<typeof BundleDeliver>;

/** DEC-2: one extension of at most 15 working days, approved by the head of the government body. */
export const BundleExtensionRequest = z.strictObject({
  version: z.number().int().min(1),
  days: z.number().int().min(1).max(15, { message: '一件事延期不超过 15 个工作日' }),
  reason: Text('延期理由', 500),
});
export type BundleExtensionRequest = z.infer<typeof BundleExtensionRequest>;
export const BundleExtensionDecide = z.strictObject({
  version: z.number().int().min(1),
  approved: z.boolean(),
  note: Text('审批意见', 500, 0).default(''),
});
export type BundleExtensionDecide = z.infer<typeof BundleExtensionDecide>;

/** Public tracking of a bundle (SEC-2: number + 查询码, one answer for every failure). */
export const BundleTrackInput = z.strictObject({
  bundleNo: z.string().trim().min(1).max(40),
  queryCode: QueryCode,
});
export type BundleTrackInput = z.infer<typeof BundleTrackInput>;

export const BundleTrackResult = z.object({
  found: z.boolean(),
  bundle: z
    .object({
      bundleNo: z.string(),
      name: z.string(),
      status: BundleStatus,
      statusLabel: z.string(),
      receivedAt: z.string(),
      legalDeadline: z.string(),
      expectedFinish: z.string(),
      branches: z.array(
        z.object({
          caseNo: z.string(),
          itemName: z.string(),
          departmentName: z.string(),
          status: BranchStatus,
          statusLabel: z.string(),
          expectedFinish: z.string(),
          onCriticalPath: z.boolean(),
          missing: z.array(z.string()),
        }),
      ),
      licenseVerifyToken: z.string().nullable(),
      mayChoose: z.boolean(),
    })
    .nullable(),
});
export type BundleTrackResult = z.infer<typeof BundleTrackResult>;

/** The applicant hands in a branch's supplement online (names the materials now provided). */
export const BundleSupplementUpload = BundleTrackInput.extend({
  caseNo: z.string().trim().min(1).max(40),
  materials: z.array(Text('材料名称', 200)).min(1).max(50),
});
export type BundleSupplementUpload = z.infer<typeof BundleSupplementUpload>;

export const BundlePublicChoice = BundleTrackInput.extend({ choice: z.enum(['continue', 'withdraw']) });
export type BundlePublicChoice = z.infer<typeof BundlePublicChoice>;

export const BundleLicenseVerification = z.object({
  found: z.boolean(),
  license: BundleLicense.omit({ verifyToken: true }).nullable(),
});
export type BundleLicenseVerification = z.infer<typeof BundleLicenseVerification>;

/** TRUTH-1: 一件事办件量, 办结率, average days — from the bundles' events. */
export const BundleFigures = z.object({
  total: z.number(),
  concluded: z.number(),
  /** 办结率 = concluded (incl. delivered) ÷ all bundles received, 0..1. */
  concludeRate: z.number(),
  /** Average working days from receipt to conclusion over concluded bundles. */
  averageDays: z.number().nullable(),
  byDefinition: z.array(
    z.object({
      name: z.string(),
      total: z.number(),
      concluded: z.number(),
      averageDays: z.number().nullable(),
    }),
  ),
  holding: z.array(
    z.object({
      bundleId: z.string(),
      bundleNo: z.string(),
      itemName: z.string(),
      departmentName: z.string(),
      expectedFinish: z.string(),
    }),
  ),
});
export type BundleFigures = z.infer<typeof BundleFigures>;
