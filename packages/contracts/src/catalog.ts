import { z } from 'zod';
import { SUSPENSION_KIND_LABELS, SuspensionKind } from './calendar';
import { Id, RegionCode, nonEmptyPatch } from './org';

/**
 * The service-item catalog (事项实施清单) and its guides (办事指南), DOMAIN.md "Catalog".
 * An item has versions: draft → published → superseded, or retired. A published version never
 * changes; editing a published item makes a new draft version.
 */

const Text = (label: string, max: number, min = 1) =>
  z
    .string()
    .trim()
    .min(min, { message: `${label}不能为空` })
    .max(max, { message: `${label}不超过 ${max} 个字` });
/** Free text that may be left empty in a draft (the completeness check lists it on publish). */
const DraftText = (label: string, max: number) => Text(label, max, 0);

export const ItemType = z.enum([
  'licensing',
  'benefit',
  'confirmation',
  'levy',
  'award',
  'adjudication',
  'filing',
  'other_power',
  'public_service',
]);
export type ItemType = z.infer<typeof ItemType>;
export const ITEM_TYPE_LABELS: Record<ItemType, string> = {
  licensing: '行政许可',
  benefit: '行政给付',
  confirmation: '行政确认',
  levy: '行政征收',
  award: '行政奖励',
  adjudication: '行政裁决',
  filing: '行政备案',
  other_power: '其他行政权力',
  public_service: '公共服务',
};

/** 即办件 (decided on the spot) / 承诺件 (N working days). */
export const Handling = z.enum(['instant', 'promised']);
export type Handling = z.infer<typeof Handling>;
export const HANDLING_LABELS: Record<Handling, string> = { instant: '即办件', promised: '承诺件' };

/**
 * 特殊环节: the calendar's suspension kinds (SUS-1) bar `other`, which only a case can record. One
 * list, so a procedure in the catalog always names a kind the case clock knows.
 */
export const SpecialProcedureKind = SuspensionKind.exclude(['other']);
export type SpecialProcedureKind = z.infer<typeof SpecialProcedureKind>;
export const SPECIAL_PROCEDURE_LABELS: Record<SpecialProcedureKind, string> = SUSPENSION_KIND_LABELS;

/** 网办深度 */
export const OnlineLevel = z.enum(['full_online', 'online_pretrial', 'offline']);
export type OnlineLevel = z.infer<typeof OnlineLevel>;
export const ONLINE_LEVEL_LABELS: Record<OnlineLevel, string> = {
  full_online: '全程网办',
  online_pretrial: '网上预审',
  offline: '仅线下',
};

export const MaterialRequirement = z.enum(['required', 'conditional']);
export type MaterialRequirement = z.infer<typeof MaterialRequirement>;
export const MATERIAL_REQUIREMENT_LABELS: Record<MaterialRequirement, string> = {
  required: '必要',
  conditional: '情形必要',
};

export const MaterialForm = z.enum(['original', 'copy', 'electronic']);
export type MaterialForm = z.infer<typeof MaterialForm>;
export const MATERIAL_FORM_LABELS: Record<MaterialForm, string> = {
  original: '原件',
  copy: '复印件',
  electronic: '电子件',
};

export const GuideLang = z.enum(['zh', 'en', 'ru', 'ko']);
export type GuideLang = z.infer<typeof GuideLang>;
export const GUIDE_LANG_LABELS: Record<GuideLang, string> = {
  zh: '中文',
  en: 'English',
  ru: 'Русский',
  ko: '한국어',
};

export const CatalogVersionStatus = z.enum(['draft', 'published', 'superseded', 'retired']);
export type CatalogVersionStatus = z.infer<typeof CatalogVersionStatus>;
export const CATALOG_VERSION_STATUS_LABELS: Record<CatalogVersionStatus, string> = {
  draft: '草稿',
  published: '已发布',
  superseded: '已被替代',
  retired: '已取消',
};

/** The step template's default: 受理→审查→决定→办结 ("3+1"). */
export const DEFAULT_STEPS = ['受理', '审查', '决定', '办结'] as const;
export const CONCLUDE_STEP = '办结';
export const ACCEPT_STEP = '受理';

/** 设定依据: a law or regulation and the article. */
export const LegalBasis = z.object({
  name: Text('依据名称', 200),
  article: DraftText('条款', 500).default(''),
});
export type LegalBasis = z.infer<typeof LegalBasis>;

export const SpecialProcedure = z.object({
  kind: SpecialProcedureKind,
  /** Working days the procedure may take. */
  days: z.number().int().min(0).max(3650),
  /** Whether its time counts in the legal limit (SUS-1: usually not). */
  countsInLimit: z.boolean(),
  legalBasis: DraftText('特殊环节依据', 500).default(''),
});
export type SpecialProcedure = z.infer<typeof SpecialProcedure>;

/** One fee; an item with no fees is free (不收费). */
export const FeeItem = z.object({
  name: Text('收费项目', 100),
  /** In fen (分), never a float. */
  amountFen: z.number().int().min(1).max(1_000_000_000),
  basis: Text('收费依据', 500),
});
export type FeeItem = z.infer<typeof FeeItem>;

const Sha256 = z.string().regex(/^[0-9a-f]{64}$/, { message: '文件编号应为 64 位十六进制 SHA-256' });

export const CatalogMaterial = z.object({
  name: Text('材料名称', 200),
  requirement: MaterialRequirement,
  /** The situation in which a conditional material is needed (required when conditional). */
  condition: DraftText('适用情形', 500).default(''),
  form: MaterialForm,
  copies: z.number().int().min(0).max(99).default(1),
  /** 容缺: may follow after acceptance. */
  deferrable: z.boolean().default(false),
  /** 免提交: the e-license type whose license replaces this material, or null. */
  licenseTypeCode: z
    .string()
    .trim()
    .regex(/^[0-9A-Za-z.-]{1,64}$/, { message: '电子证照类型代码格式不正确' })
    .nullable()
    .default(null),
  /** A blank form or sample (SHA-256 of a stored file), or null. */
  templateFile: Sha256.nullable().default(null),
});
export type CatalogMaterial = z.infer<typeof CatalogMaterial>;
export type CatalogMaterialInput = z.input<typeof CatalogMaterial>;

export const GuideText = z.object({
  name: Text('指南事项名称', 200),
  conditions: DraftText('受理条件', 5000).default(''),
  process: DraftText('办理流程', 5000).default(''),
  notes: DraftText('注意事项', 5000).default(''),
});
export type GuideText = z.infer<typeof GuideText>;
export const Guides = z.object({
  zh: GuideText.optional(),
  en: GuideText.optional(),
  ru: GuideText.optional(),
  ko: GuideText.optional(),
});
export type Guides = z.infer<typeof Guides>;

const Phone = DraftText('电话', 50);

/**
 * The elements of an item version (实施清单). A draft may leave elements empty or null; publishing
 * lists what is missing. The rules (promised ≤ legal, instant → 0, "3+1", conditional material
 * condition, unique material names) are checked on every save.
 */
export const CatalogContentFields = z.object({
  name: Text('事项名称', 200),
  itemType: ItemType,
  departmentId: Id,
  legalBasis: z.array(LegalBasis).max(50).default([]),
  acceptanceConditions: DraftText('受理条件', 5000).default(''),
  handling: Handling.nullable().default(null),
  legalLimitDays: z.number().int().min(0).max(3650).nullable().default(null),
  promisedLimitDays: z.number().int().min(0).max(3650).nullable().default(null),
  specialProcedures: z.array(SpecialProcedure).max(20).default([]),
  fees: z.array(FeeItem).max(50).default([]),
  location: DraftText('办理地点', 500).default(''),
  hours: DraftText('办理时间', 500).default(''),
  consultPhone: Phone.default(''),
  complaintPhone: Phone.default(''),
  /** 到现场次数: 0 = 零跑动, 1 = 最多跑一次. */
  maxVisits: z.number().int().min(0).max(10).nullable().default(null),
  onlineLevel: OnlineLevel.nullable().default(null),
  /** 负面清单: why this item is not handled in the hall; null = it is (应进必进). */
  hallExemption: Text('不进驻大厅理由', 500).nullable().default(null),
  steps: z
    .array(Text('环节名称', 20))
    .min(2, { message: '办理环节至少包括受理和办结' })
    .max(12)
    .default([...DEFAULT_STEPS]),
  materials: z.array(CatalogMaterial).max(100).default([]),
  guides: Guides.default({}),
});
export type CatalogContent = z.infer<typeof CatalogContentFields>;

/** POST /api/catalog/items — creates the item and its draft version 1. */
export const CatalogItemCreate = z.strictObject({
  ...CatalogContentFields.shape,
  /** 事项编码, opaque (GB/T 39554.1), unique per region. */
  itemCode: Text('事项编码', 100).regex(/^[0-9A-Za-z\-_.]+$/, {
    message: '事项编码只能包含字母、数字和 - _ .',
  }),
  /** Defaults to the actor's region. */
  regionCode: RegionCode.optional(),
});
export type CatalogItemCreate = z.infer<typeof CatalogItemCreate>;
export type CatalogItemCreateInput = z.input<typeof CatalogItemCreate>;

/** PATCH a draft version: given fields replace the stored ones (lists are replaced whole). */
const PatchFields = z.strictObject(
  Object.fromEntries(
    Object.entries(CatalogContentFields.shape).map(([k, v]) => [
      k,
      // No defaults in a patch: a missing field stays as it is.
      ((v instanceof z.ZodDefault ? v.unwrap() : v) as z.ZodType).optional(),
    ]),
  ) as { [K in keyof typeof CatalogContentFields.shape]: z.ZodOptional<z.ZodType<CatalogContent[K]>> },
);
export const CatalogVersionPatch = nonEmptyPatch(PatchFields);
export type CatalogVersionPatch = z.infer<typeof CatalogVersionPatch>;

/** POST /api/catalog/items/:id/drafts — a new draft from the published version, optionally changed. */
export const CatalogDraftCreate = z.strictObject({
  /** The published version the editor started from; refused if it is no longer the live one. */
  fromVersionId: Id,
  changes: PatchFields.optional(),
});
export type CatalogDraftCreate = z.infer<typeof CatalogDraftCreate>;

export const CatalogPublish = z.strictObject({ versionId: Id });
export type CatalogPublish = z.infer<typeof CatalogPublish>;

export const CatalogRetire = z.strictObject({ reason: Text('取消理由', 500) });
export type CatalogRetire = z.infer<typeof CatalogRetire>;

export const CatalogVersion = CatalogContentFields.extend({
  id: z.string(),
  itemId: z.string(),
  itemCode: z.string(),
  regionCode: z.string(),
  versionNo: z.number(),
  status: CatalogVersionStatus,
  departmentName: z.string(),
  namePinyin: z.string(),
  namePinyinInitials: z.string(),
  createdAt: z.string(),
  createdBy: z.string().nullable(),
  publishedAt: z.string().nullable(),
  publishedBy: z.string().nullable(),
  retiredReason: z.string().nullable(),
});
export type CatalogVersion = z.infer<typeof CatalogVersion>;

/** A version in an item's history (the item page's version list). */
export const CatalogItemVersionSummary = z.object({
  id: z.string(),
  versionNo: z.number(),
  status: CatalogVersionStatus,
  name: z.string(),
  createdAt: z.string(),
  createdBy: z.string().nullable(),
  publishedAt: z.string().nullable(),
  publishedBy: z.string().nullable(),
  supersededAt: z.string().nullable(),
});
export type CatalogItemVersionSummary = z.infer<typeof CatalogItemVersionSummary>;

/** `POST /api/catalog/items/:id/retire`: the item and its history after the change. */
export const CatalogItemHistory = z.object({
  id: z.string(),
  regionCode: z.string(),
  itemCode: z.string(),
  retiredAt: z.string().nullable(),
  retiredReason: z.string().nullable(),
  versions: z.array(CatalogItemVersionSummary),
});
export type CatalogItemHistory = z.infer<typeof CatalogItemHistory>;

/** `GET /api/catalog/items/:id`: the live version, the pending draft and the history. */
export const CatalogItemDetail = CatalogItemHistory.extend({
  published: CatalogVersion.nullable(),
  draft: CatalogVersion.nullable(),
});
export type CatalogItemDetail = z.infer<typeof CatalogItemDetail>;

/** `GET /api/public/catalog/items/:id/guide`: one language of a live item's guide. */
export const PublicGuide = z.object({
  lang: GuideLang,
  availableLangs: z.array(GuideLang),
  guide: GuideText,
  item: CatalogVersion.omit({
    guides: true,
    createdBy: true,
    publishedBy: true,
    namePinyin: true,
    namePinyinInitials: true,
  }),
  guidePath: z.string(),
});
export type PublicGuide = z.infer<typeof PublicGuide>;

/** `POST /api/catalog/import`: item codes created, updated and left as they were. */
export const CatalogImportResult = z.object({
  regionCode: z.string(),
  created: z.array(z.string()),
  updated: z.array(z.string()),
  unchanged: z.array(z.string()),
});
export type CatalogImportResult = z.infer<typeof CatalogImportResult>;

/** One row of the staff list: the item with its live and its newest version. */
export const CatalogItemSummary = z.object({
  id: z.string(),
  regionCode: z.string(),
  itemCode: z.string(),
  status: z.enum(['draft', 'published', 'retired']),
  name: z.string(),
  itemType: ItemType,
  departmentId: z.string(),
  departmentName: z.string(),
  latestVersionId: z.string(),
  latestVersionNo: z.number(),
  latestStatus: CatalogVersionStatus,
  publishedVersionId: z.string().nullable(),
  publishedVersionNo: z.number().nullable(),
  hasPendingDraft: z.boolean(),
  updatedAt: z.string(),
});
export type CatalogItemSummary = z.infer<typeof CatalogItemSummary>;

const PageFields = {
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
};

export const CatalogStaffQuery = z.object({
  q: z.string().trim().max(100).optional(),
  status: z.enum(['draft', 'published', 'retired']).optional(),
  departmentId: Id.optional(),
  itemType: ItemType.optional(),
  ...PageFields,
});
export type CatalogStaffQuery = z.infer<typeof CatalogStaffQuery>;

export const CatalogPublicQuery = z.object({
  /** Name substring, pinyin initials (spjy) or full pinyin (shipin). */
  q: z.string().trim().max(100).optional(),
  regionCode: RegionCode.optional(),
  departmentId: Id.optional(),
  itemType: ItemType.optional(),
  onlineLevel: OnlineLevel.optional(),
  /** At most this many visits (0 = 零跑动 only, 1 = 最多跑一次). */
  maxVisits: z.coerce.number().int().min(0).max(10).optional(),
  ...PageFields,
});
export type CatalogPublicQuery = z.infer<typeof CatalogPublicQuery>;

export const CatalogPublicHit = z.object({
  itemId: z.string(),
  versionId: z.string(),
  itemCode: z.string(),
  regionCode: z.string(),
  name: z.string(),
  itemType: ItemType,
  departmentId: z.string(),
  departmentName: z.string(),
  handling: Handling.nullable(),
  promisedLimitDays: z.number().nullable(),
  maxVisits: z.number().nullable(),
  onlineLevel: OnlineLevel.nullable(),
  languages: z.array(GuideLang),
});
export type CatalogPublicHit = z.infer<typeof CatalogPublicHit>;

export const CatalogFieldChange = z.object({
  field: z.string(),
  label: z.string(),
  from: z.unknown(),
  to: z.unknown(),
});
export type CatalogFieldChange = z.infer<typeof CatalogFieldChange>;
export const CatalogDiff = z.object({
  from: z.object({ versionId: z.string(), versionNo: z.number() }),
  to: z.object({ versionId: z.string(), versionNo: z.number() }),
  fields: z.array(CatalogFieldChange),
  materials: z.object({
    added: z.array(z.string()),
    removed: z.array(z.string()),
    changed: z.array(z.object({ name: z.string(), fields: z.array(CatalogFieldChange) })),
  }),
});
export type CatalogDiff = z.infer<typeof CatalogDiff>;

export const CatalogFigures = z.object({
  regionCode: z.string(),
  total: z.number(),
  byType: z.array(z.object({ itemType: ItemType, label: z.string(), count: z.number() })),
  byDepartment: z.array(
    z.object({ departmentId: z.string(), departmentName: z.string(), count: z.number() }),
  ),
  fullyOnline: z.object({ count: z.number(), share: z.number() }),
  zeroVisit: z.object({ count: z.number(), share: z.number() }),
  atMostOneVisit: z.object({ count: z.number(), share: z.number() }),
  hallExempt: z.object({
    count: z.number(),
    items: z.array(z.object({ itemId: z.string(), name: z.string(), reason: z.string() })),
  }),
});
export type CatalogFigures = z.infer<typeof CatalogFigures>;

/** An import problem: sheet name, 1-based row number as Excel shows it, reason. */
export const CatalogImportProblem = z.object({ sheet: z.string(), row: z.number(), reason: z.string() });
export type CatalogImportProblem = z.infer<typeof CatalogImportProblem>;
