/**
 * One error class for the whole package, with a stable code and a default Chinese message per code
 * (ARCHITECTURE.md "Errors and input"). The server maps these codes to 4xx replies; nothing here
 * should ever surface as a 500.
 */
export const CalendarErrorCode = {
  INVALID_DATE: 'INVALID_DATE',
  INVALID_RANGE: 'INVALID_RANGE',
  DATE_OUT_OF_RANGE: 'DATE_OUT_OF_RANGE',
  INVALID_DAY_KIND: 'INVALID_DAY_KIND',
  DUPLICATE_DAY: 'DUPLICATE_DAY',
  INVALID_COUNT: 'INVALID_COUNT',
  INVALID_LIMIT: 'INVALID_LIMIT',
  PROMISED_EXCEEDS_LEGAL: 'PROMISED_EXCEEDS_LEGAL',
  INVALID_SETTINGS: 'INVALID_SETTINGS',
  INVALID_EVENT_ORDER: 'INVALID_EVENT_ORDER',
  DECISION_WITHOUT_ACCEPTANCE: 'DECISION_WITHOUT_ACCEPTANCE',
  SUSPENSION_OPEN_AFTER_DECISION: 'SUSPENSION_OPEN_AFTER_DECISION',
  EXTENSION_ALREADY_GRANTED: 'EXTENSION_ALREADY_GRANTED',
  EXTENSION_DAYS_INVALID: 'EXTENSION_DAYS_INVALID',
  EXTENSION_EXCEEDS_CAP: 'EXTENSION_EXCEEDS_CAP',
} as const;
export type CalendarErrorCode = (typeof CalendarErrorCode)[keyof typeof CalendarErrorCode];

export const calendarErrorMessages: Readonly<Record<CalendarErrorCode, string>> = {
  INVALID_DATE: '日期格式无效，应为 YYYY-MM-DD 的真实日期',
  INVALID_RANGE: '日期范围无效：起始日期晚于结束日期',
  DATE_OUT_OF_RANGE: '日期超出工作日历的覆盖范围',
  INVALID_DAY_KIND: '日历日类型无效',
  DUPLICATE_DAY: '同一日历层中同一日期被定义为不同类型',
  INVALID_COUNT: '工作日数必须是非负整数',
  INVALID_LIMIT: '时限必须是正整数个工作日',
  PROMISED_EXCEEDS_LEGAL: '承诺时限不得超过法定时限',
  INVALID_SETTINGS: '预警阈值设置无效',
  INVALID_EVENT_ORDER: '办件事件的时间先后顺序不合理',
  DECISION_WITHOUT_ACCEPTANCE: '办件未受理（也未视为受理）即作出决定',
  SUSPENSION_OPEN_AFTER_DECISION: '已作出决定的办件仍有未结束的特别程序',
  EXTENSION_ALREADY_GRANTED: '延期只能办理一次',
  EXTENSION_DAYS_INVALID: '延期天数必须是正整数个工作日',
  EXTENSION_EXCEEDS_CAP: '延期天数超过法定上限',
};

export class CalendarError extends Error {
  readonly code: CalendarErrorCode;
  readonly details: Readonly<Record<string, unknown>> | undefined;

  constructor(code: CalendarErrorCode, details?: Readonly<Record<string, unknown>>, message?: string) {
    super(message ?? calendarErrorMessages[code]);
    this.name = 'CalendarError';
    this.code = code;
    this.details = details;
  }
}
