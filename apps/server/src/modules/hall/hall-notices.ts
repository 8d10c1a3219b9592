// Wording of the hall's documents and messages (督查告知书, inbox items, 通报).
import { PATROL_PROBLEM_LABELS, type PatrolProblemKind } from '@tongban/contracts';

export const noticeNo = (year: string, n: number) => `督查告字〔${year}〕${String(n).padStart(3, '0')}号`;

export const noticeInboxTitle = (no: string, deadline: string) =>
  `督查告知书 ${no}：请于 ${deadline} 前反馈整改情况`;

export function noticeInboxBody(problems: { kind: PatrolProblemKind; where: string }[]): string {
  return problems.map((p, i) => `${i + 1}. ${p.where}：${PATROL_PROBLEM_LABELS[p.kind]}`).join('\n');
}

export const followUpFailTitle = (no: string, deadline: string) =>
  `督查告知书 ${no} 复查未通过：请于 ${deadline} 前再次整改`;

export const repliedTitle = (no: string) => `督查告知书 ${no} 已反馈整改情况，请复查`;
