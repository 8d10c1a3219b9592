import type { TradingErrorCode } from '@tongban/contracts';
import { AppError } from '../../platform/errors';

const DEFAULTS: Record<TradingErrorCode, [number, string]> = {
  TRADING_PROJECT_NOT_FOUND: [404, '交易项目不存在'],
  TRADING_ACTION_NOT_ALLOWED: [409, '项目当前状态不允许此操作'],
  TRADING_FIELD_REQUIRED: [400, '此操作缺少必填信息'],
  TRADING_BID_AFTER_DEADLINE: [409, '投标截止时间已过，不再接收投标文件'],
  TRADING_BID_NOT_OPEN: [409, '项目不在招标公告期，不能接收投标'],
  TRADING_BIDDER_NOT_FOUND: [404, '投标人不存在'],
  TRADING_DEADLINE_NOT_REACHED: [409, '投标截止时间未到，不能开标'],
  TRADING_PANEL_INVALID: [400, '评标委员会组成不符合规定'],
  TRADING_PANEL_NOT_READY: [409, '评标委员会名单未开启或组成不合规，不能开始评标'],
  TRADING_POOL_TOO_SMALL: [409, '符合条件的专家人数不足，无法抽取'],
  TRADING_DRAW_EXISTS: [409, '本项目已抽取专家'],
  TRADING_DRAW_NOT_FOUND: [404, '抽取记录不存在'],
  TRADING_DRAW_SEALED: [409, '名单尚未到开启时间'],
  TRADING_DRAW_ALREADY_OPEN: [409, '名单已经开启'],
  TRADING_EXPERT_CONFLICT: [409, '该专家与本项目存在回避关系'],
  TRADING_EXPERT_NOT_ON_PANEL: [400, '该专家不在本项目评标委员会中'],
  TRADING_PUBLICITY_LATE: [400, '中标候选人须在评标报告后 3 日内公示'],
  TRADING_PUBLICITY_TOO_SHORT: [400, '公示期不得少于 3 日'],
  TRADING_PUBLICITY_NOT_ENDED: [409, '公示期未满，不能发出中标通知书'],
  TRADING_DEPOSIT_OVER_CAP: [400, '投标保证金不得超过招标项目估算价的 2%'],
  TRADING_DEPOSIT_NOT_FOUND: [404, '保证金记录不存在'],
  TRADING_DEPOSIT_EXISTS: [409, '该投标人已登记保证金'],
  TRADING_REFUND_NOT_TRIGGERED: [
    409,
    '退还条件尚未发生（合同未签订、中标通知未发出或未撤回投标），不能登记退还',
  ],
  TRADING_REFUND_BEFORE_TRIGGER: [400, '退还日期早于触发事件日期'],
  TRADING_REFUND_TWICE: [409, '该保证金已退还，不能重复登记'],
  TRADING_ROOM_TAKEN: [409, '该评标室当日已被预约'],
  TRADING_BID_VALIDITY_EXPIRED: [409, '投标有效期已过，不能再发出中标通知书（须先延长投标有效期）'],
  TRADING_DEPOSIT_DATE_FUTURE: [400, '缴纳日期不能晚于今天'],
  TRADING_DEPOSIT_AFTER_DEADLINE: [400, '投标保证金须在投标截止时间前缴纳，截止后缴纳的不予登记'],
  TRADING_DEPOSIT_VALIDITY_SHORT: [400, '投标保证金的有效期须覆盖投标有效期'],
  TRADING_DEPOSIT_BIDDER_WITHDRAWN: [409, '该投标人已撤回投标，不能登记保证金'],
  TRADING_COMPLAINT_NOT_OPEN: [409, '中标候选人尚未公示，不能提出投诉'],
  TRADING_COMPLAINT_LATE: [409, '已超过投诉期限（公示开始后 10 日内）'],
  TRADING_COMPLAINT_PENDING: [409, '有投诉尚未处理完毕，暂停发出中标通知书和签订合同'],
  TRADING_COMPLAINT_NOT_FOUND: [404, '投诉不存在'],
  TRADING_COMPLAINT_STATE: [409, '投诉当前状态不允许此操作'],
  TRADING_COMPLAINT_REASON_REQUIRED: [400, '须写明理由'],
  TRADING_COMPLAINT_SAME_PERSON: [403, '登记投诉的人员不能处理同一投诉'],
  TRADING_CALENDAR_MISSING: [409, '工作日历未覆盖该日期，无法计算退还期限'],
};

export type { TradingErrorCode };

export class TradingError extends AppError {
  constructor(code: TradingErrorCode, message?: string, details?: unknown) {
    const [status, text] = DEFAULTS[code];
    super(code, message ?? text, status, details);
  }
}
