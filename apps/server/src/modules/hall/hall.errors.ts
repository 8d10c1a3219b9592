import { HallErrorCode } from '@tongban/contracts';
import { AppError } from '../../platform/errors';

export { HallErrorCode };

const DEFAULTS: Record<HallErrorCode, [number, string]> = {
  HALL_SLOT_NOT_FOUND: [404, '预约时段不存在'],
  HALL_SLOT_FULL: [409, '该时段已约满，请选择其他时段'],
  HALL_SLOT_PAST: [409, '该时段已过或已开始，不能再预约'],
  HALL_BOOKING_OVERLAP: [409, '您在这一时间已有预约，同一时间不能预约两次'],
  HALL_PERSON_LIMIT: [409, '已达到该类事项每人可预约的次数上限'],
  HALL_PERSON_SUSPENDED: [403, '因多次预约未到，网上预约已暂停，请到窗口现场取号'],
  HALL_IDEMPOTENCY_MISMATCH: [409, '该请求编号已用于另一次预约，请刷新后重试'],
  HALL_BOOKING_NOT_FOUND: [404, '未找到预约，请核对预约码或身份信息'],
  HALL_BOOKING_STATE: [409, '该预约当前状态不允许此操作'],
  HALL_HOLD_EXPIRED: [409, '预约保留时间已过，请重新预约'],
  HALL_GROUP_NOT_FOUND: [404, '事项分组不存在'],
  HALL_HALL_NOT_FOUND: [404, '大厅不存在'],
  HALL_WINDOW_NOT_FOUND: [404, '窗口不存在'],
  HALL_WINDOW_CLOSED: [409, '目标窗口当前无人在岗，不能转入'],
  HALL_WINDOW_TAKEN: [409, '该窗口已有工作人员在岗'],
  HALL_STAFF_NOT_FOUND: [404, '工作人员不存在'],
  HALL_STAFF_ON_DUTY: [409, '该工作人员已在其他窗口签到，请先签退'],
  HALL_NOT_ON_DUTY: [409, '请先在窗口签到上岗'],
  HALL_TICKET_NOT_FOUND: [404, '号票不存在'],
  HALL_TICKET_STATE: [409, '该号当前状态不允许此操作（可能已被叫号或已办结）'],
  HALL_WINDOW_BUSY: [409, '当前号尚未办结或过号，请先处理当前号'],
  HALL_QUEUE_EMPTY: [409, '当前没有等候的号'],
  HALL_PATROL_NOT_FOUND: [404, '巡查记录不存在'],
  HALL_PATROL_NOT_DUE: [409, '该次巡查尚未到时间'],
  HALL_PATROL_STATE: [409, '该次巡查已结束'],
  HALL_NOTICE_NOT_FOUND: [404, '督查告知书不存在'],
  HALL_NOTICE_STATE: [409, '督查告知书当前状态不允许此操作'],
  HALL_SAME_PERSON: [409, '复查须由反馈整改情况以外的人进行'],
};

export class HallError extends AppError {
  constructor(code: HallErrorCode, message?: string, details?: unknown) {
    const [status, text] = DEFAULTS[code];
    super(code, message ?? text, status, details);
  }
}
