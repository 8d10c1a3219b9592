import type { BundleDetail, BundleExtensionDecide, BundleExtensionRequest } from '@tongban/contracts';
import { checkExtension } from '@tongban/calendar';
import { assertAccess, type Actor } from '../../../platform/access';
import type { Deps } from '../../../platform/app-types';
import { runCommand } from '../../../platform/command';
import { BundlesError } from '../bundles.errors';
import * as repo from '../bundles.repository';
import { getBundle, loadBundle } from './get-bundle';

/** DEC-2: one extension of at most 15 working days for the whole bundle. */
export async function requestBundleExtension(
  deps: Deps,
  actor: Actor,
  id: string,
  input: BundleExtensionRequest,
): Promise<BundleDetail> {
  assertAccess(actor, 'bundle.extension.request');
  const b = await loadBundle(deps, actor, id);
  await runCommand(deps, actor, async ({ tx, now }) => {
    const locked = (await repo.lockBundle(tx, b.regionCode, b.id))!;
    if (locked.version !== input.version) throw new BundlesError('BUNDLE_STALE');
    if (locked.status !== 'open' && locked.status !== 'awaiting_choice')
      throw new BundlesError('BUNDLE_WRONG_STATUS');
    if (locked.extensionStatus) throw new BundlesError('BUNDLE_EXTENSION_USED');
    const bad = checkExtension(undefined, input.days, true);
    if (bad) throw new BundlesError('BUNDLE_EXTENSION_TOO_LONG');
    await repo
      .updateBundle(tx, locked, {
        extensionDays: input.days,
        extensionReason: input.reason,
        extensionStatus: 'requested',
      })
      .execute();
    await repo.appendEvent(tx, {
      regionCode: b.regionCode,
      bundleCaseId: b.id,
      type: 'extension_requested',
      payload: { days: input.days, reason: input.reason },
      actorId: actor.userId,
      at: now,
    });
    return {
      result: null,
      audit: {
        action: 'bundle.extension.request',
        entityType: 'bundle_case',
        entityId: b.id,
        regionCode: b.regionCode,
        summary: { days: input.days },
      },
    };
  });
  return getBundle(deps, actor, id);
}

/** DEC-2: approved (or not) by the head of the government body (leader role). */
export async function decideBundleExtension(
  deps: Deps,
  actor: Actor,
  id: string,
  input: BundleExtensionDecide,
): Promise<BundleDetail> {
  assertAccess(actor, 'bundle.extension.decide');
  const b = await loadBundle(deps, actor, id);
  await runCommand(deps, actor, async ({ tx, now }) => {
    const locked = (await repo.lockBundle(tx, b.regionCode, b.id))!;
    if (locked.version !== input.version) throw new BundlesError('BUNDLE_STALE');
    if (locked.extensionStatus !== 'requested') throw new BundlesError('BUNDLE_EXTENSION_NOT_REQUESTED');
    const status = input.approved ? 'approved' : 'rejected';
    await repo.updateBundle(tx, locked, { extensionStatus: status }).execute();
    await repo.appendEvent(tx, {
      regionCode: b.regionCode,
      bundleCaseId: b.id,
      type: `extension_${status}`,
      payload: { note: input.note },
      actorId: actor.userId,
      at: now,
    });
    return {
      result: null,
      audit: {
        action: `bundle.extension.${status === 'approved' ? 'approve' : 'reject'}`,
        entityType: 'bundle_case',
        entityId: b.id,
        regionCode: b.regionCode,
      },
    };
  });
  return getBundle(deps, actor, id);
}
