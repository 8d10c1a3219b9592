// Contracts of the hall module (issue 19): appointments (APT-1), queue (QUE-1), presence, tidal
// windows, patrols and 督查告知书 (PAT-1), figures.
import { z } from 'zod';
import { IdCardNumber, Phone } from './cases';

const Text = (label: string, max: number, min = 1) =>
  z
    .string()
    .trim()
    .min(min, { message: `${label}不能为空` })
    .max(max, { message: `${label}不超过 ${max} 个字` });
const Uuid = z.uuid({ message: '编号格式不正确' });
const Day = z.iso.date({ message: '日期格式应为 YYYY-MM-DD' });

// ── Error codes (the web matches them) ──────────────────────────────────────

export const HallErrorCode = {
  SLOT_NOT_FOUND: 'HALL_SLOT_NOT_FOUND',
  SLOT_FULL: 'HALL_SLOT_FULL',
  SLOT_PAST: 'HALL_SLOT_PAST',
  OVERLAP: 'HALL_BOOKING_OVERLAP',
  PERSON_LIMIT: 'HALL_PERSON_LIMIT',
  SUSPENDED: 'HALL_PERSON_SUSPENDED',
  IDEMPOTENCY_MISMATCH: 'HALL_IDEMPOTENCY_MISMATCH',
  BOOKING_NOT_FOUND: 'HALL_BOOKING_NOT_FOUND',
  BOOKING_STATE: 'HALL_BOOKING_STATE',
  HOLD_EXPIRED: 'HALL_HOLD_EXPIRED',
  GROUP_NOT_FOUND: 'HALL_GROUP_NOT_FOUND',
  HALL_NOT_FOUND: 'HALL_HALL_NOT_FOUND',
  WINDOW_NOT_FOUND: 'HALL_WINDOW_NOT_FOUND',
  WINDOW_CLOSED: 'HALL_WINDOW_CLOSED',
  WINDOW_TAKEN: 'HALL_WINDOW_TAKEN',
  STAFF_NOT_FOUND: 'HALL_STAFF_NOT_FOUND',
  STAFF_ON_DUTY: 'HALL_STAFF_ON_DUTY',
  NOT_ON_DUTY: 'HALL_NOT_ON_DUTY',
  TICKET_NOT_FOUND: 'HALL_TICKET_NOT_FOUND',
  TICKET_STATE: 'HALL_TICKET_STATE',
  WINDOW_BUSY: 'HALL_WINDOW_BUSY',
  QUEUE_EMPTY: 'HALL_QUEUE_EMPTY',
  PATROL_NOT_FOUND: 'HALL_PATROL_NOT_FOUND',
  PATROL_NOT_DUE: 'HALL_PATROL_NOT_DUE',
  PATROL_STATE: 'HALL_PATROL_STATE',
  NOTICE_NOT_FOUND: 'HALL_NOTICE_NOT_FOUND',
  NOTICE_STATE: 'HALL_NOTICE_STATE',
  SAME_PERSON: 'HALL_SAME_PERSON',
} as const;
export type HallErrorCode = (typeof HallErrorCode)[keyof typeof HallErrorCode];

// ── Labels ──────────────────────────────────────────────────────────────────

export const AppointmentStatus = z.enum([
  'held',
  'confirmed',
  'cancelled',
  'expired',
  'checked_in',
  'no_show',
]);
export type AppointmentStatus = z.infer<typeof AppointmentStatus>;
export const APPOINTMENT_STATUS_LABELS: Record<AppointmentStatus, string> = {
  held: '待确认',
  confirmed: '已预约',
  cancelled: '已取消',
  expired: '未确认已失效',
  checked_in: '已签到取号',
  no_show: '爽约',
};

export const TicketPriority = z.enum(['green', 'appointment', 'normal']);
export type TicketPriority = z.infer<typeof TicketPriority>;
export const TICKET_PRIORITY_LABELS: Record<TicketPriority, string> = {
  green: '绿色通道',
  appointment: '预约签到',
  normal: '普通',
};

export const TicketStatus = z.enum(['waiting', 'called', 'skipped', 'finished']);
export type TicketStatus = z.infer<typeof TicketStatus>;
export const TICKET_STATUS_LABELS: Record<TicketStatus, string> = {
  waiting: '等候中',
  called: '已叫号',
  skipped: '过号',
  finished: '已办结',
};

export const PatrolProblemKind = z.enum([
  'absent',
  'late',
  'attitude',
  'dress',
  'badge',
  'display',
  'scalper',
]);
export type PatrolProblemKind = z.infer<typeof PatrolProblemKind>;
export const PATROL_PROBLEM_LABELS: Record<PatrolProblemKind, string> = {
  absent: '窗口无人（脱岗）',
  late: '迟到',
  attitude: '服务态度',
  dress: '着装不规范',
  badge: '未佩戴工牌',
  display: '窗口标识/公示不规范',
  scalper: '发现黄牛',
};

export const NoticeStatus = z.enum(['issued', 'replied', 'closed']);
export type NoticeStatus = z.infer<typeof NoticeStatus>;
export const NOTICE_STATUS_LABELS: Record<NoticeStatus, string> = {
  issued: '待整改',
  replied: '已反馈待复查',
  closed: '复查通过',
};

// ── Params ─────────────────────────────────────────────────────────────────

export const HallIdParams = z.object({ hallId: Uuid });
export const HallRecordParams = z.object({ id: Uuid });

// ── Groups, windows, settings ───────────────────────────────────────────────

export const ItemGroup = z.object({
  id: z.string(),
  hallId: z.string(),
  code: z.string(),
  name: z.string(),
  personLimit: z.number().int(),
  limitPeriodDays: z.number().int(),
});
export type ItemGroup = z.infer<typeof ItemGroup>;

export const ItemGroupInput = z.strictObject({
  hallId: Uuid,
  code: z.string().regex(/^[A-Z]$/, { message: '分组代码应为一个大写字母' }),
  name: Text('分组名称', 50),
  personLimit: z.number().int().min(1).max(10).default(1),
  limitPeriodDays: z.number().int().min(1).max(366).default(30),
});
export type ItemGroupInput = z.infer<typeof ItemGroupInput>;

export const HallWindowState = z.object({
  windowId: z.string(),
  number: z.string(),
  name: z.string(),
  tidal: z.boolean(),
  groupIds: z.array(z.string()),
  onDuty: z.object({ staffId: z.string(), name: z.string(), since: z.string() }).nullable(),
  current: z.object({ ticketId: z.string(), number: z.string() }).nullable(),
});
export type HallWindowState = z.infer<typeof HallWindowState>;

export const HallOverview = z.object({
  hall: z.object({ id: z.string(), name: z.string(), regionCode: z.string() }),
  groups: z.array(ItemGroup.extend({ waiting: z.number().int() })),
  windows: z.array(HallWindowState),
});
export type HallOverview = z.infer<typeof HallOverview>;

export const PublicHall = z.object({
  id: z.string(),
  name: z.string(),
  /** The region the hall serves: where the portal's public forms (留言, 中介入驻) are filed. */
  regionCode: z.string(),
  groups: z.array(z.object({ id: z.string(), code: z.string(), name: z.string() })),
});
export const PublicHallList = z.object({ halls: z.array(PublicHall) });
export type PublicHall = z.infer<typeof PublicHall>;

export const HallSettings = z.object({
  holdMinutes: z.number().int(),
  noShowLimit: z.number().int(),
  noShowWindowDays: z.number().int(),
  suspensionDays: z.number().int(),
  patrolsPerDay: z.number().int(),
  noticeDeadlineDays: z.number().int(),
});
export type HallSettings = z.infer<typeof HallSettings>;
export const HallSettingsInput = z.strictObject({
  holdMinutes: z.number().int().min(1).max(120),
  noShowLimit: z.number().int().min(1).max(20),
  noShowWindowDays: z.number().int().min(1).max(366),
  suspensionDays: z.number().int().min(1).max(366),
  patrolsPerDay: z.number().int().min(4, { message: '每天至少巡查四次' }).max(12),
  noticeDeadlineDays: z.number().int().min(1).max(30),
});

// ── Slots ──────────────────────────────────────────────────────────────────

export const Slot = z.object({
  id: z.string(),
  hallId: z.string(),
  groupId: z.string(),
  windowId: z.string().nullable(),
  startsAt: z.string(),
  endsAt: z.string(),
  capacity: z.number().int(),
  booked: z.number().int(),
});
export type Slot = z.infer<typeof Slot>;
export const SlotList = z.object({ slots: z.array(Slot) });
export const SlotQuery = z.object({ hallId: Uuid, groupId: Uuid.optional(), date: Day });
export type SlotQuery = z.infer<typeof SlotQuery>;

/** A day of slots: from `from` to `to` (HH:MM, Asia/Shanghai) in `minutes` steps, `capacity` each. */
export const SlotBatchInput = z
  .strictObject({
    hallId: Uuid,
    groupId: Uuid,
    windowId: Uuid.nullable().optional(),
    date: Day,
    from: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: '时间格式应为 HH:MM' }),
    to: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: '时间格式应为 HH:MM' }),
    minutes: z.number().int().min(5).max(240),
    capacity: z.number().int().min(0).max(1000),
  })
  .refine((v) => v.from < v.to, { message: '结束时间应晚于开始时间', path: ['to'] });
export type SlotBatchInput = z.infer<typeof SlotBatchInput>;
export const SlotCapacityInput = z.strictObject({ capacity: z.number().int().min(0).max(1000) });

// ── Bookings (APT-1) ────────────────────────────────────────────────────────

/** Real-name booking: identity number and phone in the body only, never in a URL (SEC rules). */
export const BookingHoldInput = z.strictObject({
  slotId: Uuid,
  name: Text('姓名', 50),
  idNumber: IdCardNumber,
  phone: Phone,
  /** The client's key for this attempt: a repeated request returns the same booking. */
  idempotencyKey: z.string().trim().min(8).max(80),
});
export type BookingHoldInput = z.infer<typeof BookingHoldInput>;

export const BookingConfirmInput = z.strictObject({ code: z.string().trim().min(6).max(20) });
export const BookingCancelInput = z.strictObject({ code: z.string().trim().min(6).max(20) });

export const Booking = z.object({
  id: z.string(),
  code: z.string(),
  hallId: z.string(),
  slotId: z.string(),
  groupId: z.string(),
  groupName: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  status: AppointmentStatus,
  channel: z.enum(['portal', 'counter']),
  nameMasked: z.string(),
  idMasked: z.string(),
  phoneMasked: z.string(),
  holdExpiresAt: z.string().nullable(),
  createdAt: z.string(),
  checkedInAt: z.string().nullable(),
  ticketId: z.string().nullable(),
});
export type Booking = z.infer<typeof Booking>;
export const BookingList = z.object({ bookings: z.array(Booking), total: z.number().int() });
export const BookingQuery = z.object({
  hallId: Uuid.optional(),
  date: Day.optional(),
  status: AppointmentStatus.optional(),
  groupId: Uuid.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export type BookingQuery = z.infer<typeof BookingQuery>;

export const NoShowRunReply = z.object({ marked: z.number().int(), suspended: z.number().int() });

// ── Tickets (QUE-1) ─────────────────────────────────────────────────────────

export const TicketIssueInput = z.strictObject({
  hallId: Uuid,
  groupId: Uuid,
  /** Green channel (elderly, disabled, key projects): the reason is required. */
  green: z.boolean().default(false),
  greenReason: z.string().trim().max(50).optional(),
});
export type TicketIssueInput = z.infer<typeof TicketIssueInput>;

export const CheckInInput = z.strictObject({ hallId: Uuid, idNumber: IdCardNumber });
export type CheckInInput = z.infer<typeof CheckInInput>;

export const Ticket = z.object({
  id: z.string(),
  hallId: z.string(),
  groupId: z.string(),
  groupName: z.string(),
  number: z.string(),
  priority: TicketPriority,
  status: TicketStatus,
  windowId: z.string().nullable(),
  windowNumber: z.string().nullable(),
  targetWindowId: z.string().nullable(),
  staffId: z.string().nullable(),
  issuedAt: z.string(),
  calledAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
  waitingSeconds: z.number().nullable(),
  ahead: z.number().int().nullable(),
});
export type Ticket = z.infer<typeof Ticket>;
export const TicketList = z.object({ tickets: z.array(Ticket) });
export const TicketQuery = z.object({
  hallId: Uuid.optional(),
  date: Day.optional(),
  status: TicketStatus.optional(),
  groupId: Uuid.optional(),
  windowId: Uuid.optional(),
  hour: z.coerce.number().int().min(0).max(23).optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(200),
});
export type TicketQuery = z.infer<typeof TicketQuery>;

export const TicketEvent = z.object({
  kind: z.string(),
  windowId: z.string().nullable(),
  at: z.string(),
  detail: z.record(z.string(), z.unknown()),
});
export const TicketDetail = Ticket.extend({ events: z.array(TicketEvent) });

export const CallSpecificInput = z.strictObject({ ticketId: Uuid });
export const TicketTransferInput = z
  .strictObject({ toWindowId: Uuid.optional(), toGroupId: Uuid.optional() })
  .refine((v) => !!v.toWindowId !== !!v.toGroupId, { message: '请选择转到的窗口或分组（二选一）' });
export type TicketTransferInput = z.infer<typeof TicketTransferInput>;

/** One call on the hall's screen (public: ticket number and window only). */
export const CallShown = z.object({
  ticketNumber: z.string(),
  windowNumber: z.string(),
  windowName: z.string(),
  at: z.string(),
  recall: z.boolean(),
});
export type CallShown = z.infer<typeof CallShown>;
export const CallScreen = z.object({
  hallName: z.string(),
  calls: z.array(CallShown),
  waiting: z.array(z.object({ groupName: z.string(), count: z.number().int() })),
});
export type CallScreen = z.infer<typeof CallScreen>;

// ── Presence ──────────────────────────────────────────────────────────────

export const PresenceSignInInput = z.strictObject({ windowId: Uuid, staffId: Uuid });
export const Presence = z.object({
  id: z.string(),
  hallId: z.string(),
  windowId: z.string(),
  windowNumber: z.string(),
  staffId: z.string(),
  staffName: z.string(),
  signedInAt: z.string(),
  signedOutAt: z.string().nullable(),
});
export type Presence = z.infer<typeof Presence>;

export const ConsoleState = z.object({
  presence: Presence.nullable(),
  current: Ticket.nullable(),
  waiting: z.number().int(),
  staffOptions: z.array(z.object({ id: z.string(), name: z.string(), windowId: z.string().nullable() })),
  windows: z.array(z.object({ id: z.string(), number: z.string(), name: z.string(), open: z.boolean() })),
  groups: z.array(z.object({ id: z.string(), code: z.string(), name: z.string() })),
});
export type ConsoleState = z.infer<typeof ConsoleState>;

export const PresenceBoardEntry = z.object({
  staffId: z.string(),
  name: z.string(),
  title: z.string(),
  departmentName: z.string(),
  windowNumber: z.string().nullable(),
  photo: z.string().nullable(),
  onDutyNow: z.boolean(),
  missingPhoto: z.boolean(),
});
export const PresenceBoard = z.object({ hallName: z.string(), entries: z.array(PresenceBoardEntry) });
export type PresenceBoard = z.infer<typeof PresenceBoard>;

/** The 32-vs-21 problem: the register of stationed staff per department against who signed in. */
export const RegisterRow = z.object({
  departmentId: z.string(),
  departmentName: z.string(),
  registered: z.number().int(),
  signedIn: z.number().int(),
  neverSignedIn: z.array(z.object({ staffId: z.string(), name: z.string() })),
  missingPhoto: z.array(z.object({ staffId: z.string(), name: z.string() })),
  pastTerm: z.array(z.object({ staffId: z.string(), name: z.string(), stationedUntil: z.string() })),
});
export const PresenceRegister = z.object({ from: z.string(), to: z.string(), rows: z.array(RegisterRow) });
export type PresenceRegister = z.infer<typeof PresenceRegister>;
export const RegisterQuery = z.object({
  hallId: Uuid,
  days: z.coerce.number().int().min(1).max(366).default(30),
});

// ── Tidal windows ─────────────────────────────────────────────────────────

export const TidalSuggestion = z.object({
  windowId: z.string(),
  windowNumber: z.string(),
  fromGroupIds: z.array(z.string()),
  toGroupId: z.string(),
  toGroupName: z.string(),
  reason: z.string(),
});
export type TidalSuggestion = z.infer<typeof TidalSuggestion>;
export const TidalView = z.object({
  load: z.array(
    z.object({
      groupId: z.string(),
      groupName: z.string(),
      waiting: z.number().int(),
      bookingsLeft: z.number().int(),
      windows: z.number().int(),
      perWindow: z.number(),
    }),
  ),
  suggestions: z.array(TidalSuggestion),
  switches: z.array(
    z.object({
      windowNumber: z.string(),
      fromGroupIds: z.array(z.string()),
      toGroupIds: z.array(z.string()),
      reason: z.string(),
      at: z.string(),
    }),
  ),
});
export type TidalView = z.infer<typeof TidalView>;
export const TidalApplyInput = z.strictObject({
  windowId: Uuid,
  toGroupIds: z.array(Uuid).min(1).max(10),
  reason: Text('切换理由', 200),
});
export type TidalApplyInput = z.infer<typeof TidalApplyInput>;

// ── Patrols and notices (PAT-1) ─────────────────────────────────────────────

export const PatrolProblem = z.object({
  id: z.string(),
  patrolId: z.string(),
  kind: PatrolProblemKind,
  windowId: z.string().nullable(),
  windowNumber: z.string().nullable(),
  staffId: z.string().nullable(),
  staffName: z.string().nullable(),
  departmentId: z.string().nullable(),
  departmentName: z.string().nullable(),
  note: z.string(),
  photo: z.string().nullable(),
  foundAt: z.string(),
  noticeId: z.string().nullable(),
  /** Problems of the same kind at the same window or by the same person in the last 30 days. */
  repeatCount: z.number().int(),
});
export type PatrolProblem = z.infer<typeof PatrolProblem>;

export const Patrol = z.object({
  id: z.string(),
  hallId: z.string(),
  day: z.string(),
  /** Null until due: the times are not announced in advance (PAT-1). */
  plannedAt: z.string().nullable(),
  status: z.enum(['planned', 'done']),
  due: z.boolean(),
  startedAt: z.string().nullable(),
  doneAt: z.string().nullable(),
  problems: z.array(PatrolProblem),
});
export type Patrol = z.infer<typeof Patrol>;
export const PatrolDay = z.object({ day: z.string(), patrols: z.array(Patrol) });
export type PatrolDay = z.infer<typeof PatrolDay>;
export const PatrolDayQuery = z.object({ hallId: Uuid, date: Day.optional() });

export const PatrolProblemInput = z
  .strictObject({
    kind: PatrolProblemKind,
    windowId: Uuid.nullable().optional(),
    staffId: Uuid.nullable().optional(),
    note: z.string().trim().max(500).default(''),
  })
  .refine((v) => !!v.windowId || !!v.staffId, { message: '问题须指明窗口或工作人员' });
export type PatrolProblemInput = z.infer<typeof PatrolProblemInput>;

export const InspectionNotice = z.object({
  id: z.string(),
  noticeNo: z.string(),
  hallId: z.string(),
  departmentId: z.string(),
  departmentName: z.string(),
  patrolId: z.string(),
  status: NoticeStatus,
  overdue: z.boolean(),
  issuedAt: z.string(),
  deadline: z.string(),
  round: z.number().int(),
  reply: z.string().nullable(),
  repliedAt: z.string().nullable(),
  followupNote: z.string().nullable(),
  followedUpAt: z.string().nullable(),
  problems: z.array(PatrolProblem),
  events: z.array(z.object({ kind: z.string(), note: z.string(), at: z.string() })),
});
export type InspectionNotice = z.infer<typeof InspectionNotice>;
export const NoticeList = z.object({ notices: z.array(InspectionNotice) });
export const NoticeQuery = z.object({ status: NoticeStatus.optional(), departmentId: Uuid.optional() });
export const NoticeReplyInput = z.strictObject({ reply: Text('整改情况', 2000) });
export const NoticeFollowUpInput = z.strictObject({ passed: z.boolean(), note: Text('复查意见', 1000) });
export const PatrolProblemQuery = z.object({
  departmentId: Uuid.optional(),
  kind: PatrolProblemKind.optional(),
  month: z
    .string()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/, { message: '月份格式应为 YYYY-MM' })
    .optional(),
});
export const PatrolProblemList = z.object({ problems: z.array(PatrolProblem) });
export const MonthQuery = z.object({
  hallId: Uuid,
  month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { message: '月份格式应为 YYYY-MM' }),
});

// ── Figures (TRUTH-1: computed from the records) ──────────────────────────────

export const HallFiguresQuery = z.object({ hallId: Uuid, from: Day, to: Day });
export type HallFiguresQuery = z.infer<typeof HallFiguresQuery>;
export const HallFigures = z.object({
  waitingByGroupHour: z.array(
    z.object({
      groupId: z.string(),
      groupName: z.string(),
      hour: z.number().int(),
      count: z.number().int(),
      meanSeconds: z.number(),
      p90Seconds: z.number(),
    }),
  ),
  servedByWindow: z.array(
    z.object({ windowId: z.string(), windowNumber: z.string(), served: z.number().int() }),
  ),
  bookings: z.object({
    total: z.number().int(),
    checkedIn: z.number().int(),
    noShow: z.number().int(),
    cancelled: z.number().int(),
    noShowRate: z.number().nullable(),
    usedRate: z.number().nullable(),
  }),
  problemsByDepartment: z.array(
    z.object({ departmentId: z.string(), departmentName: z.string(), problems: z.number().int() }),
  ),
});
export type HallFigures = z.infer<typeof HallFigures>;
