import type { BundleChoice, BundlePublicChoice, BundleDetail } from '@tongban/contracts';
import { SYSTEM_ACTOR, assertAccess, type Actor } from '../../../platform/access';
import type { BundleCaseRow } from '../../../platform/db-types';
import type { Deps } from '../../../platform/app-types';
import { runCommand } from '../../../platform/command';
import { casesService } from '../../cases';
import { BundlesError } from '../bundles.errors';
import { branchesToWithdraw } from '../bundles.policy';
import * as repo from '../bundles.repository';
import { findTrackedBundle, getBundle, loadBundle } from './get-bundle';

/**
 * A branch was refused or denied: the applicant chooses (never silently cancelled). "continue"
 * withdraws only branches that can no longer proceed (they wait for the failed one); "withdraw"
 * withdraws every open branch. Each branch is withdrawn in its own transaction through the cases
 * module (lock order case → bundle, as every branch transition), and the join concludes the bundle.
 */
async function choose(
  deps: Deps,
  actor: Actor,
  b: BundleCaseRow,
  choice: 'continue' | 'withdraw',
  version?: number,
) {
  const recorded = await runCommand(deps, actor, async ({ tx, now }) => {
    const locked = (await repo.lockBundle(tx, b.regionCode, b.id))!;
    if (version !== undefined && locked.version !== version) throw new BundlesError('BUNDLE_STALE');
    if (locked.status !== 'awaiting_choice') throw new BundlesError('BUNDLE_WRONG_STATUS');
    const branches = await repo.listBranches(tx, b.regionCode, [b.id]);
    await repo.updateBundle(tx, locked, { status: 'open' }).execute();
    await repo.appendEvent(tx, {
      regionCode: b.regionCode,
      bundleCaseId: b.id,
      type: 'choice_made',
      payload: { choice },
      actorId: actor.userId,
      at: now,
    });
    return {
      result: { b, withdraw: branchesToWithdraw(branches, choice) },
      audit: {
        action: 'bundle.choose',
        entityType: 'bundle_case',
        entityId: b.id,
        regionCode: b.regionCode,
        summary: { bundleNo: b.bundleNo, choice },
      },
    };
  });
  const reason =
    choice === 'withdraw' ? '申请人撤回一件事申请' : '前置事项未获通过，申请人选择继续办理其余事项';
  const system = { ...SYSTEM_ACTOR, regionCode: recorded.b.regionCode, displayName: actor.displayName };
  for (const br of recorded.withdraw)
    await casesService.withdraw(deps, system, br.caseId, { version: 0, reason }, { anyVersion: true });
  return recorded.b;
}

export async function chooseAtWindow(
  deps: Deps,
  actor: Actor,
  id: string,
  input: BundleChoice,
): Promise<BundleDetail> {
  assertAccess(actor, 'bundle.choose');
  const b = await loadBundle(deps, actor, id);
  await choose(deps, actor, b, input.choice, input.version);
  return getBundle(deps, actor, id);
}

/** The applicant chooses online with the bundle number and its 查询码 (SEC-2). */
export async function chooseOnline(deps: Deps, actor: Actor, input: BundlePublicChoice) {
  const b = await findTrackedBundle(deps, input);
  if (!b) throw new BundlesError('BUNDLE_NOT_FOUND');
  await choose(deps, actor, b, input.choice);
  return { ok: true };
}
