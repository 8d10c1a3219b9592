import { LedgerErrorCode } from '@tongban/contracts';
import { AppError } from '../../platform/errors';

export { LedgerErrorCode };

const DEFAULTS: Record<LedgerErrorCode, [number, string]> = {
  LEDGER_NO_EVIDENCE: [409, '销号前须有至少一项佐证材料（文件或记录）'],
  LEDGER_SIGNOFF_OWN: [403, '责任人不能为自己负责的整改措施销号，须由他人核验'],
  LEDGER_ALREADY_SIGNED_OFF: [409, '该整改措施已销号；如需重新整改，请通过回头看重新打开'],
  LEDGER_NOT_SIGNED_OFF: [409, '只有已销号的整改措施才能通过回头看重新打开'],
  LEDGER_NOTHING_TO_REOPEN: [409, '该问题没有已销号的整改措施可重新打开'],
  LEDGER_NOT_OWNER: [403, '只能为本人或本部门负责的整改措施填报进展'],
  LEDGER_BAD_DRAFT: [400, '整改台账草稿有误，未保存任何内容'],
  LEDGER_BAD_REFERENCE: [400, '引用的部门、人员、类别或问题不存在或不在本辖区'],
  LEDGER_OUT_OF_REGION: [403, '不能操作本辖区以外的整改台账'],
  LEDGER_NOT_PUBLISHED: [404, '该整改通报不存在或尚未公开'],
  LEDGER_BAD_DOCX: [400, '无法读取该 .docx 文件，请确认文件格式或改为粘贴文本'],
  LEDGER_BAD_SHEET: [400, '整改台账表格有误，未导入任何内容'],
  LEDGER_HAS_RECORD: [409, '已有整改进展、销号或问责等记录，不能删除；如有误，请修改或通过回头看处理'],
};

export class LedgerError extends AppError {
  constructor(code: LedgerErrorCode, message?: string, details?: unknown) {
    const [status, text] = DEFAULTS[code];
    super(code, message ?? text, status, details);
  }
}
