import { SUSPENSION_KIND_LABELS, type SuspendInput } from '@tongban/contracts';
import { type Actor } from '../../../platform/access';
import { type Deps } from '../../../platform/app-types';
import { fail } from '../case-access';
import { issueNotice } from '../case-documents';
import { chineseDate } from '../case-notice';
import { assertAssignee, transition } from '../case-transition';
import { checkSuspend } from '../cases.policy';

// SUS-1: these stop the clock unless the item's catalog entry says the procedure counts in the limit.
export const COUNTS_IN_LIMIT_BY_DEFAULT: readonly string[] = ['site_survey', 'other'];

export async function suspend(deps: Deps, actor: Actor, caseId: string, input: SuspendInput) {
  return transition(deps, actor, caseId, input.version, 'case.review', async (ctx) => {
    fail(checkSuspend(ctx.state));
    assertAssignee(ctx, actor);
    const fromCatalog = ctx.item.specialProcedures.find((p) => p.kind === input.kind);
    const countsInLimit = fromCatalog?.countsInLimit ?? COUNTS_IN_LIMIT_BY_DEFAULT.includes(input.kind);
    const label = SUSPENSION_KIND_LABELS[input.kind];
    const notice = await issueNotice(ctx, 'suspend', {
      paragraphs: [
        `你（单位）提出的${ctx.item.name}申请，因需要进行${label}，自${chineseDate(ctx.today)}起进入特别程序，预计需要 ${input.expectedDays} 个工作日。理由：${input.reason}`,
        countsInLimit
          ? '特别程序所需时间计入办理期限。'
          : '依照《中华人民共和国行政许可法》第四十五条，特别程序所需时间不计算在办理期限内。',
      ],
      extra: { kind: input.kind, expectedDays: input.expectedDays, countsInLimit, reason: input.reason },
    });
    return {
      events: [
        {
          type: 'suspended',
          kind: input.kind,
          expectedDays: input.expectedDays,
          countsInLimit,
          noticeNo: notice.noticeNo,
        },
      ],
      audit: 'case.suspend',
      summary: { noticeNo: notice.noticeNo, kind: input.kind },
    };
  });
}
