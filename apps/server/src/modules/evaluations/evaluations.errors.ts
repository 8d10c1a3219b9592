import type { EvaluationsErrorCode } from '@tongban/contracts';
import { AppError } from '../../platform/errors';

const DEFAULTS: Record<EvaluationsErrorCode, [number, string]> = {
  EVAL_PAD_NOT_REGISTERED: [404, '评价器未登记或已停用，请联系大厅管理员'],
  EVAL_VISIT_NOT_FOUND: [404, '没有待评价的服务'],
  EVAL_ALREADY_RATED: [409, '这次服务已经评价过了，一次服务只能评价一次'],
  EVAL_CASE_NOT_CONCLUDED: [409, '办件尚未办结，办结后才能评价'],
  EVAL_LINK_INVALID: [404, '评价链接无效或已使用'],
  EVAL_REASON_REQUIRED: [400, '不满意或非常不满意时，请选择原因'],
  EVAL_BAD_REVIEW_NOT_FOUND: [404, '差评工单不存在'],
  EVAL_WRONG_STEP: [409, '差评工单当前不在这一步'],
  EVAL_STALE: [409, '差评工单已被他人更新，请刷新后再试'],
  EVAL_SOD: [403, '经办整改的人和被评价人不能回访或办结这条差评'],
  EVAL_CALLBACK_REQUIRED: [409, '实名差评必须回访到本人后才能办结'],
  EVAL_APPEAL_EXISTS: [409, '这条评价已经申诉过'],
  EVAL_APPEAL_NOT_FOUND: [404, '申诉不存在或已复核'],
  EVAL_RATING_NOT_FOUND: [404, '评价不存在'],
  EVAL_WINDOW_NOT_FOUND: [404, '窗口不存在'],
  EVAL_EVIDENCE_UNKNOWN: [400, '整改证明材料须先上传到本工单'],
};

export class EvaluationsError extends AppError {
  constructor(code: EvaluationsErrorCode, message?: string) {
    const [status, text] = DEFAULTS[code];
    super(code, message ?? text, status);
  }
}
