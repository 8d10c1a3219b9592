import { type DeliveryMethod } from '@tongban/contracts';
import { type Actor } from '../../../platform/access';
import { type Deps } from '../../../platform/app-types';
import { type Tx } from '../../../platform/db';
import { transitionsInTx } from '../case-transition';
import { deliverStep } from './deliver-result';
import { prepareDeliveryStep } from './prepare-delivery';

/**
 * Issue 20 一窗出件: a bundle's branches prepared for delivery and handed over, in the bundle's
 * transaction and batched (transitionsInTx) — each by the same rules and with the same two events
 * and audit entries as a case delivered on its own. The bundle sends `queries` in its opening
 * round trip, behind its own locks; `run` returns the writes and the audit entries it sends with
 * its own and COMMIT.
 */
export function deliverBranches(
  deps: Deps,
  actor: Actor,
  tx: Tx,
  regionCode: string,
  now: Date,
  caseIds: readonly string[],
  input: { method: DeliveryMethod; receivedBy: string },
) {
  const prepare = prepareDeliveryStep({ method: input.method, trackingNo: null });
  const hand = deliverStep(deps, { receivedBy: input.receivedBy }, true);
  return transitionsInTx(
    deps,
    actor,
    tx,
    regionCode,
    now,
    caseIds.map((caseId) => ({
      caseId,
      steps: [
        { action: 'case.deliver' as const, fn: prepare },
        { action: 'case.deliver' as const, fn: hand },
      ],
    })),
  );
}
