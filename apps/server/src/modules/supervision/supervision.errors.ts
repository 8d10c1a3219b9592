import type { SupervisionErrorCode } from '@tongban/contracts';
import { AppError } from '../../platform/errors';

const DEFAULTS: Record<SupervisionErrorCode, [number, string]> = {
  SUPERVISION_ORDER_NOT_FOUND: [404, '督办单不存在'],
  SUPERVISION_ORDER_ANSWERED: [409, '该督办单已答复，不能重复答复'],
  SUPERVISION_PERIOD_TOO_LONG: [400, '统计期间最长 36 个月'],
  SUPERVISION_ITEM_NOT_FOUND: [404, '事项不存在或不在本辖区'],
  SUPERVISION_THRESHOLD_TOO_LARGE: [422, '预警天数须小于承诺时限，否则办件一受理即为黄灯'],
  SUPERVISION_STEP_DAYS_TOO_LARGE: [422, '单个环节的时限不能超过承诺时限'],
};

export class SupervisionError extends AppError {
  constructor(code: SupervisionErrorCode, message?: string, details?: unknown) {
    const [status, text] = DEFAULTS[code];
    super(code, message ?? text, status, details);
  }
}
