import { type SuspensionKind } from '@tongban/calendar';
import { SUSPENSION_KIND_LABELS, type MessageParams } from '@tongban/contracts';
import { enqueueWrite } from '../../platform/outbox';
import { listUserIdsByRole } from '../auth';
import { CaseCtx } from './case-context';
import { mayNotifyReadyForPickup, type CaseEvent, type CaseState } from './cases.policy';

export const SMS = (caseNo: string, itemName: string, text: string) =>
  `【通办】您的办件 ${caseNo}（${itemName}）${text}`;

/** Notifications come only from recorded state changes, in the same transaction (after-commit delivery). */
export async function notify(
  ctx: Pick<CaseCtx, 'tx' | 'item' | 'writes'> & {
    row: Pick<CaseCtx['row'], 'id' | 'regionCode' | 'caseNo' | 'applicantId' | 'departmentId'>;
  },
  appended: { event: CaseEvent; seq: number }[],
  next: CaseState,
) {
  const { tx, row, item } = ctx;
  const send = (
    seq: number,
    kind: string,
    subject: string,
    body: string,
    recipientUserId: string | null = null,
    params: MessageParams | null = null,
  ) =>
    ctx.writes.push(
      enqueueWrite(tx, {
        regionCode: row.regionCode,
        kind,
        recipientUserId,
        // Staff get a site message; the applicant an SMS, resolved to a phone only when sent.
        recipientApplicantId: recipientUserId ? null : row.applicantId,
        // SEC-1: the phone given with this case (online), not the shared applicant record's.
        recipientCaseId: recipientUserId ? null : row.id,
        channel: recipientUserId ? 'site' : 'sms',
        subject,
        body,
        params,
        dedupeKey: `case:${row.id}:${seq}:${recipientUserId ?? 'applicant'}`,
        link: recipientUserId ? `/cases/${row.id}` : null,
      }),
    );
  for (const { event: e, seq } of appended) {
    const sms = (text: string) => SMS(row.caseNo, item.name, text);
    switch (e.type) {
      case 'accepted':
        send(
          seq,
          'case.accepted',
          '办件已受理',
          sms(
            e.deferred.length
              ? `已容缺受理，请在期限内补交：${e.deferred.map((d) => `${d.name}（${d.dueDate} 前）`).join('、')}。`
              : '已受理。',
          ),
        );
        break;
      case 'supplement_requested':
        send(
          seq,
          'case.supplement_requested',
          '请补正材料',
          sms(`需一次性补正以下材料：${e.items.map((i) => i.name).join('、')}。`),
        );
        break;
      case 'refused':
        send(seq, 'case.refused', '不予受理', sms(`不予受理：${e.reason}。可向${e.redirectTo}申请。`));
        break;
      case 'suspended':
        send(
          seq,
          'case.suspended',
          '办件进入特别程序',
          sms(
            `进入特别程序（${SUSPENSION_KIND_LABELS[e.kind as SuspensionKind] ?? e.kind}），预计 ${e.expectedDays} 个工作日。`,
          ),
        );
        break;
      case 'extension_decided':
        if (e.approved && next.extension)
          send(
            seq,
            'case.extended',
            '办理期限延长',
            sms(`办理期限延长 ${next.extension.days} 个工作日：${next.extension.reason}。`),
          );
        break;
      case 'decided':
        send(
          seq,
          'case.decided',
          '办件已办结',
          sms(e.outcome === 'grant' ? '已准予。' : '不予许可，详见决定书。'),
        );
        break;
      case 'delivery_prepared':
        // "Ready for pickup" only once the license exists and delivery is prepared.
        if (mayNotifyReadyForPickup(next)) {
          const kind =
            e.method === 'window'
              ? 'case.ready_for_pickup'
              : e.method === 'post'
                ? 'case.posted'
                : 'case.result_online';
          const text =
            e.method === 'window'
              ? '结果已可领取，请携带身份证件到窗口领取。'
              : e.method === 'post'
                ? `结果已邮寄，快递单号 ${e.trackingNo ?? ''}。`
                : '电子结果已送达，可在网上查看下载。';
          send(seq, kind, '办件结果可领取', sms(text));
        }
        break;
      case 'urged': {
        // Issue 14 point 10: the handler, or — while nobody has taken the case — the department's
        // back office, whose queue it sits in.
        const to = next.assigneeId
          ? [next.assigneeId]
          : await listUserIdsByRole(tx, {
              regionCode: row.regionCode,
              role: 'approver',
              departmentId: row.departmentId,
            });
        for (const u of to)
          send(seq, 'case.urged', '催办', `办件 ${row.caseNo} 被催办：${e.note}`, u, {
            caseNo: row.caseNo,
            note: e.note,
          });
        break;
      }
      case 'extension_requested':
        for (const h of await listUserIdsByRole(tx, {
          regionCode: row.regionCode,
          role: 'dept_head',
          departmentId: row.departmentId,
        }))
          send(
            seq,
            'case.extension_requested',
            '延期待审批',
            `办件 ${row.caseNo} 申请延期 ${e.days} 个工作日：${e.reason}`,
            h,
            { caseNo: row.caseNo, days: e.days, reason: e.reason },
          );
        break;
      default:
        break;
    }
  }
}
