import { ComplaintErrorCode } from '@tongban/contracts';
import { AppError } from '../../platform/errors';

export { ComplaintErrorCode };

const DEFAULTS: Record<ComplaintErrorCode, [number, string]> = {
  COMPLAINT_NOT_FOUND: [404, '工单不存在'],
  COMPLAINT_STALE: [409, '工单已被他人更新，请刷新后再试'],
  COMPLAINT_WRONG_STATUS: [409, '工单当前状态不允许此操作'],
  COMPLAINT_NOT_HOLDER: [403, '只有承办该工单的部门才能办理'],
  COMPLAINT_RETURN_TOO_LATE: [409, '退单须在派单后 2 个工作日内提出，已超过期限'],
  COMPLAINT_RETURN_PENDING: [409, '退单申请待派单台裁定'],
  COMPLAINT_NO_REPLY: [409, '尚未答复诉求人，不能办结'],
  COMPLAINT_NO_CALLBACK: [409, '尚未回访诉求人，不能办结'],
  COMPLAINT_CALLBACK_BY_HANDLER: [403, '回访须由办理人以外的人员进行'],
  COMPLAINT_CLOSE_BY_HANDLER: [403, '办结须由办理人以外的人员确认'],
  COMPLAINT_MERGE_CROSS_REGION: [409, '不同行政区划的工单不能并单'],
  COMPLAINT_MERGE_INVALID: [409, '这两张工单不能并单'],
  COMPLAINT_MERGED_NOT_CALLED_BACK: [409, '并入的工单尚有诉求人未回访，不能办结'],
  COMPLAINT_DEPARTMENT_UNKNOWN: [400, '部门不存在或不在本区划'],
  COMPLAINT_DUPLICATE_EXTERNAL_NO: [409, '该 12345 工单号已导入'],
  COMPLAINT_SHEET_INVALID: [400, '工单表有错误行，全部未导入'],
  COMPLAINT_NAME_REQUIRED: [400, '实名反映须填写姓名和电话'],
  COMPLAINT_CASE_NOT_REFUSED: [409, '该办件不是不予受理的办件'],
  COMPLAINT_OUTCOME_CASE_REQUIRED: [400, '重新受理或他处受理须关联办件'],
  COMPLAINT_NOT_OVERDUE: [409, '工单未超期，无需督办'],
  COMPLAINT_NOT_FOR_LEADER: [409, '该工单不是报领导或督办中的工单，或所选决定不适用'],
  COMPLAINT_PHOTO_NOT_COMMENT_BOOK: [409, '只有意见簿登记的工单可以附意见簿照片'],
  COMPLAINT_CATALOG_VERSION_NOT_FOUND: [404, '派单目录没有这一版'],
};

export class ComplaintError extends AppError {
  constructor(code: ComplaintErrorCode, message?: string, details?: unknown) {
    const [status, text] = DEFAULTS[code];
    super(code, message ?? text, status, details);
  }
}
