import { type Actor } from '../../../platform/access';
import { type Deps } from '../../../platform/app-types';
import { clockWith } from '../case-clock';
import { issueNotice } from '../case-documents';
import { chineseDate } from '../case-notice';
import { transition } from '../case-transition';
import { CasesError } from '../cases.errors';

export async function decideExtension(
  deps: Deps,
  actor: Actor,
  caseId: string,
  input: { version: number; approved: boolean; note: string },
) {
  return transition(deps, actor, caseId, input.version, 'case.extension.decide', async (ctx) => {
    const ext = ctx.state.extension;
    if (ext?.status !== 'requested') throw new CasesError('CASE_NO_EXTENSION_PENDING');
    let noticeNo: string | null = null;
    if (input.approved) {
      const clock = clockWith(
        ctx.calendar,
        ctx.now,
        { ...ctx.state, extension: { ...ext, status: 'approved' } },
        ctx.item,
      );
      const notice = await issueNotice(ctx, 'extend', {
        paragraphs: [
          `你（单位）提出的${ctx.item.name}申请，因${ext.reason}，不能在规定期限内作出决定。经本机关负责人批准，办理期限延长 ${ext.days} 个工作日${clock?.decision ? `，至${chineseDate(clock.decision.legal.deadline)}` : ''}。`,
        ],
        extra: { days: ext.days, reason: ext.reason, deadline: clock?.decision?.legal.deadline ?? null },
      });
      noticeNo = notice.noticeNo;
    }
    return {
      events: [{ type: 'extension_decided', approved: input.approved, noticeNo }],
      audit: input.approved ? 'case.extension_approved' : 'case.extension_rejected',
      summary: { noticeNo, note: input.note },
    };
  });
}
