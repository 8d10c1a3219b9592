import { z } from 'zod';

export const InspectionKind = z.enum([
  'xuncha', // 巡察
  'xunshi', // 巡视
  'audit', // 审计
  'special_supervision', // 专项督查
  'unannounced', // 暗访
  'self_check', // 自查
  'revisit', // 上轮回头看
]);
export type InspectionKind = z.infer<typeof InspectionKind>;

export const inspectionKindLabels: Record<InspectionKind, string> = {
  xuncha: '巡察',
  xunshi: '巡视',
  audit: '审计',
  special_supervision: '专项督查',
  unannounced: '暗访',
  self_check: '自查',
  revisit: '回头看',
};

export const MeasureKind = z.enum(['immediate', 'deadline', 'ongoing']);
export type MeasureKind = z.infer<typeof MeasureKind>;

/** `YYYY-MM-DD`, or `YYYY-MM` when the text only names a month (e.g. "9月下旬"). */
export const PartialIsoDate = z.string().regex(/^\d{4}-\d{2}(-\d{2})?$/);

export const ParsedInspection = z.object({
  kind: InspectionKind.optional(),
  title: z.string().optional(),
  team: z.string().optional(),
  inspectedUnit: z.string().optional(),
  periodStart: PartialIsoDate.optional(),
  periodEnd: PartialIsoDate.optional(),
  feedbackDate: PartialIsoDate.optional(),
  /** The opening paragraph the fields above were read from. */
  opening: z.string().optional(),
});
export type ParsedInspection = z.infer<typeof ParsedInspection>;

/**
 * How sure the parser is of an element's place (0..1): high when the text says what it is (方面,
 * 关于…问题, 问题表现/整改情况 labels, 一是… enumerations), lower when only nesting or numbering
 * decided it. The draft editor highlights the low ones.
 */
export const Confidence = z.number().min(0).max(1);
export const LOW_CONFIDENCE = 0.7;

export const ParsedCategory = z.object({
  /** Stable within one parse: the chain of labels, e.g. "二、/（一）". */
  key: z.string(),
  label: z.string(),
  title: z.string(),
  parentKey: z.string().optional(),
  depth: z.number().int().min(0),
  line: z.number().int().positive(),
  confidence: Confidence,
});
export type ParsedCategory = z.infer<typeof ParsedCategory>;

export const ParsedMeasure = z.object({
  content: z.string(),
  leader: z.string().optional(),
  department: z.string().optional(),
  deadlineText: z.string().optional(),
  dueDate: PartialIsoDate.optional(),
  kind: MeasureKind.optional(),
  line: z.number().int().positive(),
  /** Every source line the content was read from. */
  lines: z.array(z.number().int().positive()),
  confidence: Confidence,
});
export type ParsedMeasure = z.infer<typeof ParsedMeasure>;

export const ParsedFinding = z.object({
  key: z.string(),
  label: z.string(),
  number: z.number().int().optional(),
  title: z.string(),
  /** 问题表现. */
  description: z.string(),
  categoryKey: z.string().optional(),
  /** 整改结果及成效, when the text states it apart from the measures. */
  result: z.string().optional(),
  measures: z.array(ParsedMeasure),
  line: z.number().int().positive(),
  /** The heading's line and those of its 问题表现. */
  lines: z.array(z.number().int().positive()),
  confidence: Confidence,
});
export type ParsedFinding = z.infer<typeof ParsedFinding>;

export const UnplacedLine = z.object({
  line: z.number().int().positive(),
  text: z.string(),
  reason: z.string(),
});
export type UnplacedLine = z.infer<typeof UnplacedLine>;

export const ParsedOutline = z.object({
  /** 'report' when the text reports what was done (整改情况); 'feedback' when it only lists problems. */
  genre: z.enum(['report', 'feedback']),
  inspection: ParsedInspection,
  categories: z.array(ParsedCategory),
  findings: z.array(ParsedFinding),
  narratives: z.object({ workDone: z.string(), leads: z.string(), nextSteps: z.string() }),
  contact: z.object({
    phone: z.string().optional(),
    email: z.string().optional(),
    address: z.string().optional(),
    postcode: z.string().optional(),
  }),
  signature: z.string().optional(),
  reportDate: PartialIsoDate.optional(),
  unplaced: z.array(UnplacedLine),
  warnings: z.array(z.string()),
});
export type ParsedOutline = z.infer<typeof ParsedOutline>;
