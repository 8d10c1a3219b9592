import type { SupervisionErrorCode } from '@tongban/contracts';
import { AppError } from '../../platform/errors';

const DEFAULTS: Record<SupervisionErrorCode, [number, string]> = {
  SUPERVISION_ORDER_NOT_FOUND: [404, '督办单不存在'],
  SUPERVISION_ORDER_ANSWERED: [409, '该督办单已答复，不能重复答复'],
  SUPERVISION_PERIOD_TOO_LONG: [400, '统计期间最长 36 个月'],
};

export class SupervisionError extends AppError {
  constructor(code: SupervisionErrorCode, message?: string, details?: unknown) {
    const [status, text] = DEFAULTS[code];
    super(code, message ?? text, status, details);
  }
}
