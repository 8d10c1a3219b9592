import { DELIVERY_METHOD_LABELS, type DeliveryPrepareInput } from '@tongban/contracts';
import { type Actor } from '../../../platform/access';
import { type Deps } from '../../../platform/app-types';
import { fail } from '../case-access';
import { BranchOptions } from '../case-context';
import { transition } from '../case-transition';
import { checkPrepareDelivery } from '../cases.policy';

export async function prepareDelivery(
  deps: Deps,
  actor: Actor,
  caseId: string,
  input: DeliveryPrepareInput,
  opts: BranchOptions = {},
) {
  return transition(
    deps,
    actor,
    caseId,
    input.version,
    'case.deliver',
    async (ctx) => {
      fail(checkPrepareDelivery(ctx.state));
      return {
        events: [{ type: 'delivery_prepared', method: input.method, trackingNo: input.trackingNo }],
        audit: 'case.prepare_delivery',
        summary: { method: DELIVERY_METHOD_LABELS[input.method] },
      };
    },
    opts,
  );
}
