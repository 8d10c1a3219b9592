import { type RefuseInput } from '@tongban/contracts';
import { type Actor } from '../../../platform/access';
import { type Deps } from '../../../platform/app-types';
import { fail } from '../case-access';
import { type BranchOptions } from '../case-context';
import { issueNotice } from '../case-documents';
import { remediesText } from '../case-notice';
import { transition } from '../case-transition';
import { checkIntakeDecision } from '../cases.policy';

/** 不予受理: reason and the body to apply to; the case lands in the 办不成事 list. */
export async function refuse(
  deps: Deps,
  actor: Actor,
  caseId: string,
  input: RefuseInput,
  opts: BranchOptions = {},
) {
  return transition(
    deps,
    actor,
    caseId,
    input.version,
    'case.intake',
    async (ctx) => {
      fail(checkIntakeDecision(ctx.state));
      const notice = await issueNotice(ctx, 'refuse', {
        paragraphs: [
          `你（单位）提出的${ctx.item.name}申请，经审查，决定不予受理。理由：${input.reason}`,
          `建议向${input.redirectTo}提出申请。`,
          remediesText(ctx.item.departmentName),
        ],
        extra: { reason: input.reason, redirectTo: input.redirectTo },
      });
      return {
        events: [
          { type: 'refused', noticeNo: notice.noticeNo, reason: input.reason, redirectTo: input.redirectTo },
        ],
        audit: 'case.refuse',
        summary: { noticeNo: notice.noticeNo },
      };
    },
    opts,
  );
}
