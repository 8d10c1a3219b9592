import { z } from 'zod';
import { IsoDate, RegionCode } from './org';

// The working-day calendar API (CAL-1, CAL-2). Shapes mirror @tongban/calendar, restated here because
// contracts depend on zod only.

/** Longest span one `GET /api/calendar/days` may ask for (a year view plus margins). */
export const CALENDAR_MAX_SPAN_DAYS = 400;
/** Largest N of a deadline query: far above any legal limit, small enough to stay in range. */
export const DEADLINE_MAX_DAYS = 1000;

export const DayStatus = z.enum(['weekday', 'weekend', 'workday', 'holiday', 'closure', 'extra_workday']);
export type DayStatus = z.infer<typeof DayStatus>;
export const DAY_STATUS_LABELS: Record<DayStatus, string> = {
  weekday: '工作日',
  weekend: '周末',
  workday: '调休上班',
  holiday: '法定节假日',
  closure: '本地停工',
  extra_workday: '本地加班日',
};

export const LocalDayKind = z.enum(['closure', 'extra_workday']);
export type LocalDayKind = z.infer<typeof LocalDayKind>;
export const LOCAL_DAY_KIND_LABELS: Record<LocalDayKind, string> = {
  closure: '停工（不计工作日）',
  extra_workday: '加班（计为工作日）',
};

export const LocalDay = z.object({
  id: z.string(),
  regionCode: z.string(),
  date: z.string(),
  kind: LocalDayKind,
  reason: z.string(),
  createdBy: z.string().nullable(),
  createdAt: z.string(),
});
export type LocalDay = z.infer<typeof LocalDay>;

export const LocalDayInput = z.object({
  regionCode: RegionCode,
  date: IsoDate,
  kind: LocalDayKind,
  reason: z.string().trim().min(1, { message: '请填写原因' }).max(200, { message: '原因不超过 200 个字' }),
});
export type LocalDayInput = z.infer<typeof LocalDayInput>;

export const CalendarDaysQuery = z
  .object({ regionCode: RegionCode, from: IsoDate, to: IsoDate })
  .refine((q) => q.from <= q.to, { message: '起始日期不能晚于结束日期', path: ['to'] });
export type CalendarDaysQuery = z.infer<typeof CalendarDaysQuery>;

export const CalendarDayView = z.object({
  date: z.string(),
  status: DayStatus,
  working: z.boolean(),
  /** Holiday name, make-up day name, or the local day's reason. */
  name: z.string().optional(),
  /** The local override deciding this day, possibly one of a region above (inherited). */
  localDay: LocalDay.extend({ inherited: z.boolean() }).optional(),
});
export type CalendarDayView = z.infer<typeof CalendarDayView>;

export const CalendarDays = z.object({
  regionCode: z.string(),
  regionName: z.string(),
  from: z.string(),
  to: z.string(),
  days: z.array(CalendarDayView),
});
export type CalendarDays = z.infer<typeof CalendarDays>;

export const SuspensionKind = z.enum([
  'hearing',
  'tender',
  'auction',
  'inspection',
  'testing',
  'quarantine',
  'appraisal',
  'expert_review',
  'site_survey',
  'other',
]);
export type SuspensionKind = z.infer<typeof SuspensionKind>;
export const SUSPENSION_KIND_LABELS: Record<SuspensionKind, string> = {
  hearing: '听证',
  tender: '招标',
  auction: '拍卖',
  inspection: '检验',
  testing: '检测',
  quarantine: '检疫',
  appraisal: '鉴定',
  expert_review: '专家评审',
  site_survey: '现场勘查',
  other: '其他特别程序',
};

export const DayNoteReason = z.enum([
  'weekend',
  'holiday',
  'closure',
  'suspension',
  'workday',
  'extra_workday',
]);
export type DayNoteReason = z.infer<typeof DayNoteReason>;

/** One notable day of a period: why it did not count, or why a weekend day did. */
export const DayNote = z.object({
  date: z.string(),
  counted: z.boolean(),
  reason: DayNoteReason,
  name: z.string().optional(),
  suspensionKind: SuspensionKind.optional(),
  /** Ready-to-show Chinese text, e.g. "10月1日 国庆节，不计" . */
  text: z.string(),
});
export type DayNote = z.infer<typeof DayNote>;

export const DeadlineQuery = z.object({
  regionCode: RegionCode,
  start: IsoDate,
  n: z.coerce
    .number({ message: '工作日数应为整数' })
    .int({ message: '工作日数应为整数' })
    .min(0, { message: '工作日数不能为负数' })
    .max(DEADLINE_MAX_DAYS, { message: `工作日数不超过 ${DEADLINE_MAX_DAYS}` }),
});
export type DeadlineQuery = z.infer<typeof DeadlineQuery>;

export const DeadlineResult = z.object({
  regionCode: z.string(),
  start: z.string(),
  n: z.number(),
  /** The n-th working day strictly after start (CAL-1). */
  deadline: z.string(),
  /** 24:00 Asia/Shanghai of the deadline, as an ISO instant. */
  endsAt: z.string(),
  /** Calendar days from start to deadline, for "N 个工作日 = M 个自然日". */
  calendarDays: z.number(),
  explanation: z.array(DayNote),
  /**
   * CAL-2: the deadline falls in a year whose State Council notice is not loaded yet, so holidays of
   * that year are not counted: the date may still move once the notice is loaded.
   */
  provisional: z.boolean(),
});
export type DeadlineResult = z.infer<typeof DeadlineResult>;

const Instant = z.iso.datetime({ offset: true, message: '时间格式应为 ISO 8601（含时区）' });

/** The recorded events of one case, as the case clock reads them (SUS-1, DEC-1/2, ACC-1, DEL-1). */
export const ClockExplanationInput = z.object({
  regionCode: RegionCode,
  materialsReceivedAt: Instant,
  acceptedAt: Instant.optional(),
  supplementRequestedAt: Instant.optional(),
  suspensions: z
    .array(
      z.object({ kind: SuspensionKind, countsInLimit: z.boolean(), start: Instant, end: Instant.optional() }),
    )
    .max(50, { message: '特别程序不超过 50 个' })
    .optional(),
  extension: z.object({ days: z.number().int() }).optional(),
  decidedAt: Instant.optional(),
  deliveredAt: Instant.optional(),
  legalLimitDays: z.number().int().min(1).max(DEADLINE_MAX_DAYS).optional(),
  promisedLimitDays: z.number().int().min(0).max(DEADLINE_MAX_DAYS).optional(),
  isBundle: z.boolean().default(false),
});
export type ClockExplanationInput = z.infer<typeof ClockExplanationInput>;

export const ClockState = z.enum(['green', 'yellow', 'red', 'paused']);
export type ClockState = z.infer<typeof ClockState>;
export const CLOCK_STATE_LABELS: Record<ClockState, string> = {
  green: '正常',
  yellow: '临近期限',
  red: '已超期',
  paused: '暂停计时',
};

export const LimitClockView = z.object({
  limitDays: z.number(),
  startDate: z.string(),
  deadline: z.string(),
  deadlineAt: z.string(),
  suspendedWorkingDays: z.number(),
  usedWorkingDays: z.number(),
  leftWorkingDays: z.number(),
  state: ClockState,
  stoppedOn: z.string().optional(),
  onTime: z.boolean().optional(),
});
export type LimitClockView = z.infer<typeof LimitClockView>;

export const CaseClockView = z.object({
  today: z.string(),
  phase: z.enum(['acceptance', 'awaiting_supplement', 'decision', 'delivery', 'done']),
  state: ClockState,
  acceptance: LimitClockView.extend({
    outcome: z.enum(['pending', 'accepted', 'supplement_requested', 'deemed_accepted']),
  }),
  decision: z
    .object({
      startDate: z.string(),
      deemedAccepted: z.boolean(),
      extensionDays: z.number(),
      legal: LimitClockView,
      promised: LimitClockView,
      suspendedPeriods: z.array(
        z.object({
          kind: SuspensionKind,
          from: z.string(),
          to: z.string(),
          open: z.boolean(),
          workingDays: z.number(),
        }),
      ),
      state: ClockState,
    })
    .optional(),
  delivery: LimitClockView.optional(),
});
export type CaseClockView = z.infer<typeof CaseClockView>;

export const ClockExplanation = z.object({ clock: CaseClockView, notes: z.array(DayNote) });
export type ClockExplanation = z.infer<typeof ClockExplanation>;

/** CAL-2: whether next year's national days are loaded (the notice arrives in November). */
export const CalendarStatus = z.object({
  /** Last year with national holiday data, or null when none is loaded. */
  dataThroughYear: z.number().nullable(),
  nextYear: z.number(),
  /** True from 1 December (Asia/Shanghai) while next year's days are missing. */
  nextYearMissing: z.boolean(),
});
export type CalendarStatus = z.infer<typeof CalendarStatus>;

/** CAL-2: the State Council's annual holiday notice, pasted as published. */
export const HolidayNoticeInput = z.object({
  text: z.string().trim().min(20, '请粘贴通知全文').max(20_000, '通知文本过长'),
  /** Load even though the preview listed warnings (a person has checked them). */
  acceptWarnings: z.boolean().default(false),
});
export type HolidayNoticeInput = z.input<typeof HolidayNoticeInput>;

export const NationalDay = z.object({
  date: z.string(),
  kind: z.enum(['holiday', 'workday']),
  name: z.string(),
});
export type NationalDay = z.infer<typeof NationalDay>;

export const HolidayNoticePreview = z.object({
  year: z.number(),
  blocks: z.array(
    z.object({
      name: z.string(),
      source: z.string(),
      holidays: z.array(z.string()),
      workdays: z.array(z.string()),
    }),
  ),
  days: z.array(NationalDay),
  warnings: z.array(z.string()),
  /** What loading it changes against the days already held for that year. */
  change: z.object({
    yearLoaded: z.boolean(),
    added: z.array(z.string()),
    removed: z.array(z.string()),
    changed: z.array(z.string()),
  }),
});
export type HolidayNoticePreview = z.infer<typeof HolidayNoticePreview>;

export const HolidayNoticeApplied = z.object({
  year: z.number(),
  holidays: z.number(),
  workdays: z.number(),
  replaced: z.boolean(),
});
export type HolidayNoticeApplied = z.infer<typeof HolidayNoticeApplied>;
