import { InboxErrorCode } from '@tongban/contracts';
import { AppError } from '../../platform/errors';

export { InboxErrorCode };

const DEFAULTS: Record<InboxErrorCode, [number, string]> = {
  INBOX_ITEM_NOT_FOUND: [404, '消息不存在'],
  INBOX_NO_USER: [403, '只有登录的工作人员才有站内消息'],
};

export class InboxError extends AppError {
  constructor(code: InboxErrorCode, message?: string) {
    const [status, text] = DEFAULTS[code];
    super(code, message ?? text, status);
  }
}
