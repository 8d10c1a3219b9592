import { type DecideInput } from '@tongban/contracts';
import { type Actor } from '../../../platform/access';
import { type Deps } from '../../../platform/app-types';
import { fail } from '../case-access';
import { type BranchOptions } from '../case-context';
import { decisionEvents } from '../case-decision';
import { issueNotice } from '../case-documents';
import { missingMaterials, transitionWithMaterials } from '../case-transition';
import { CasesError } from '../cases.errors';
import { checkInstantDecision } from '../cases.policy';

/** 即办件: accepted and decided on the spot by a clerk of the item's department. */
export async function instantDecision(
  deps: Deps,
  actor: Actor,
  caseId: string,
  input: DecideInput,
  opts: BranchOptions = {},
) {
  return transitionWithMaterials(
    deps,
    actor,
    caseId,
    input.version,
    'case.intake',
    async (ctx) => {
      // SOD-1's exception: one clerk accepts and decides (the rule and its limits are in the policy).
      fail(
        checkInstantDecision(ctx.state, {
          handling: ctx.item.handling,
          actorRole: actor.role,
          actorDepartmentId: actor.departmentId,
          caseDepartmentId: ctx.row.departmentId,
        }),
      );
      const missing = await missingMaterials(ctx);
      if (missing.length)
        throw new CasesError('CASE_MATERIALS_MISSING', undefined, { missing: missing.map((m) => m.name) });
      const acceptNotice = await issueNotice(ctx, 'accept', {
        paragraphs: [
          `你（单位）提出的${ctx.item.name}申请，申请材料齐全、符合法定形式，予以受理并当场办结。`,
        ],
      });
      const decision = await decisionEvents(ctx, input, true);
      return {
        ...decision,
        events: [
          { type: 'accepted', noticeNo: acceptNotice.noticeNo, deferred: [], deemed: false },
          ...decision.events,
        ],
      };
    },
    opts,
  );
}
