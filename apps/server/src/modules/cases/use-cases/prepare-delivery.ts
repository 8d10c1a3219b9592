import { DELIVERY_METHOD_LABELS, type DeliveryPrepareInput } from '@tongban/contracts';
import { type Actor } from '../../../platform/access';
import { type Deps } from '../../../platform/app-types';
import { fail } from '../case-access';
import { BranchOptions, type CaseCtx, type Outcome } from '../case-context';
import { transition } from '../case-transition';
import { checkPrepareDelivery } from '../cases.policy';

export async function prepareDelivery(
  deps: Deps,
  actor: Actor,
  caseId: string,
  input: DeliveryPrepareInput,
  opts: BranchOptions = {},
) {
  return transition(deps, actor, caseId, input.version, 'case.deliver', prepareDeliveryStep(input), opts);
}

/** The rule of preparing a delivery: a decided case, how its result goes out. */
export function prepareDeliveryStep(input: Pick<DeliveryPrepareInput, 'method' | 'trackingNo'>) {
  return async (ctx: CaseCtx): Promise<Outcome> => {
    fail(checkPrepareDelivery(ctx.state));
    return {
      events: [{ type: 'delivery_prepared', method: input.method, trackingNo: input.trackingNo }],
      audit: 'case.prepare_delivery',
      summary: { method: DELIVERY_METHOD_LABELS[input.method] },
    };
  };
}
