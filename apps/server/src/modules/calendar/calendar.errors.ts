import { CalendarErrorCode } from '@tongban/contracts';
import { CalendarError, type CalendarErrorCode as PureCalendarErrorCode } from '@tongban/calendar';
import { AppError } from '../../platform/errors';

export { CalendarErrorCode };

const DEFAULTS: Record<CalendarErrorCode, [number, string]> = {
  CALENDAR_REGION_NOT_FOUND: [404, '行政区划不存在'],
  CALENDAR_OUT_OF_REGION: [403, '不能维护本辖区以外的工作日历'],
  CALENDAR_LOCAL_DAY_NOT_FOUND: [404, '本地日历调整不存在'],
  CALENDAR_LOCAL_DAY_EXISTS: [409, '该区划在这一天已有本地调整，请先删除原调整'],
  CALENDAR_LOCAL_DAY_REDUNDANT: [400, '这一天本来就是所选类型，无需调整'],
  CALENDAR_DATE_OUT_OF_RANGE: [400, '日期超出工作日历的覆盖范围'],
  CALENDAR_SPAN_TOO_LONG: [400, '一次查询的日期跨度过长'],
  CALENDAR_INVALID_INPUT: [400, '输入有误'],
  CALENDAR_NO_NATIONAL_DATA: [503, '尚未导入国家节假日数据'],
  CALENDAR_NOTICE_UNREADABLE: [400, '没有读懂这份节假日通知'],
  CALENDAR_NOTICE_PAST_YEAR: [400, '只能导入今年或明年的节假日通知'],
  CALENDAR_NOTICE_WARNINGS: [400, '通知中有需要核对的地方，请先在预览中确认'],
};

export class CalendarModuleError extends AppError {
  constructor(code: CalendarErrorCode, message?: string, details?: unknown) {
    const [status, text] = DEFAULTS[code];
    super(code, message ?? text, status, details);
  }
}

/**
 * The pure package's errors are all about input (a date out of range, events out of order, an
 * extension over its cap): 400 with the package's Chinese message, never a 500.
 */
export function fromPureError(err: unknown): unknown {
  if (!(err instanceof CalendarError)) return err;
  const code: PureCalendarErrorCode = err.code;
  if (code === 'DATE_OUT_OF_RANGE') {
    return new CalendarModuleError('CALENDAR_DATE_OUT_OF_RANGE', undefined, err.details);
  }
  return new AppError(`CALENDAR_${code}` as const, err.message, 400, err.details);
}
