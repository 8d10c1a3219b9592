// Wording of the bundle's own messages (the branches' notices come from the cases module).
import type { NewOutboxMessage } from '../../platform/outbox';

type To = {
  regionCode: string;
  bundleId: string;
  bundleNo: string;
  name: string;
  applicantId: string;
  caseId: string;
};

const sms = (to: To, text: string) => `【通办】您的一件事 ${to.bundleNo}（${to.name}）${text}`;

function message(to: To, kind: string, subject: string, text: string): NewOutboxMessage {
  return {
    regionCode: to.regionCode,
    kind,
    recipientUserId: null,
    recipientApplicantId: to.applicantId,
    // SEC-1: the contact given with the application (kept on its first branch case).
    recipientCaseId: to.caseId,
    channel: 'sms',
    subject,
    body: sms(to, text),
    dedupeKey: `bundle:${to.bundleId}:${kind}`,
  };
}

export const bundleNotices = {
  received: (to: To, branches: number) =>
    message(
      to,
      'bundle.received',
      '一件事已收件',
      `已收件，共 ${branches} 个事项并联办理，可凭查询码查看进度。`,
    ),
  awaitingChoice: (to: To, itemName: string) =>
    message(
      to,
      'bundle.awaiting_choice',
      '一件事有分支未获通过',
      `其中“${itemName}”未获通过，其余事项仍在办理。请选择继续办理其余事项或撤回申请。`,
    ),
  concluded: (to: To) =>
    message(to, 'bundle.concluded', '一件事已办结', '全部事项已办结，结果将一次性交付。'),
  withdrawn: (to: To) => message(to, 'bundle.withdrawn', '一件事已撤回', '申请已撤回。'),
  delivered: (to: To, licensed: boolean) =>
    message(
      to,
      'bundle.delivered',
      '一件事结果已交付',
      licensed ? '全部结果已一次性交付，并核发一业一证综合许可证。' : '全部结果已一次性交付。',
    ),
};
