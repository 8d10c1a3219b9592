import { maskIdNumber, type DeliveryReceiver } from '@tongban/contracts';
import { type Actor } from '../../../platform/access';
import { type Deps } from '../../../platform/app-types';
import { idHash } from '../applicants/applicants';
import * as applicantsRepo from '../applicants/applicants.repository';
import { fail } from '../case-access';
import { BranchOptions, type CaseCtx, type Outcome } from '../case-context';
import { transition } from '../case-transition';
import { checkDeliver, checkReceiver } from '../cases.policy';

export async function deliver(
  deps: Deps,
  actor: Actor,
  caseId: string,
  input: { version: number; receivedBy: string; receiver?: DeliveryReceiver | undefined },
  opts: BranchOptions = {},
) {
  return transition(
    deps,
    actor,
    caseId,
    input.version,
    'case.deliver',
    deliverStep(deps, input, !!opts.tx),
    opts,
  );
}

/**
 * The rule of handing a result over. `inBundle`: a bundle's branch, handed over with the bundle
 * (issue 20: one delivery for all, whose receiver the comprehensive window records).
 */
export function deliverStep(
  deps: Deps,
  input: { receivedBy: string; receiver?: DeliveryReceiver | undefined },
  inBundle = false,
) {
  return async (ctx: CaseCtx): Promise<Outcome> => {
    fail(checkDeliver(ctx.state));
    const method = ctx.state.delivery!.method;
    // Issue 14 point 8: at the window the clerk checks who collects (compared by keyed hash).
    const r = input.receiver;
    let receiverIdMasked: string | null = null;
    if (method === 'window' && r) {
      const hash = idHash(deps, r.idNumber);
      receiverIdMasked = maskIdNumber(r.idNumber);
      if (r.kind === 'applicant') {
        const applicant = await applicantsRepo.findApplicant(ctx.tx, ctx.row.regionCode, ctx.row.applicantId);
        fail(
          checkReceiver({
            method,
            receiver: {
              kind: 'applicant',
              applicantIsPerson: applicant?.kind === 'person',
              idMatchesApplicant: !!applicant && applicant.idNumberHash === hash,
            },
          }),
        );
      } else {
        const agent = ctx.row.agentId
          ? await applicantsRepo.findApplicant(ctx.tx, ctx.row.regionCode, ctx.row.agentId)
          : undefined;
        fail(
          checkReceiver({
            method,
            receiver: {
              kind: 'agent',
              idMatchesRegisteredAgent: !!agent && agent.idNumberHash === hash,
              authorisationChecked: r.authorisationChecked,
            },
          }),
        );
      }
    } else if (!inBundle) {
      fail(checkReceiver({ method, receiver: null }));
    }
    return {
      events: [
        {
          type: 'delivered',
          method,
          receivedBy: input.receivedBy,
          ...(r && method === 'window' ? { receiverKind: r.kind, receiverIdMasked } : {}),
        },
        ...(method === 'window' ? [{ type: 'visit' as const, purpose: '窗口领取结果' }] : []),
      ],
      audit: 'case.deliver',
    };
  };
}
