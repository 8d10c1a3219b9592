import { type AcceptInput } from '@tongban/contracts';
import { type Actor } from '../../../platform/access';
import { type Deps } from '../../../platform/app-types';
import { shanghaiToday } from '../../../platform/time';
import { fail } from '../case-access';
import { BranchOptions } from '../case-context';
import { issueNotice, noticeSequence, type NoticeCtx } from '../case-documents';
import { chineseDate } from '../case-notice';
import { isAcceptanceDeemed, missingMaterials, transitionWithMaterials } from '../case-transition';
import { CasesError } from '../cases.errors';
import { checkIntakeDecision } from '../cases.policy';
import * as repo from '../cases.repository';

/**
 * ACC-2: the 受理通知书. Its number is the given serial of the notice sequence (a bundle takes its
 * branches' numbers together, last), or the next one taken here.
 */
export function acceptanceNotice(
  ctx: NoticeCtx & { state: { receivedAt: Date | null } },
  deferred: AcceptInput['deferred'],
  deemed: boolean,
  allocated?: number,
) {
  return issueNotice(
    ctx,
    'accept',
    {
      paragraphs: [
        `你（单位）于${chineseDate(shanghaiToday(ctx.state.receivedAt!))}提出的${ctx.item.name}申请，申请材料齐全、符合法定形式，决定予以受理。`,
        ...(deferred.length ? ['以下材料予以容缺受理，请在规定期限内补交；补齐前不作出决定：'] : []),
        `本机关将在受理之日起 ${ctx.item.promisedLimitDays ?? ctx.item.legalLimitDays ?? 20} 个工作日内作出决定（法定期限 ${ctx.item.legalLimitDays ?? 20} 个工作日）。`,
        ...(deemed ? ['（收到材料后 5 个工作日内未告知补正，依法自收到材料之日起视为受理。）'] : []),
      ],
      list: deferred.map((d) => ({ name: d.name, note: `${d.dueDate} 前补交` })),
      extra: { deferred, deemed },
    },
    allocated,
  );
}

export async function accept(
  deps: Deps,
  actor: Actor,
  caseId: string,
  input: AcceptInput,
  opts: BranchOptions = {},
) {
  return transitionWithMaterials(
    deps,
    actor,
    caseId,
    input.version,
    'case.intake',
    async (ctx) => {
      fail(checkIntakeDecision(ctx.state));
      const missing = await missingMaterials(ctx);
      const deferredNames = new Set(input.deferred.map((d) => d.name));
      for (const d of input.deferred) {
        const m = missing.find((x) => x.name === d.name);
        if (!m) throw new CasesError('CASE_UNKNOWN_MATERIAL', `“${d.name}”不是缺少的材料`);
        if (!m.deferrable) throw new CasesError('CASE_NOT_DEFERRABLE', `“${d.name}”不可容缺`);
        if (d.dueDate < ctx.today)
          throw new CasesError('CASE_NOT_DEFERRABLE', '容缺材料的补交期限不能早于今天');
      }
      const stillMissing = missing.filter((m) => !deferredNames.has(m.name)).map((m) => m.name);
      if (stillMissing.length)
        throw new CasesError('CASE_MATERIALS_MISSING', undefined, { missing: stillMissing });
      for (const d of input.deferred)
        ctx.writes.push(
          ...repo.updateMaterial(ctx.tx, ctx.row.regionCode, ctx.row.id, [d.name], {
            status: 'deferred',
            dueDate: d.dueDate,
          }),
        );
      const deemed = isAcceptanceDeemed(ctx);
      const notice = await acceptanceNotice(ctx, input.deferred, deemed);
      return {
        events: [{ type: 'accepted', noticeNo: notice.noticeNo, deferred: input.deferred, deemed }],
        audit: input.deferred.length ? 'case.accept_with_deferred' : 'case.accept',
        summary: { noticeNo: notice.noticeNo },
      };
    },
    // The 受理通知书's number in the opening round trip (transition's `numbers`).
    { ...opts, numbers: (today) => [noticeSequence({ today }, 'accept')] },
  );
}
