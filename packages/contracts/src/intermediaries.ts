// Contracts of the intermediaries module (网上中介超市, issue 22): request and reply schemas, labels.
import { z } from 'zod';
import { Id, IsoDate, RegionCode } from './org';
import { isValidCreditCode } from './validators/credit-code';

export const ServiceKind = z.enum([
  'assessment',
  'testing',
  'design',
  'surveying',
  'consulting',
  'appraisal',
]);
export type ServiceKind = z.infer<typeof ServiceKind>;
export const SERVICE_KIND_LABELS: Record<ServiceKind, string> = {
  assessment: '评估',
  testing: '检测',
  design: '设计',
  surveying: '测绘',
  consulting: '咨询',
  appraisal: '鉴定',
};

export const PurchaseMethod = z.enum(['direct', 'draw', 'quote']);
export type PurchaseMethod = z.infer<typeof PurchaseMethod>;
export const PURCHASE_METHOD_LABELS: Record<PurchaseMethod, string> = {
  direct: '直接选取',
  draw: '随机抽取',
  quote: '竞价选取',
};

export const PurchaseStatus = z.enum(['published', 'selected', 'contracted', 'completed']);
export type PurchaseStatus = z.infer<typeof PurchaseStatus>;
export const PURCHASE_STATUS_LABELS: Record<PurchaseStatus, string> = {
  published: '已发布',
  selected: '已选定',
  contracted: '已签约',
  completed: '已完成',
};

const Name = z.string().trim().min(1).max(200);
const Money = z.number().positive().max(1e12);

export const IntermediaryRegister = z.strictObject({
  regionCode: RegionCode,
  name: Name,
  creditCode: z.string().trim().refine(isValidCreditCode, '统一社会信用代码不正确（校验位不符）'),
  licenceNo: z.string().trim().min(3).max(60),
  serviceKinds: z.array(ServiceKind).min(1).max(6),
  qualifications: z.array(z.string().trim().min(1).max(100)).max(20).default([]),
  staffCount: z.number().int().min(1).max(100_000),
  fees: z
    .array(
      z.strictObject({
        service: z.string().trim().min(1).max(100),
        feeYuan: Money,
        unit: z.string().trim().max(20).default('项'),
      }),
    )
    .max(50)
    .default([]),
});
export type IntermediaryRegister = z.infer<typeof IntermediaryRegister>;

export const IntermediaryRegistered = z.object({
  id: Id,
  /** Shown once: the intermediary's key for linking itself to items and quoting. */
  token: z.string(),
});
export type IntermediaryRegistered = z.infer<typeof IntermediaryRegistered>;

export const Intermediary = z.object({
  id: Id,
  name: z.string(),
  creditCode: z.string(),
  licenceNo: z.string(),
  serviceKinds: z.array(ServiceKind),
  qualifications: z.array(z.string()),
  staffCount: z.number().int(),
  fees: z.array(z.object({ service: z.string(), feeYuan: z.number(), unit: z.string() })),
  registeredAt: z.string(),
  completed: z.number().int(),
  rating: z.number().nullable(),
});
export type Intermediary = z.infer<typeof Intermediary>;
export const IntermediaryList = z.object({ items: z.array(Intermediary) });
export type IntermediaryList = z.infer<typeof IntermediaryList>;
export const MarketQuery = z.object({
  regionCode: RegionCode.default('350999'),
  serviceKind: ServiceKind.optional(),
});

export const LinkRequest = z.strictObject({
  token: z.string().min(20).max(100),
  itemName: Name,
  departmentId: Id,
});
export type LinkRequest = z.infer<typeof LinkRequest>;

export const ItemLink = z.object({
  id: Id,
  intermediaryName: z.string(),
  itemName: z.string(),
  departmentId: z.string(),
  dueOn: z.string(),
  status: z.enum(['pending', 'approved', 'rejected']),
  overdue: z.boolean(),
  note: z.string(),
});
export type ItemLink = z.infer<typeof ItemLink>;
export const ItemLinkList = z.object({ items: z.array(ItemLink) });
export const LinkCheck = z.strictObject({
  approve: z.boolean(),
  note: z.string().trim().max(500).default(''),
});
export type LinkCheck = z.infer<typeof LinkCheck>;

export const PurchaseCreate = z.strictObject({
  title: Name,
  ownerName: Name,
  serviceKind: ServiceKind,
  budgetYuan: Money,
  method: PurchaseMethod,
});
export type PurchaseCreate = z.infer<typeof PurchaseCreate>;

export const PurchaseSelect = z.strictObject({ intermediaryId: Id.optional() });
export type PurchaseSelect = z.infer<typeof PurchaseSelect>;
export const PurchaseAdvance = z.strictObject({
  action: z.enum(['contract', 'complete']),
  priceYuan: Money.optional(),
  rating: z.number().int().min(1).max(5).optional(),
});
export type PurchaseAdvance = z.infer<typeof PurchaseAdvance>;

export const Purchase = z.object({
  id: Id,
  title: z.string(),
  ownerName: z.string(),
  serviceKind: ServiceKind,
  budgetYuan: z.number(),
  method: PurchaseMethod,
  status: PurchaseStatus,
  seedHash: z.string().nullable(),
  /** Revealed with the result of a random draw. */
  seed: z.string().nullable(),
  candidates: z.array(z.string()).nullable(),
  chosenId: z.string().nullable(),
  chosenName: z.string().nullable(),
  priceYuan: z.number().nullable(),
  rating: z.number().int().nullable(),
  quotes: z.array(z.object({ intermediaryId: z.string(), name: z.string(), amountYuan: z.number() })),
  publishedAt: z.string(),
});
export type Purchase = z.infer<typeof Purchase>;
export const PurchaseList = z.object({ items: z.array(Purchase) });
export type PurchaseList = z.infer<typeof PurchaseList>;

export const QuoteCreate = z.strictObject({
  token: z.string().min(20).max(100),
  purchaseId: Id,
  amountYuan: Money,
});
export type QuoteCreate = z.infer<typeof QuoteCreate>;
export const ComplaintCreate = z.strictObject({ purchaseId: Id, body: z.string().trim().min(5).max(2000) });
export type ComplaintCreate = z.infer<typeof ComplaintCreate>;

export const RuleCreate = z.strictObject({
  kind: z.enum(['rule', 'fee_catalogue']),
  title: Name,
  body: z.string().trim().min(1).max(20000),
  effectiveFrom: IsoDate,
});
export type RuleCreate = z.infer<typeof RuleCreate>;
export const MarketRule = z.object({
  id: Id,
  kind: z.enum(['rule', 'fee_catalogue']),
  title: z.string(),
  body: z.string(),
  effectiveFrom: z.string(),
  publishedAt: z.string(),
});
export const MarketRuleList = z.object({ items: z.array(MarketRule) });
export type MarketRuleList = z.infer<typeof MarketRuleList>;

export const MarketFigures = z.object({
  intermediaries: z.number().int(),
  purchases: z.array(
    z.object({ method: PurchaseMethod, count: z.number().int(), completed: z.number().int() }),
  ),
  complaints: z.number().int(),
  linksPending: z.number().int(),
  linksOverdue: z.number().int(),
});
export type MarketFigures = z.infer<typeof MarketFigures>;
export const IntermediariesOk = z.object({ ok: z.literal(true) });
