// Contracts of the supervision module (电子监察, issue 16): clocks and colours (SUP-1), escalation
// and 督办单 (SUP-2), figures (RATE-1, TRUTH-1).
import { z } from 'zod';

export const SupervisionColour = z.enum(['green', 'yellow', 'red', 'paused']);
export type SupervisionColour = z.infer<typeof SupervisionColour>;
export const SUPERVISION_COLOUR_LABELS: Record<SupervisionColour, string> = {
  green: '绿灯（正常）',
  yellow: '黄灯（预警）',
  red: '红灯（超承诺时限）',
  paused: '暂停计时',
};

/** SUP-2 ladder levels and the non-time triggers, each fired once per case. */
export const EscalationLevel = z.enum([
  'warning',
  'yellow_card',
  'red_card',
  'leader',
  'refused_acceptable',
  'no_reasons',
  'skipped_steps',
  'step_overdue',
]);
export type EscalationLevel = z.infer<typeof EscalationLevel>;
export const ESCALATION_LEVEL_LABELS: Record<EscalationLevel, string> = {
  warning: '预警',
  yellow_card: '黄牌',
  red_card: '红牌督办',
  leader: '报分管领导',
  refused_acceptable: '不予受理后经复核可办',
  no_reasons: '不予许可未说明理由',
  skipped_steps: '未经审查环节出证',
  step_overdue: '环节超时',
};

export const OrderStatus = z.enum(['open', 'answered', 'late']);
export type OrderStatus = z.infer<typeof OrderStatus>;
export const ORDER_STATUS_LABELS: Record<OrderStatus, string> = {
  open: '待答复',
  answered: '已答复',
  late: '逾期未答复',
};

export const ClockRow = z.object({
  caseId: z.string(),
  caseNo: z.string(),
  regionCode: z.string(),
  departmentId: z.string(),
  departmentName: z.string(),
  itemName: z.string(),
  status: z.string(),
  phase: z.string(),
  colour: SupervisionColour,
  deadline: z.string().nullable(),
  leftWorkingDays: z.number().nullable(),
  warningDays: z.number(),
  pastLegal: z.boolean(),
  overdueWorkingDays: z.number(),
});
export type ClockRow = z.infer<typeof ClockRow>;

export const ClockListQuery = z.object({
  colour: SupervisionColour.optional(),
  departmentId: z.uuid().optional(),
  pastLegal: z.enum(['true', 'false']).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});
export type ClockListQuery = z.infer<typeof ClockListQuery>;
export const ClockList = z.object({ items: z.array(ClockRow), total: z.number().int() });
export type ClockList = z.infer<typeof ClockList>;

export const BoardDepartment = z.object({
  departmentId: z.string(),
  departmentName: z.string(),
  green: z.number().int(),
  yellow: z.number().int(),
  red: z.number().int(),
  paused: z.number().int(),
  pastLegal: z.number().int(),
  ordersOpen: z.number().int(),
  ordersAnswered: z.number().int(),
  ordersLate: z.number().int(),
  /** Overdue 差评 work items (EVAL-2) and overdue complaints (CPL-1) the department holds. */
  badReviewsOverdue: z.number().int(),
  complaintsOverdue: z.number().int(),
});
export type BoardDepartment = z.infer<typeof BoardDepartment>;
export const Board = z.object({
  departments: z.array(BoardDepartment),
  totals: BoardDepartment.omit({ departmentId: true, departmentName: true }),
  computedAt: z.string().nullable(),
});
export type Board = z.infer<typeof Board>;

export const SupervisionOrder = z.object({
  id: z.string(),
  orderNo: z.string(),
  regionCode: z.string(),
  caseId: z.string(),
  caseNo: z.string(),
  departmentId: z.string(),
  departmentName: z.string(),
  reason: z.string(),
  trigger: EscalationLevel,
  issuedAt: z.string(),
  replyDue: z.string(),
  status: OrderStatus,
  reply: z.string().nullable(),
  repliedByName: z.string().nullable(),
  repliedAt: z.string().nullable(),
  escalatedAt: z.string().nullable(),
});
export type SupervisionOrder = z.infer<typeof SupervisionOrder>;
export const OrderListQuery = z.object({
  status: OrderStatus.optional(),
  departmentId: z.uuid().optional(),
});
export type OrderListQuery = z.infer<typeof OrderListQuery>;
export const OrderList = z.object({ items: z.array(SupervisionOrder) });
export type OrderList = z.infer<typeof OrderList>;
export const OrderReplyInput = z.strictObject({
  reply: z.string().trim().min(5, '答复至少 5 个字：说明原因与整改措施').max(2000, '答复不超过 2000 字'),
});
export type OrderReplyInput = z.infer<typeof OrderReplyInput>;

/** Overdue work items that are not cases (差评 work items, complaints) and the levels they reached. */
export const WorkKind = z.enum(['bad_review', 'complaint']);
export type WorkKind = z.infer<typeof WorkKind>;
export const WorkListQuery = z.object({ kind: WorkKind.optional(), departmentId: z.uuid().optional() });
export type WorkListQuery = z.infer<typeof WorkListQuery>;
export const WorkRow = z.object({
  kind: WorkKind,
  id: z.string(),
  no: z.string(),
  regionCode: z.string(),
  departmentId: z.string().nullable(),
  departmentName: z.string(),
  dueDate: z.string(),
  overdueWorkingDays: z.number().int(),
  levels: z.array(z.enum(['yellow_card', 'red_card', 'leader'])),
  link: z.string(),
});
export type WorkRow = z.infer<typeof WorkRow>;
export const WorkList = z.object({ items: z.array(WorkRow) });
export type WorkList = z.infer<typeof WorkList>;

/** 一件事 (bundles) on the board and in the figures: the branch holding each open bundle up. */
export const SupervisionBundleBranch = z.object({
  caseId: z.string(),
  caseNo: z.string(),
  departmentName: z.string(),
  itemName: z.string(),
  status: z.string(),
  colour: SupervisionColour.nullable(),
  leftWorkingDays: z.number().nullable(),
  /** The branch the bundle waits on: the open branch with the worst clock (red, yellow, …), oldest first. */
  holding: z.boolean(),
});
export type SupervisionBundleBranch = z.infer<typeof SupervisionBundleBranch>;
export const SupervisionBundleRow = z.object({
  bundleId: z.string(),
  bundleNo: z.string(),
  name: z.string(),
  regionCode: z.string(),
  receivedAt: z.string(),
  branches: z.array(SupervisionBundleBranch),
});
export type SupervisionBundleRow = z.infer<typeof SupervisionBundleRow>;
export const SupervisionBundleFigures = z.object({
  /** 一件事办件量: bundles received in the period (by receipt date). */
  received: z.number().int(),
  /** Of those, concluded (every branch decided). */
  concluded: z.number().int(),
  /** 办结率: concluded ÷ received; null when none was received. */
  concludedRate: z.number().nullable(),
  /** Average working days from receipt to conclusion of the concluded ones. */
  avgWorkingDays: z.number().nullable(),
});
export type SupervisionBundleFigures = z.infer<typeof SupervisionBundleFigures>;
export const SupervisionBundleBoard = z.object({
  open: z.array(SupervisionBundleRow),
  figures: SupervisionBundleFigures,
});
export type SupervisionBundleBoard = z.infer<typeof SupervisionBundleBoard>;
export const SupervisionBundleQuery = z
  .object({
    from: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份格式为 YYYY-MM'),
    to: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份格式为 YYYY-MM'),
  })
  .refine((q) => q.from <= q.to, { message: '起始月份不能晚于结束月份', path: ['from'] });
export type SupervisionBundleQuery = z.infer<typeof SupervisionBundleQuery>;

export const RefreshResult = z.object({
  casesRecomputed: z.number().int(),
  escalations: z.number().int(),
  ordersEscalated: z.number().int(),
  monthsRolledUp: z.number().int(),
});
export type RefreshResult = z.infer<typeof RefreshResult>;

// ── Figures (RATE-1) ─────────────────────────────────────────────────────────

export const FigureKey = z.enum([
  'online_rate',
  'full_online_rate',
  'zero_visit_available_rate',
  'zero_visit_use_rate',
  'instant_rate',
  'on_time_rate',
  'early_rate',
  'overdue_promised_rate',
  'overdue_legal_rate',
  'avg_working_days',
  'first_time_rate',
  'good_review_rate',
  'bad_review_rate',
  'active_review_rate',
]);
export type FigureKey = z.infer<typeof FigureKey>;
export const FIGURE_LABELS: Record<FigureKey, string> = {
  online_rate: '网办率',
  full_online_rate: '全程网办率',
  zero_visit_available_rate: '零跑动可办率',
  zero_visit_use_rate: '零跑动使用率',
  instant_rate: '即办率',
  on_time_rate: '按时办结率',
  early_rate: '提前办结率',
  overdue_promised_rate: '超期率（承诺时限）',
  overdue_legal_rate: '超期率（法定时限）',
  avg_working_days: '平均办结工作日',
  first_time_rate: '一次办结率',
  good_review_rate: '好评率',
  bad_review_rate: '差评率',
  active_review_rate: '主动评价率',
};

export const FigureCut = z.enum([
  'none',
  'region',
  'department',
  'hall',
  'township',
  'item',
  'channel',
  'month',
]);
export type FigureCut = z.infer<typeof FigureCut>;

/** A township (12-digit code), or a county's own cases (its 6-digit code: 本级). */
const Township = z.string().regex(/^(\d{6}|\d{12})$/, '乡镇区划代码为 12 位数字（县本级为 6 位）');
const Month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份格式为 YYYY-MM');

export const FiguresQuery = z
  .object({
    regionCode: z
      .string()
      .regex(/^\d{6}$/, '区划代码为 6 位数字')
      .optional(),
    from: Month,
    to: Month,
    cut: FigureCut.default('none'),
    departmentId: z.uuid().optional(),
    itemId: z.uuid().optional(),
    channel: z.enum(['window', 'online', 'kiosk', 'mail', 'agent']).optional(),
    hallId: z.uuid().optional(),
    township: Township.optional(),
  })
  .refine((q) => q.from <= q.to, { message: '起始月份不能晚于结束月份', path: ['from'] });
export type FiguresQuery = z.infer<typeof FiguresQuery>;

export const FigureValue = z.object({
  key: FigureKey,
  numerator: z.number(),
  denominator: z.number(),
  /** null when the denominator is 0 or the figure is defined later (evaluations). */
  value: z.number().nullable(),
});
export type FigureValue = z.infer<typeof FigureValue>;
export const FigureGroup = z.object({
  key: z.string(),
  label: z.string(),
  received: z.number().int(),
  concluded: z.number().int(),
  figures: z.array(FigureValue),
});
export type FigureGroup = z.infer<typeof FigureGroup>;
export const FiguresReply = z.object({
  regionCode: z.string(),
  from: z.string(),
  to: z.string(),
  cut: FigureCut,
  total: FigureGroup,
  groups: z.array(FigureGroup),
});
export type FiguresReply = z.infer<typeof FiguresReply>;

/** The cases a figure counts: its denominator, or with `part=numerator` its numerator. */
export const FigureCasesQuery = z.object({
  regionCode: z
    .string()
    .regex(/^\d{6}$/, '区划代码为 6 位数字')
    .optional(),
  from: Month,
  to: Month,
  figure: FigureKey,
  part: z.enum(['numerator', 'denominator']).default('numerator'),
  departmentId: z.uuid().optional(),
  itemId: z.uuid().optional(),
  channel: z.enum(['window', 'online', 'kiosk', 'mail', 'agent']).optional(),
  month: Month.optional(),
  hallId: z.uuid().optional(),
  township: Township.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});
export type FigureCasesQuery = z.infer<typeof FigureCasesQuery>;
export const FigureCase = z.object({
  caseId: z.string(),
  caseNo: z.string(),
  departmentName: z.string(),
  itemName: z.string(),
  channel: z.string(),
  receivedMonth: z.string().nullable(),
  concludedMonth: z.string().nullable(),
  workingDays: z.number(),
});
export type FigureCase = z.infer<typeof FigureCase>;
export const FigureCases = z.object({ items: z.array(FigureCase), total: z.number().int() });
export type FigureCases = z.infer<typeof FigureCases>;

/** The leader's dashboard: volumes, on-time and overdue by department, trend, windows' load. */
export const Dashboard = z.object({
  regionCode: z.string(),
  from: z.string(),
  to: z.string(),
  total: FigureGroup,
  /** A county's departments; empty for a city or the province (their departments are the counties'). */
  byDepartment: z.array(FigureGroup),
  /** For a city or the province: its counties (and the city's own cases); empty for a county. */
  byRegion: z.array(FigureGroup),
  byMonth: z.array(FigureGroup),
  /** Every figure but 零跑动可办率 (distinct items per channel: on the figures page, cut by channel). */
  byChannel: z.array(FigureGroup),
  open: z.object({ green: z.number(), yellow: z.number(), red: z.number(), paused: z.number() }),
});
export type Dashboard = z.infer<typeof Dashboard>;
export const DashboardQuery = z.object({
  regionCode: z
    .string()
    .regex(/^\d{6}$/, '区划代码为 6 位数字')
    .optional(),
  from: Month,
  to: Month,
});
export type DashboardQuery = z.infer<typeof DashboardQuery>;

// ── Per-item thresholds (SUP-1 warning days; each back-office step's own time) ──

export const ThresholdRow = z.object({
  itemId: z.string(),
  itemName: z.string(),
  departmentName: z.string(),
  regionCode: z.string(),
  promisedLimitDays: z.number().int(),
  legalLimitDays: z.number().int(),
  /** The back-office steps (审查, 决定 …) whose own time stepDays sets. */
  steps: z.array(z.string()),
  defaultWarningDays: z.number().int(),
  warningDays: z.number().int().nullable(),
  defaultStepDays: z.number().int(),
  stepDays: z.number().int().nullable(),
  updatedAt: z.string().nullable(),
});
export type ThresholdRow = z.infer<typeof ThresholdRow>;
export const ThresholdList = z.object({ items: z.array(ThresholdRow) });
export type ThresholdList = z.infer<typeof ThresholdList>;
/** null = back to the default (DOMAIN.md SUP-1: 20% of the promised limit, at least 1 working day). */
export const ThresholdInput = z.strictObject({
  warningDays: z
    .number({ error: '预警天数须为整数个工作日' })
    .int('预警天数须为整数个工作日')
    .min(1, '预警天数至少 1 个工作日')
    .max(365, '预警天数不超过 365 个工作日')
    .nullable(),
  stepDays: z
    .number({ error: '环节时限须为整数个工作日' })
    .int('环节时限须为整数个工作日')
    .min(1, '环节时限至少 1 个工作日')
    .max(365, '环节时限不超过 365 个工作日')
    .nullable(),
});
export type ThresholdInput = z.infer<typeof ThresholdInput>;

export const SUPERVISION_ERROR_CODES = [
  'SUPERVISION_ORDER_NOT_FOUND',
  'SUPERVISION_ORDER_ANSWERED',
  'SUPERVISION_PERIOD_TOO_LONG',
  'SUPERVISION_ITEM_NOT_FOUND',
  'SUPERVISION_THRESHOLD_TOO_LARGE',
  'SUPERVISION_STEP_DAYS_TOO_LARGE',
] as const;
export type SupervisionErrorCode = (typeof SUPERVISION_ERROR_CODES)[number];
