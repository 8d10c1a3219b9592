import type { BranchStatus } from '@tongban/contracts';
import type { Updateable } from 'kysely';
import { enqueue } from '../../../platform/outbox';
import type { DB } from '../../../platform/db-types';
import type { CaseTransition } from '../../cases';
import { bundleNotices } from '../bundles-notices';
import { BundlesError } from '../bundles.errors';
import { branchStatusAfter, bundleStatusAfter, checkSodAcrossBranches, waitingFor } from '../bundles.policy';
import * as repo from '../bundles.repository';

/**
 * Whether a case is a bundle branch, as this process has seen it. A case is a branch from the
 * transaction that creates it and forever after, so "not a branch" can be remembered too.
 */
const branchCache = new Map<string, boolean>();
export function rememberBranch(caseId: string, isBranch: boolean) {
  if (branchCache.size >= 100_000) branchCache.clear();
  branchCache.set(caseId, isBranch);
}

const RELEVANT = new Set([
  'supplement_requested',
  'supplement_received',
  'accepted',
  'refused',
  'decided',
  'withdrawn',
  'step_completed',
  'license_issued',
]);

/**
 * Registered with the cases module (onCaseTransition): a branch's transition, in its transaction.
 * It locks the bundle row (the join's lock: the last branches of a bundle pass one at a time, and
 * the one that finds every branch concluded concludes the bundle — exactly once), refuses review or
 * decision while a prerequisite branch is not granted, and SOD-1 across branches.
 * Lock order is always the case, then its bundle, so branch transitions cannot deadlock.
 */
export async function onBranchTransition(t: CaseTransition): Promise<void> {
  if (!t.events.some((e) => RELEVANT.has(e.type))) return;
  if (branchCache.get(t.caseId) === false) return;
  const link = await repo.findBranchByCase(t.tx, t.caseId);
  rememberBranch(t.caseId, !!link);
  if (!link) return;
  const bundle = (await repo.lockBundle(t.tx, link.regionCode, link.bundleCaseId))!;
  const branches = await repo.listBranches(t.tx, link.regionCode, [bundle.id]);
  const me = branches.find((b) => b.caseId === t.caseId)!;
  const set: Updateable<DB['bundleBranch']> = {};
  let changed: BranchStatus | undefined;
  let asked: string[] | undefined;
  for (const e of t.events) {
    if (e.type === 'step_completed' || e.type === 'decided') {
      const waits = waitingFor(me, branches);
      if (waits.length)
        throw new BundlesError('BUNDLE_BRANCH_WAITING', undefined, {
          waitingFor: waits.map((w) => branches.find((b) => b.itemId === w)?.itemName),
        });
      const sod = checkSodAcrossBranches(
        e.type === 'decided' ? 'decide' : 'review',
        t.actor.userId,
        branches,
      );
      if (sod) throw new BundlesError(sod);
      if (t.actor.userId) {
        const key = e.type === 'decided' ? 'deciders' : 'reviewers';
        set[key] = [...me[key], t.actor.userId];
      }
    }
    if (e.type === 'license_issued') set.licenseId = e.licenseId;
    if (e.type === 'supplement_requested') asked = e.items.map((i) => i.name);
    const next = branchStatusAfter(e.type, e.type === 'decided' ? e.outcome : undefined);
    if (!next) continue;
    changed = next;
    set.status = next;
    if (e.type === 'accepted') set.acceptedAt = t.now;
    if (next === 'supplement_requested') set.pausedSince = t.now;
    if (e.type === 'supplement_received') set.pausedSince = null;
    if (['granted', 'denied', 'refused', 'withdrawn'].includes(next)) set.concludedAt = t.now;
  }
  if (Object.keys(set).length === 0) return;
  await repo.updateBranch(t.tx, link.regionCode, t.caseId, set);
  if (!changed) return;
  const after = branches.map((b) => (b.caseId === t.caseId ? { ...b, status: changed } : b));
  // ACC-1 for the bundle's tracking page: what the paused branch asks for, all at once.
  if (asked)
    await repo.appendEvent(t.tx, {
      regionCode: bundle.regionCode,
      bundleCaseId: bundle.id,
      type: 'supplement_asked',
      payload: { caseNo: me.caseNo, itemName: me.itemName, items: asked },
      actorId: t.actor.userId,
      at: t.now,
    });
  await repo.appendEvent(t.tx, {
    regionCode: bundle.regionCode,
    bundleCaseId: bundle.id,
    type: `branch_${changed}`,
    payload: { caseNo: me.caseNo, itemName: me.itemName },
    actorId: t.actor.userId,
    at: t.now,
  });
  const status = bundleStatusAfter(bundle.status, after, changed);
  if (status === bundle.status) return;
  const concluded = status === 'concluded' || status === 'withdrawn';
  await repo.updateBundle(t.tx, bundle, { status, ...(concluded ? { concludedAt: t.now } : {}) });
  await repo.appendEvent(t.tx, {
    regionCode: bundle.regionCode,
    bundleCaseId: bundle.id,
    type: status,
    payload: concluded
      ? { branches: after.map((b) => ({ caseNo: b.caseNo, status: b.status })) }
      : { caseNo: me.caseNo },
    actorId: t.actor.userId,
    at: t.now,
  });
  const to = {
    regionCode: bundle.regionCode,
    bundleId: bundle.id,
    bundleNo: bundle.bundleNo,
    name: bundle.name,
    applicantId: bundle.applicantId,
    caseId: branches[0]!.caseId,
  };
  const notice =
    status === 'awaiting_choice'
      ? bundleNotices.awaitingChoice(to, me.itemName)
      : status === 'concluded'
        ? bundleNotices.concluded(to)
        : status === 'withdrawn'
          ? bundleNotices.withdrawn(to)
          : null;
  if (notice) await enqueue(t.tx, { ...notice, dedupeKey: `${notice.dedupeKey}:${t.now.getTime()}` });
}
