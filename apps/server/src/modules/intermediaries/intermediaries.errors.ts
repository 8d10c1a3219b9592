import type { IntermediariesErrorCode } from '@tongban/contracts';
import { AppError } from '../../platform/errors';

const DEFAULTS: Record<IntermediariesErrorCode, [number, string]> = {
  INTERMEDIARY_EXISTS: [409, '该统一社会信用代码已入驻'],
  INTERMEDIARY_TOKEN_INVALID: [404, '机构密钥无效或机构不存在'],
  INTERMEDIARY_LINK_NOT_FOUND: [404, '关联申请不存在'],
  INTERMEDIARY_LINK_CHECKED: [409, '该关联申请已审核'],
  INTERMEDIARY_PURCHASE_NOT_FOUND: [404, '采购需求不存在'],
  INTERMEDIARY_PURCHASE_STATE: [409, '采购需求当前状态不允许此操作'],
  INTERMEDIARY_NOT_QUALIFIED: [409, '所选中介机构不提供该类服务'],
  INTERMEDIARY_NONE_QUALIFIED: [409, '没有符合条件的中介机构可供抽取'],
  INTERMEDIARY_NO_QUOTES: [409, '尚无报价，不能竞价选取'],
  INTERMEDIARY_FIELD_REQUIRED: [400, '此操作缺少必填信息'],
};

export type { IntermediariesErrorCode };

export class IntermediariesError extends AppError {
  constructor(code: IntermediariesErrorCode, message?: string) {
    const [status, text] = DEFAULTS[code];
    super(code, message ?? text, status);
  }
}
