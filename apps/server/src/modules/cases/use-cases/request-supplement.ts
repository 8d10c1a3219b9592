import { type SupplementInput } from '@tongban/contracts';
import { type Actor } from '../../../platform/access';
import { type Deps } from '../../../platform/app-types';
import { fail } from '../case-access';
import { type BranchOptions } from '../case-context';
import { issueNotice } from '../case-documents';
import { isAcceptanceDeemed, materialsOf, transitionWithMaterials } from '../case-transition';
import { CasesError } from '../cases.errors';
import { checkIntakeDecision } from '../cases.policy';
import * as repo from '../cases.repository';

/** ACC-1 一次性告知: every missing material, and the faulty ones named by the clerk, in one notice. */
export async function requestSupplement(
  deps: Deps,
  actor: Actor,
  caseId: string,
  input: SupplementInput,
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
      if (isAcceptanceDeemed(ctx)) throw new CasesError('CASE_ACCEPTANCE_DEEMED');
      const all = await materialsOf(ctx);
      for (const f of input.faulty)
        if (!all.some((m) => m.name === f.name))
          throw new CasesError('CASE_UNKNOWN_MATERIAL', `“${f.name}”不在材料清单中`);
      const items = [
        ...all.filter((m) => m.status === 'missing').map((m) => ({ name: m.name, reason: '未提交' })),
        ...input.faulty.filter((f) => !all.some((m) => m.name === f.name && m.status === 'missing')),
      ];
      if (items.length === 0) throw new CasesError('CASE_NOTHING_TO_SUPPLEMENT');
      ctx.writes.push(
        ...repo.updateMaterial(
          ctx.tx,
          ctx.row.regionCode,
          ctx.row.id,
          input.faulty.map((f) => f.name),
          { status: 'missing', receivedAt: null },
        ),
      );
      const notice = await issueNotice(ctx, 'supplement', {
        paragraphs: [
          `你（单位）提出的${ctx.item.name}申请，申请材料不齐全或不符合法定形式。现一次性告知需要补正的全部内容如下：`,
          ...(input.note ? [input.note] : []),
          '请补正后重新提交；补正材料齐全后，本机关依法受理。',
        ],
        list: items.map((i) => ({ name: i.name, note: i.reason })),
        extra: { items },
      });
      return {
        events: [{ type: 'supplement_requested', noticeNo: notice.noticeNo, items }],
        audit: 'case.request_supplement',
        summary: { noticeNo: notice.noticeNo, items: items.length },
      };
    },
    opts,
  );
}
