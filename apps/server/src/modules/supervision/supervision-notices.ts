// Wording of the supervision module's inbox items and messages (never personal data, SEC-1).
import { ESCALATION_LEVEL_LABELS, type EscalationLevel } from '@tongban/contracts';

export function escalationTitle(level: EscalationLevel, caseNo: string): string {
  switch (level) {
    case 'warning':
      return `【预警】办件 ${caseNo} 即将到期`;
    case 'yellow_card':
      return `【黄牌】办件 ${caseNo} 已超承诺时限`;
    case 'red_card':
      return `【红牌督办】办件 ${caseNo} 督办单待答复`;
    case 'leader':
      return `【报分管领导】办件 ${caseNo} 督办单逾期未答复`;
    case 'step_overdue':
      return `【环节超时】办件 ${caseNo} 的办理环节已超过本环节时限`;
    case 'refused_acceptable':
    case 'no_reasons':
    case 'skipped_steps':
      return `【督办】办件 ${caseNo}：${ESCALATION_LEVEL_LABELS[level]}`;
  }
}

export function escalationBody(level: EscalationLevel, detail: string): string {
  return `${ESCALATION_LEVEL_LABELS[level]}。${detail}`;
}

export function orderNo(year: string, serial: number): string {
  return `督办〔${year}〕第${String(serial).padStart(5, '0')}号`;
}

export function orderReason(level: EscalationLevel, detail: string): string {
  return level === 'red_card'
    ? `办件超承诺时限，${detail}，请说明原因并限期办结`
    : `${ESCALATION_LEVEL_LABELS[level]}：${detail}`;
}
